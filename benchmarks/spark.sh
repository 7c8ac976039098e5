#!/usr/bin/env bash
# The Spark engine against the local one (issue 15): `aug apply` over N photos of SIZE x SIZE, with the local
# engine (1 and 2 threads), Spark local[1] and local[2] (the engine's overhead as a ratio), and Spark
# local-cluster with 1 and 2 executor JVMs of one core each (scaling). Checks that every Spark run wrote the same
# bytes as the local engine. Prints a markdown table with the CPU model. About 5 minutes on 2 cores.
#
#   benchmarks/spark.sh
#   benchmarks/spark.sh --count 200 --copies 1 --runs local2,spark2
#
# Options:
#   --count N        input photos (default 1000, rounded up to a multiple of 3), made once with aug apply from
#                    the three bundled photos (seeded random_resized_crop)
#   --size S         their side in pixels (default 512)
#   --copies a,b     outputs per input; one table row group per value (default 1,4: the difference separates
#                    Spark's fixed start-up from its per-image cost)
#   --spec SPEC      the augmentation (default samples/specs/demo.yaml)
#   --runs a,b,...   local1, local2, spark1, spark2, cluster1, cluster2 (default: all)
#   --out DIR        results folder (default benchmarks/results/spark-<date>-<time>)
#
# local-cluster mode starts a standalone worker that
# launches executor JVMs from SPARK_HOME/jars: the script makes such a folder from aug's own class path (jars
# linked, nothing copied), as augment-spark's SparkClusterTest does.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

COUNT=1000; SIZE=512; COPIES="1,4"; SPEC="samples/specs/demo.yaml"; RUNS="local1,local2,spark1,spark2,cluster1,cluster2"
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift ;;
    --size) SIZE=$2; shift ;;
    --copies) COPIES=$2; shift ;;
    --spec) SPEC=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "spark.sh: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
