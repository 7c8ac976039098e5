#!/usr/bin/env bash
# Boxes and keypoints: what moving them costs over the image work (issue 14: under 5 % at 224x224).
#
# Builds the benchmarks module, runs TargetsBenchmark (a fused geometric pipeline and the local warps
# grid_distortion, elastic and optical_distortion, each on an image-only sample and on the same image with 10 boxes
# + 17 keypoints, at 224 and 512) and prints the table of (with targets - image only) / image only with the CPU model; then TargetsShare, the same share measured
# in one process (image-only and with-targets calls taking turns, CPU time, min and median over rounds), which on a
# noisy shared machine resolves a 5 % share where JMH's +-20-45 % iterations cannot. About 3 minutes (224 only).
# Run from anywhere:
#
#   benchmarks/targets.sh
#   benchmarks/targets.sh --sizes 224 --pipelines geometric,elastic
#
# Options:
#   --sizes 224,512          square input sizes
#   --pipelines a,b,...      geometric, grid_distortion, elastic, optical_distortion (default: all four)
#   --image NAME|PATH        input: a bundled sample (chelsea, default; coffee, astronaut) or a photo path
#   --warmup N --iters N --time S   JMH warm-up iterations, measurement iterations, seconds each (default 2, 3, 1)
#   --no-build               use the jar already in benchmarks/target
#   --no-share               skip TargetsShare (JMH only)
#   --rounds N               TargetsShare rounds (default 31)
#   --out DIR                results folder (default benchmarks/results/targets-<date>-<time>)
#   -- ARGS                  anything after -- goes to JMH as is (e.g. -- -prof gc)
#
# Environment: JAVA (default java), MVN (default mvn). Outputs in the results folder: targets.json (JMH),
# jmh.log, report.md (also printed), share.md (TargetsShare's table, also printed).
set -euo pipefail

ORIG=$PWD
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}

SIZES="224,512"; PIPES="geometric,grid_distortion,elastic,optical_distortion"; IMAGE="chelsea"; WI=2; IT=3; T=1
BUILD=1; OUT=""; EXTRA=(); SHARE=1; ROUNDS=31
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift ;;
    --pipelines) PIPES=$2; shift ;;
    --image) IMAGE=$2; shift ;;
    --warmup) WI=$2; shift ;;
    --iters) IT=$2; shift ;;
    --time) T=$2; shift ;;
    --no-build) BUILD=0 ;;
    --no-share) SHARE=0 ;;
    --rounds) ROUNDS=$2; shift ;;
    --out) OUT=$2; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$HERE/targets.sh" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$IMAGE" in /*|chelsea|coffee|astronaut) ;; *) IMAGE="$ORIG/$IMAGE" ;; esac

OUT=${OUT:-$HERE/results/targets-$(date +%Y%m%d-%H%M%S)}
case "$OUT" in /*) ;; *) OUT="$ORIG/$OUT" ;; esac
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if [ "$BUILD" = 1 ]; then
  echo "== building (mvn -o -pl benchmarks -am package -DskipTests)" >&2
  "$MVN" -q -B -o -pl benchmarks -am package -DskipTests
fi
JAR=$(ls "$HERE"/target/benchmarks-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[ -n "$JAR" ] || { echo "no benchmarks jar in $HERE/target: build first (drop --no-build)" >&2; exit 1; }
CP="$JAR:$HERE/target/lib/*"
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
CPU=${CPU:-$(uname -m)}

TMS=$(awk "BEGIN{printf \"%d\", $T*1000}")
echo "== TargetsBenchmark: pipelines $PIPES, sizes $SIZES, input $IMAGE, CPU $CPU" >&2
if ! "$JAVA" -cp "$CP" org.openjdk.jmh.Main 'io\.augment4j\.benchmarks\.TargetsBenchmark\.nativeIO$' \
    -f 1 -t 1 -wi "$WI" -w "${TMS}ms" -i "$IT" -r "${TMS}ms" \
    -p "size=$SIZES" -p "pipeline=$PIPES" -p "targets=none,person" -p "input=$IMAGE" \
    -rf json -rff "$OUT/targets.json" "${EXTRA[@]}" > "$OUT/jmh.log" 2>&1; then
  echo "JMH failed; the end of $OUT/jmh.log:" >&2
  tail -n 30 "$OUT/jmh.log" >&2
  exit 1
fi
grep -E '^TargetsBenchmark\.' "$OUT/jmh.log" >&2 || true
echo >&2
"$JAVA" -cp "$CP" io.augment4j.benchmarks.TargetsReport --jmh "$OUT/targets.json" --cpu "$CPU" --out "$OUT/report.md"
if [ "$SHARE" = 1 ]; then
  echo >&2
  echo "== TargetsShare (one process, CPU time, $ROUNDS rounds), CPU $CPU" >&2
  "$JAVA" -Xms1g -Xmx1g -cp "$CP" io.augment4j.benchmarks.TargetsShare --sizes "$SIZES" --pipelines "$PIPES" \
      --input "$IMAGE" --rounds "$ROUNDS" | tee "$OUT/share.md"
fi
