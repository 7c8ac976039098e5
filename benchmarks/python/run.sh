#!/usr/bin/env bash
# Python cv2 baseline for augment4j's JMH benchmarks. Usage: ./run.sh [bench_cv2.py flags]
#   e.g. ./run.sh --sizes 224,512 --seconds 2 --json cv2.json
set -euo pipefail
PY=/usr/bin/python3   # Debian's python: python3-opencv is installed for it (pyenv's python3 has no cv2)
if ! "$PY" -c 'import cv2' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y python3-opencv
fi
# glibc keeps freed memory instead of returning it to the OS: cv2's fastest case
# (5-15x faster at 512x512, where every call allocates multi-MB outputs).
export GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432
exec "$PY" "$(dirname "$0")/bench_cv2.py" "$@"
