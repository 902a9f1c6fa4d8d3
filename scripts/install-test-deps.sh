#!/usr/bin/env bash
# Installs what the browser tests need (Debian's chromium and chromium-driver) when it is missing.
# Idempotent: does nothing when both are present. Needs root and apt-get; without them it says so
# and exits non-zero, and the browser tests skip with a message.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if have chromium && have chromedriver; then
  exit 0
fi
if ! have apt-get; then
  echo "install-test-deps: apt-get not found; install chromium and chromium-driver by hand" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: not root; run 'apt-get install chromium chromium-driver' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium chromium-driver
