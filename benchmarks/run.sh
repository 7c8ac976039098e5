#!/usr/bin/env bash
# augment4j vs Python cv2: the one benchmark command.
#
# Builds the benchmarks module, runs the Python cv2 baseline (python/run.sh) and the JMH benchmarks back to back
# on this machine, and writes a markdown comparison (op, size, Python ops/s, Java ops/s, ratio Java/Python,
# pipeline9 fused and unfused, 2-thread scaling). Run from anywhere:
#
#   benchmarks/run.sh                 # everything: 31 ops x {224,512} x 3 modes + pipeline9 + duel (~45 min)
#   benchmarks/run.sh --quick         # 9 ops + pipeline9, short iterations, 5-round duel (~7 min)
#   benchmarks/run.sh --ops rotate,elastic,pipeline9 --sizes 224 --no-heap
#
# Options:
#   --quick              ops marked quick in BenchOps, JMH 1 x 0.5 s warm-up + 2 x 0.5 s, Python 0.3 + 0.7 s
#   --ops a,b,...        ops by bench_cv2.py name (see BenchOps); pipeline9 is the 9-op pipeline (default: all)
#   --sizes 224,512      square input sizes
#   --image NAME|PATH    input: synthetic (default, bench_cv2.py's photo-like image), a bundled sample
#                        (chelsea, coffee, astronaut) or a photo path. Python saves the exact input PNGs and
#                        JMH reads them, so both time the very same pixels.
#   --warmup N --iters N --time S   JMH warm-up iterations, measurement iterations, seconds per iteration
#                        (default 2, 3, 1); Python gets --time x warmup-iterations as warm-up and
#                        --time x iters as timed seconds per op and size
#   --no-heap            skip the two heap modes, heap in/out and heap into a reused array (two thirds of the
#                        JMH time); native in/out only
#   --no-scaling         skip the 2-thread pipeline9 run
#   --no-duel            skip the duel: the same ops again, Python and Java in alternating 0.5 s windows, the median
#                        of the per-round ratios (Duel; about 13 s per op and size with the default 11 rounds)
#   --duel-rounds N      rounds per op and size in the duel (default 11; 5 with --quick)
#   --no-python | --no-java | --no-build
#   --soak [N]           also run the RSS soak (RssSoak, pipeline9 at 224, N applications, default 100000)
#   --out DIR            results folder (default benchmarks/results/<date>-<time>)
#   -- ARGS              anything after -- goes to JMH as is (e.g. -- -prof gc)
#
# Python and Java take turns op by op (Python's op, then JMH's forks of that op), so that on a shared machine both
# sides of each ratio see about the same load.
# Environment: JAVA (default java), MVN (default mvn). Outputs in the results folder: py/<op>.json (bench_cv2.py),
# jmh/op-<op>.json, jmh/pipeline-t1.json, jmh/pipeline-t2.json (JMH), cv2.log, jmh.log, check.log,
# input-<size>.png (the exact input both sides time), duel.md and duel.log (the duel), report.md (also printed).
set -euo pipefail

ORIG=$PWD
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}

QUICK=0; OPS=""; SIZES="224,512"; IMAGE="synthetic"; WI=2; IT=3; T=1
HEAP=1; SCALING=1; PY=1; JV=1; BUILD=1; SOAK=0; OUT=""; EXTRA=(); DUEL=1; DUEL_ROUNDS=11
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; WI=1; IT=2; T=0.5; DUEL_ROUNDS=5 ;;
    --ops) OPS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --image) IMAGE=$2; shift ;;
    --warmup) WI=$2; shift ;;
    --iters) IT=$2; shift ;;
    --time) T=$2; shift ;;
    --no-heap) HEAP=0 ;;
    --no-duel) DUEL=0 ;;
    --duel-rounds) DUEL_ROUNDS=$2; shift ;;
    --no-scaling) SCALING=0 ;;
    --no-python) PY=0 ;;
    --no-java) JV=0 ;;
    --no-build) BUILD=0 ;;
    --soak) SOAK=100000; if [[ "${2:-}" =~ ^[0-9]+$ ]]; then SOAK=$2; shift; fi ;;
    --out) OUT=$2; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$HERE/run.sh" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

