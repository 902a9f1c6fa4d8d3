#!/usr/bin/env bash
# Fuzzes rhoscope's inputs for longer than the build does (the build only replays the inputs).
#
#   scripts/fuzz.sh [SECONDS] [process|type]...   (default: 600 seconds each, both targets)
#
# Each target runs Jazzer's standalone driver on a @FuzzTest for SECONDS: Rholang parse, print
# and compile (engine ProcessFuzzTest), type parse, expansion and print (query-lang
# TypeFuzzTest). What it learns is kept under target/fuzz-corpus/; a crash is written to
# target/fuzz-crashes/ and the script exits non-zero. Copy each crash into the test's inputs
# folder (src/test/resources/<package>/<Class>Inputs/<method>/) so that the build replays it
# from then on, and fix it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"

seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(process type)

declare -A MODULE=([process]=engine [type]=query-lang)
declare -A CLASS=([process]=rhoscope.engine.ProcessFuzzTest [type]=rhoscope.lang.parse.TypeFuzzTest)
declare -A METHOD=(
  [process]=parsedProcessesPrintToAFixedPointAndCompileOrAreRefused
  [type]=parsedTypesExpandToCoreAndPrintToAFixedPointOrAreRefused)

modules="$(for t in "${targets[@]}"; do echo "${MODULE[$t]:?unknown target $t (process or type)}"; done | sort -u | paste -sd,)"
echo "fuzz: compiling $modules and their test classpaths ..." >&2
mvn -o -q --batch-mode -pl "$modules" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath >/dev/null

status=0
for t in "${targets[@]}"; do
  module="${MODULE[$t]}"
  class="${CLASS[$t]}"
  package_dir="$(dirname "${class//.//}")"
  inputs="$module/src/test/resources/$package_dir/${class##*.}Inputs/${METHOD[$t]}"
  corpus="$module/target/fuzz-corpus/$t"
  crashes="$module/target/fuzz-crashes/$t"
  mkdir -p "$corpus" "$crashes"
  classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz.classpath")"
  echo "fuzz: $t for ${seconds}s (seeds: $inputs)" >&2
  if ! "$JAVA_HOME/bin/java" -Xss8m -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --target_method="${METHOD[$t]}" \
      --instrumentation_includes='rhoscope.**' \
      --reproducer_path="$crashes" \
      -max_total_time="$seconds" -artifact_prefix="$crashes/" \
      "$corpus" "$inputs"; then
    echo "fuzz: $t found a crash; its input is in $crashes/" >&2
    status=1
  fi
done
exit "$status"
