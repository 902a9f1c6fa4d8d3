#!/usr/bin/env bash
# Runs every test of every module (the README's test command).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"
exec mvn --batch-mode verify "$@"