OUT=${OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}
case "$OUT" in /*) ;; *) OUT="$ORIG/$OUT" ;; esac
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
say() { printf '\n== %s\n' "$*" >&2; }

if [ "$BUILD" = 1 ]; then
  say "building (mvn -o -pl benchmarks -am package -DskipTests)"
  "$MVN" -q -B -o -pl benchmarks -am package -DskipTests
fi
JAR=$(ls "$HERE"/target/benchmarks-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[ -n "$JAR" ] || { echo "no benchmarks jar in $HERE/target: build first (drop --no-build)" >&2; exit 1; }
CP="$JAR:$HERE/target/lib/*"
jrun() { "$JAVA" -cp "$CP" "$@"; }

# Op lists come from the one table, BenchOps.
if [ -n "$OPS" ]; then SEL=(--select "$OPS"); elif [ "$QUICK" = 1 ]; then SEL=(--quick); else SEL=(); fi
JAVA_OPS=$(jrun io.augment4j.benchmarks.BenchOps "${SEL[@]}")
PY_OPS=$(jrun io.augment4j.benchmarks.BenchOps --python-only "${SEL[@]}")
WANT_PIPE=0
if [ -z "$OPS" ] || [[ ",$OPS," == *",pipeline9,"* ]]; then WANT_PIPE=1; fi

# Input: Python makes (or loads and resizes) it and saves the exact PNG per size; JMH reads those files.
PY_IMAGE=()
case "$IMAGE" in
  synthetic) ;;
  chelsea|coffee|astronaut) PY_IMAGE=(--image "$(ls "$ROOT"/samples/images/"$IMAGE".* | head -1)") ;;
  /*) PY_IMAGE=(--image "$IMAGE") ;;
  *) PY_IMAGE=(--image "$ORIG/$IMAGE") ;;
esac
INPUT="$OUT/input-%d.png"
PY_WARM=$(awk "BEGIN{print $WI*$T}"); PY_SECS=$(awk "BEGIN{print $IT*$T}")
TMS=$(awk "BEGIN{printf \"%d\", $T*1000}")
mkdir -p "$OUT/py" "$OUT/jmh"

say "input images (bench_cv2.py --save-input; Python checks its op definitions)"
"$HERE"/python/run.sh --ops hflip --sizes "$SIZES" --warmup 0 --seconds 0 "${PY_IMAGE[@]}" \
    --save-input "$INPUT" > "$OUT/py/input.log"

say "checking Java ops (each compiled and applied at each size)"
CHECK_OPS=$JAVA_OPS; [ "$WANT_PIPE" = 1 ] && CHECK_OPS="$CHECK_OPS,pipeline9"
GOOD=$(jrun io.augment4j.benchmarks.Check --ops "$CHECK_OPS" --sizes "$SIZES" --input "$INPUT" 2> "$OUT/check.log") || true
grep -v "ok  ->" "$OUT/check.log" >&2 || true
RUN_OPS=$(echo "$GOOD" | tr ',' '\n' | grep -v -x -e pipeline9 -e '' | paste -sd' ' - || true)
PIPE_OK=0; [[ ",$GOOD," == *",pipeline9,"* ]] && PIPE_OK=1

JMH_COMMON=(-f 1 -wi "$WI" -w "${TMS}ms" -i "$IT" -r "${TMS}ms" -p "size=$SIZES" -p "input=$INPUT" -rf json)
METHODS='(nativeIO|heapIO|heapInto)'; [ "$HEAP" = 1 ] || METHODS='nativeIO'
jmh() {  # jmh NAME ARGS...: JSON to jmh/NAME.json, human log appended to jmh.log
  local name=$1; shift
  if ! jrun org.openjdk.jmh.Main "$@" "${JMH_COMMON[@]}" -rff "$OUT/jmh/$name.json" "${EXTRA[@]}" \
      >> "$OUT/jmh.log" 2>&1; then
    echo "JMH run $name failed; the end of $OUT/jmh.log:" >&2
    tail -n 20 "$OUT/jmh.log" >&2
    return 1
  fi
  grep -E '^[A-Za-z]+Benchmark\.' "$OUT/jmh.log" | tail -n +$(( $(cat "$OUT/jmh/.shown" 2>/dev/null || echo 0) + 1 )) >&2
  grep -cE '^[A-Za-z]+Benchmark\.' "$OUT/jmh.log" > "$OUT/jmh/.shown" || true
}
py() {  # py OP: bench_cv2.py on one op, JSON to py/OP.json
  "$HERE"/python/run.sh --ops "$1" --sizes "$SIZES" --warmup "$PY_WARM" --seconds "$PY_SECS" --windows "$IT" --no-check \
      "${PY_IMAGE[@]}" --json "$OUT/py/$1.json" | tee -a "$OUT/cv2.log" | grep -E "^$1 " >&2
}

# Python and Java take turns op by op, so both sides of each ratio see the same machine load.
LOOP_OPS=$(echo "$JAVA_OPS" | tr ',' ' ')
N_OPS=$(echo $LOOP_OPS | wc -w); I=0
for op in $LOOP_OPS; do
  I=$((I + 1))
  say "[$I/$N_OPS] $op"
  if [ "$PY" = 1 ] && [[ ",$PY_OPS," == *",$op,"* ]]; then py "$op"; fi
  if [ "$JV" = 1 ] && [[ " $RUN_OPS " == *" $op "* ]]; then jmh "op-$op" "io\.augment4j\.benchmarks\.OpBenchmark\.$METHODS\$" -t 1 -p "op=$op"; fi
done
if [ "$WANT_PIPE" = 1 ]; then
  say "pipeline9"
  if [ "$PY" = 1 ]; then py pipeline9; fi
  if [ "$JV" = 1 ] && [ "$PIPE_OK" = 1 ]; then
    jmh pipeline-t1 "io\.augment4j\.benchmarks\.PipelineBenchmark\.$METHODS\$" -t 1
    if [ "$SCALING" = 1 ]; then
      say "pipeline9, 2 threads"
      jmh pipeline-t2 "io\.augment4j\.benchmarks\.PipelineBenchmark\.$METHODS\$" -t 2
      say "pipeline9 CPU time per image, 1 vs 2 threads (scaling that free cores would give)"
      CS_SECS=$(awk "BEGIN{s=$IT*$T*3; print (s<3)?3:s}")
      jrun io.augment4j.benchmarks.CpuScaling --seconds "$CS_SECS" --input "$INPUT" | tee "$OUT/cpu-scaling.log" >&2
    fi
  fi
fi

# Duel: the same ops again, Python and Java in alternating half-second windows (the steadiest ratios here).
if [ "$DUEL" = 1 ] && [ "$PY" = 1 ] && [ "$JV" = 1 ]; then
  DUEL_OPS=$(for op in $RUN_OPS; do [[ ",$PY_OPS," == *",$op,"* ]] && echo "$op"; done | paste -sd, -)
  if [ "$PIPE_OK" = 1 ] && [ "$WANT_PIPE" = 1 ]; then DUEL_OPS=${DUEL_OPS:+$DUEL_OPS,}pipeline9; fi
  if [ -n "$DUEL_OPS" ]; then
    say "duel: $DUEL_OPS, $DUEL_ROUNDS rounds each"
    jrun io.augment4j.benchmarks.Duel --ops "$DUEL_OPS" --sizes "$SIZES" --rounds "$DUEL_ROUNDS" \
        --input "$INPUT" --python "$HERE/python/run.sh" > "$OUT/duel.md" 2> "$OUT/duel.log" || {
      echo "the duel failed; the end of $OUT/duel.log:" >&2; tail -n 20 "$OUT/duel.log" >&2; }
  fi
fi

if [ "$SOAK" != 0 ]; then
  say "RSS soak: pipeline9 at 224, $SOAK applications"
  "$JAVA" -Xms64m -Xmx64m -XX:+AlwaysPreTouch -cp "$CP" io.augment4j.benchmarks.RssSoak \
      --n "$SOAK" --input "$INPUT" | tee "$OUT/soak.log" || true
fi

say "report: $OUT/report.md"
FILES=()
for f in "$OUT"/py/*.json; do [ -s "$f" ] && FILES+=(--python "$f"); done
for f in "$OUT"/jmh/*.json; do [ -s "$f" ] && FILES+=(--jmh "$f"); done
jrun io.augment4j.benchmarks.Compare "${FILES[@]}" --out "$OUT/report.md"
if [ -s "$OUT/cpu-scaling.log" ]; then
  { printf '\n## pipeline9 CPU-bound scaling (CpuScaling, native, fused, 224)\n\n```\n'; cat "$OUT/cpu-scaling.log"
    printf '```\n'; } | tee -a "$OUT/report.md"
fi
if [ -s "$OUT/duel.md" ]; then
  { printf '\n## Duel: alternating windows, median of the per-round ratios\n\n'; cat "$OUT/duel.md"; } \
      | tee -a "$OUT/report.md"
fi
if [ -s "$OUT/soak.log" ]; then
  { printf '\n## RSS soak\n\n```\n'; tail -n 4 "$OUT/soak.log"; printf '```\n'; } | tee -a "$OUT/report.md"
fi
