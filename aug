#!/usr/bin/env bash
# aug: the augment4j command-line tool. Builds what it needs on first use, then runs it.
#   ./aug list | describe NAME | preview ... | apply ... | replay ...     (./aug --help)
# Environment: AUG_JAVA_OPTS (extra JVM options, e.g. -Xmx8g), AUG_MVN_OPTS (extra Maven options, e.g. -o),
#              AUG_NO_BUILD=1 (never rebuild; run what is built),
#              SPARK_HOME or AUG_SPARK_CLASSPATH (Spark's jars for 'apply/tune --engine spark'; default: resolved once
#              with Maven into samples/target/spark.classpath).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$ROOT/samples/target"
JAR="$TARGET/samples-0.1.0-SNAPSHOT.jar"
LIB="$TARGET/lib"

die() { echo "aug: $*" >&2; exit 2; }

command -v java >/dev/null 2>&1 || die "java not found; install a Java 17 (or newer) JDK and put it on PATH"

# Sources the launcher's jars are built from: a change in any of them triggers a rebuild.
stale() {
  [[ -f "$JAR" && -d "$LIB" ]] || return 0
  local newer
  newer="$(find "$ROOT/pom.xml" "$ROOT/augment-api" "$ROOT/augment-opencv" "$ROOT/augment-spark" "$ROOT/trainer" "$ROOT/plugins" "$ROOT/samples/pom.xml" \
      "$ROOT/samples/src/main" \( -path '*/target' -o -path '*/src/test' \) -prune -o -type f -newer "$JAR" -print -quit \
      2>/dev/null || true)"
  [[ -n "$newer" ]]
}

if [[ "${AUG_NO_BUILD:-}" != "1" ]] && stale; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) not found; it is needed once to build aug (apt install maven)"
  if [[ -f "$JAR" ]]; then
    echo "aug: sources changed; rebuilding ..." >&2
  else
    echo "aug: first run; building augment4j (a minute or two; later runs start at once) ..." >&2
  fi
  log="$(mktemp "${TMPDIR:-/tmp}/aug-build.XXXXXX.log")"
  # No sources/javadoc jars: the tool does not need them.
  # shellcheck disable=SC2086
  if (cd "$ROOT" && mvn -q -B ${AUG_MVN_OPTS:-} -DskipTests -Dmaven.source.skip -Dmaven.javadoc.skip \
      -pl samples -am install) >"$log" 2>&1; then
    rm -f "$log"
    touch "$JAR"
  elif [[ -f "$JAR" ]]; then
    echo "aug: warning: the rebuild failed (log: $log); running the previous build" >&2
  else
    tail -n 30 "$log" >&2
    die "the build failed; full log: $log"
  fi
fi

# Start-up: C1 only (most work is native OpenCV or short) except for the long commands (apply, train, evaluate,
# tune), whose Java loops profit from C2;
# and a class-data-sharing archive of the classes a preview loads, made once after each build (a few seconds).
JIT=(-XX:TieredStopAtLevel=1)
case " $* " in *" apply "*|*" train "*|*" evaluate "*|*" tune "*) JIT=() ;; esac
JAVA=(java ${AUG_JAVA_OPTS:-} -Djava.awt.headless=true -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off)
JSA="$TARGET/aug.jsa"
if [[ ! -f "$JSA" || -n "$(find "$JAR" "$LIB" -newer "$JSA" -print -quit 2>/dev/null)" ]]; then
  rm -f "$JSA"
  tmp_jsa="$TARGET/.aug.$$.jsa"
  if "${JAVA[@]}" -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$tmp_jsa" -cp "$JAR:$LIB/*" io.augment4j.cli.Aug \
      preview --spec "$ROOT/samples/specs/demo.yaml" --image "$ROOT/samples/images/chelsea.png" -n 2 \
      --out "$TARGET/.aug-cds-training.png" >/dev/null 2>&1 && [[ -s "$tmp_jsa" ]]; then
    mv -f "$tmp_jsa" "$JSA"
  fi
  rm -f "$tmp_jsa" "$TARGET/.aug-cds-training.png"
fi
CDS=()
[[ -f "$JSA" ]] && CDS=(-XX:SharedArchiveFile="$JSA")

# apply/tune --engine spark: Spark's jars (provided: never bundled) and the JVM flags Spark needs on Java 17.
CP="$JAR:$LIB/*"
SPARK=()
case " $* " in
  *" --engine spark "*|*" --engine=spark "*)
    if [[ -n "${AUG_SPARK_CLASSPATH:-}" ]]; then
      CP="$CP:$AUG_SPARK_CLASSPATH"
    elif [[ -n "${SPARK_HOME:-}" ]]; then
      CP="$CP:$SPARK_HOME/jars/*"
    else
      SPARK_CP="$TARGET/spark.classpath"
      if [[ ! -s "$SPARK_CP" || "$ROOT/pom.xml" -nt "$SPARK_CP" ]]; then
        echo "aug: resolving Spark's jars with Maven (once; ~250 MB on the first download) ..." >&2
        log="$(mktemp "${TMPDIR:-/tmp}/aug-spark.XXXXXX.log")"
        # shellcheck disable=SC2086
        (cd "$ROOT" && mvn -q -B ${AUG_MVN_OPTS:-} -pl augment-spark -am compile dependency:build-classpath \
            -Dmdep.includeScope=provided -Dmdep.outputFile="$SPARK_CP") >"$log" 2>&1 \
          || { tail -n 30 "$log" >&2; die "could not resolve Spark's jars; full log: $log"; }
        rm -f "$log"
      fi
      CP="$CP:$(cat "$SPARK_CP")"
    fi
    SPARK=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false
      -Dio.netty.tryReflectionSetAccessible=true -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dslf4j.internal.verbosity=WARN)
    for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
        java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
      SPARK+=("--add-opens=java.base/$p=ALL-UNNAMED")
    done
    ;;
esac

exec "${JAVA[@]}" "${JIT[@]}" "${CDS[@]}" "${SPARK[@]}" -cp "$CP" io.augment4j.cli.Aug "$@"
