#!/usr/bin/env bash
# Installs the Debian packages some tests need when they are missing: chromium and
# chromium-driver (browser tests), spin and gcc (the SPIN cross-check of the explorer's state
# counts). Idempotent: does nothing when every command is present, and installs only the missing
# packages. Needs root and apt-get; without them it says so and exits non-zero, and those tests
# skip with a message.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

# command the tests look for, then the Debian package that provides it
needed=(
  chromium chromium
  chromedriver chromium-driver
  spin spin
  gcc gcc
)
missing=()
for ((i = 0; i < ${#needed[@]}; i += 2)); do
  have "${needed[i]}" || missing+=("${needed[i + 1]}")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! have apt-get; then
  echo "install-test-deps: apt-get not found; install ${missing[*]} by hand" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: not root; run 'apt-get install ${missing[*]}' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