OUT=${OUT:-benchmarks/results/spark-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# Build aug and resolve Spark's jars once (not timed).
./aug list >/dev/null
IN="benchmarks/results/spark-inputs-$COUNT-$SIZE"
if [ ! -f "$IN/.done" ]; then
  echo "making $COUNT inputs of ${SIZE}x$SIZE in $IN ..." >&2
  rm -rf "$IN"; mkdir -p "$IN"
  # seeded random crops of the three bundled photos, resized to SIZE x SIZE (two JPEGs and a PNG per round)
  per=$(( (COUNT + 2) / 3 ))
  ./aug apply --spec "pipeline(random_resized_crop(height=$SIZE, width=$SIZE, scale=[0.36, 1.0]), seed=15)" \
    --in samples/images --out "$IN" --copies "$per" -q >/dev/null
  rm -f "$IN/manifest.jsonl" "$IN/aug-spec.yaml"
  touch "$IN/.done"
fi
NIN=$(find "$IN" -type f \( -name '*.jpg' -o -name '*.png' \) | wc -l)
mkdir -p "$OUT/tmp"
./aug apply --engine spark --master 'local[1]' --spec "$SPEC" --in "$IN" --out "$OUT/tmp/warm" --copies 1 -q \
  >/dev/null 2>"$OUT/warm.log" || true   # resolves Spark's class path (once) outside the timings

# A SPARK_HOME for local-cluster: RELEASE plus jars/ linking every jar of aug's class path and Spark's.
SPARK_FAKE="$OUT/tmp/spark-home"
mkdir -p "$SPARK_FAKE/jars"
echo "augment4j benchmark SPARK_HOME" > "$SPARK_FAKE/RELEASE"
for j in samples/target/samples-*.jar samples/target/lib/*.jar $(tr ':' ' ' < samples/target/spark.classpath); do
  case "$j" in *.jar) ln -sf "$(cd "$(dirname "$j")" && pwd)/$(basename "$j")" "$SPARK_FAKE/jars/" ;; esac
done

# run NAME COPIES: times one aug apply into $OUT/NAME-cCOPIES; prints seconds
run() {
  local name=$1 copies=$2 dest="$OUT/tmp/$1-c$2" args=() env=()
  case "$name" in
    local1) args=(--threads 1) ;;
    local2) args=(--threads 2) ;;
    spark1) args=(--engine spark --master 'local[1]') ;;
    spark2) args=(--engine spark --master 'local[2]') ;;
    cluster1) args=(--engine spark --master 'local-cluster[1,1,1024]'); env=(SPARK_HOME="$SPARK_FAKE" SPARK_SCALA_VERSION=2.13) ;;
    cluster2) args=(--engine spark --master 'local-cluster[2,1,1024]'); env=(SPARK_HOME="$SPARK_FAKE" SPARK_SCALA_VERSION=2.13) ;;
    *) echo "spark.sh: unknown run $name" >&2; exit 2 ;;
  esac
  rm -rf "$dest"
  local t0 t1
  t0=$(date +%s.%N)
  env "${env[@]}" AUG_NO_BUILD=1 ./aug apply "${args[@]}" --spec "$SPEC" --in "$IN" --out "$dest" --copies "$copies" -q \
    >"$OUT/$name-c$copies.log" 2>&1 || { echo "spark.sh: $name failed; log: $OUT/$name-c$copies.log" >&2; tail -5 "$OUT/$name-c$copies.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  calc %.2f "$t1 - $t0"
}

# same: the outputs of two runs are byte-identical (the manifest's line order differs by engine)
same() {
  diff -rq -x manifest.jsonl "$OUT/tmp/$1" "$OUT/tmp/$2" >/dev/null && echo yes || echo NO
}

CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
{
  echo "# Spark engine against the local engine"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), CPU: $CPU ($(nproc) cores), load before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$NIN photos (JPEG and PNG) of ${SIZE}x$SIZE, spec $SPEC; wall time of the whole \`aug apply\` (JVM and Spark start-up"
  echo "included). Ratios against the local engine with as many threads as Spark has cores."
  echo
  echo "| copies | run | seconds | outputs/s | ratio | same bytes as local |"
  echo "|---:|---|---:|---:|---:|:-:|"
} > "$OUT/report.md"
IFS=, read -ra RUNLIST <<< "$RUNS"
IFS=, read -ra COPYLIST <<< "$COPIES"
for c in "${COPYLIST[@]}"; do
  declare -A T=()
  for r in "${RUNLIST[@]}"; do
    T[$r]=$(run "$r" "$c")
    echo "$r copies=$c: ${T[$r]} s" >&2
  done
  for r in "${RUNLIST[@]}"; do
    case "$r" in
      local1) base=""; ref="" ;;
      local2) base=${T[local1]:-}; ref="" ;;
      spark1) base=${T[local1]:-}; ref="local1" ;;
      spark2|cluster2) base=${T[local2]:-}; ref="local2" ;;
      cluster1) base=${T[local1]:-}; ref="local1" ;;
    esac
    ratio="" ; same_col=""
    if [ -n "$base" ]; then ratio="$(calc %.2f "${T[$r]} / $base")x time of ${ref:-local1}"; fi
    if [ -n "$ref" ] && [ -d "$OUT/tmp/$ref-c$c" ]; then same_col=$(same "$ref-c$c" "$r-c$c"); fi
    rate=$(calc %.1f "$NIN * $c / ${T[$r]}")
    echo "| $c | $r | ${T[$r]} | $rate | $ratio | $same_col |" >> "$OUT/report.md"
  done
  if [ -n "${T[cluster1]:-}" ] && [ -n "${T[cluster2]:-}" ]; then
    echo >> "$OUT/report.md"
    echo "copies $c: local-cluster, 2 executors against 1: $(calc %.2f "${T[cluster1]} / ${T[cluster2]}")x the throughput" >> "$OUT/report.md"
    echo >> "$OUT/report.md"
  fi
  unset T
done
rm -rf "$OUT/tmp"
cat "$OUT/report.md"
