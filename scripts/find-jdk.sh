# Sourced by ./rhoscope and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME, then the javac on PATH, then every JDK under /usr/lib/jvm. The choice is
# kept in ${RHOSCOPE_CACHE:-~/.cache/rhoscope}/jdk and reused while that JDK is still there and
# JAVA_HOME asks for the same thing, so that a command starts no JVM just to find one (set
# JAVA_HOME, or remove the file, to choose again).

# Sets rhoscope_major to the JDK's major version, from its release file read with shell builtins
# (no process started), or from the JVM when the file is absent.
rhoscope_java_major() {
  local line v=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        v="${BASH_REMATCH[1]}"
        break
      fi
    done <"$1/release"
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
  fi
  rhoscope_major="$v"
}

rhoscope_usable_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  rhoscope_java_major "$1"
  [ -n "$rhoscope_major" ] && [ "$rhoscope_major" -ge 21 ]
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
    if rhoscope_usable_jdk "$d"; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

# The cached choice: the JAVA_HOME it was made for on the first line, the JDK on the second.
rhoscope_jdk_cache="${RHOSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rhoscope}/jdk"
RHOSCOPE_JDK=""
if [ -r "$rhoscope_jdk_cache" ]; then
  { read -r rhoscope_asked; read -r rhoscope_cached; } <"$rhoscope_jdk_cache" || true
  if [ "${rhoscope_asked:-}" = "${JAVA_HOME:-}" ] && [ -n "${rhoscope_cached:-}" ] \
    && rhoscope_usable_jdk "$rhoscope_cached"; then
    RHOSCOPE_JDK="$rhoscope_cached"
  fi
  unset rhoscope_asked rhoscope_cached
fi
if [ -z "$RHOSCOPE_JDK" ]; then
  if ! RHOSCOPE_JDK=$(rhoscope_find_jdk); then
    echo "rhoscope: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm/*)." >&2
    echo "rhoscope: install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
    exit 1
  fi
  # a cache that cannot be written only costs the next command the search
  if mkdir -p "$(dirname "$rhoscope_jdk_cache")" 2>/dev/null; then
    printf '%s\n%s\n' "${JAVA_HOME:-}" "$RHOSCOPE_JDK" >"$rhoscope_jdk_cache.$$" 2>/dev/null \
      && mv -f "$rhoscope_jdk_cache.$$" "$rhoscope_jdk_cache" 2>/dev/null \
      || rm -f "$rhoscope_jdk_cache.$$" 2>/dev/null
  fi
fi
unset rhoscope_jdk_cache
export JAVA_HOME="$RHOSCOPE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own libraries (Guava) still call sun.misc.Unsafe, which JDK 24+ warns about on every
# build; allow it quietly there (older JDKs reject the flag).
rhoscope_java_major "$JAVA_HOME"
if [ "$rhoscope_major" -ge 24 ]; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
