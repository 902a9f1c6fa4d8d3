# Sourced by ./rhoscope and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME, then the java on PATH, then every JDK under /usr/lib/jvm.

rhoscope_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

rhoscope_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local d
  for d in /usr/lib/jvm/*; do candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      local major
      major=$(rhoscope_java_major "$d")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        echo "$d"
        return 0
      fi
    fi
  done
  return 1
}

if ! RHOSCOPE_JDK=$(rhoscope_find_jdk); then
  echo "rhoscope: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm/*)." >&2
  echo "rhoscope: install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$RHOSCOPE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own libraries (Guava) still call sun.misc.Unsafe, which JDK 24+ warns about on every
# build; allow it quietly there (older JDKs reject the flag).
if [ "$(rhoscope_java_major "$JAVA_HOME")" -ge 24 ]; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
