#!/usr/bin/env bash
# Runs every test of every module (the README's test command).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"
# The browser test needs Debian's chromium and chromium-driver, the SPIN cross-check spin and gcc;
# the script installs what is missing when it can, and those tests skip, saying why, when not.
if [ -x "$ROOT/scripts/install-test-deps.sh" ]; then
  "$ROOT/scripts/install-test-deps.sh" || echo "test deps could not be installed; browser tests will skip" >&2
fi
exec mvn --batch-mode verify "$@"
