#!/usr/bin/env bash
# Runs every test of every module (the README's test command).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"
# Browser tests need Debian's chromium; the script installs it when it can and the tests skip
# with a message when it is still missing.
if [ -x "$ROOT/scripts/install-test-deps.sh" ]; then
  "$ROOT/scripts/install-test-deps.sh" || echo "test deps could not be installed; browser tests will skip" >&2
fi
exec mvn --batch-mode verify "$@"
