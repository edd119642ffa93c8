#!/usr/bin/env bash
# Documents per second through the Python package (one process), through Spark local[2]
# (examples/spark_extract.py) and through `rasd extract`, over the same JSON Lines file of
# N documents made by python/tests/corpus.py (default 10000, about 30 MB).
#
#   PY=/path/to/venv/bin/python bash scripts/bench-python.sh [N]
#
# PY is a Python where rasd (release build: `pip install ./python`) and, for the Spark figure,
# pyspark are installed; the release binary is built with cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
py="${PY:-python3}"
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build -q --release -p rasd
rasd="$target/release/rasd"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" python/tests/corpus.py "$n" > "$work/articles.jsonl"
mb=$(du -m "$work/articles.jsonl" | cut -f1)
echo "input: $n documents, $mb MB; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

secs() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
# CPU seconds (user + system, all threads) of a command: steadier than wall time on a busy machine.
cpu() { "$py" -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{r.ru_utime + r.ru_stime:.2f}")' "$@"; }
rate() { echo "scale=0; $n / $1" | bc; }

for j in 2 1; do
  s=$(secs "$rasd" extract -j "$j" "$work/articles.jsonl" -o "$work/cli.jsonl")
  c=$(cpu "$rasd" extract -j "$j" "$work/articles.jsonl" -o "$work/cli.jsonl")
  echo "rasd extract -j $j: ${s} s, $(rate "$s") documents/s; ${c} CPU s, $(rate "$c") documents per CPU second"
done

for t in 2 1; do
  s=$("$py" - "$work/articles.jsonl" "$t" <<'PY'
import json, sys, time
import rasd
path, threads = sys.argv[1], int(sys.argv[2])
rasd.default_pipeline()  # loaded once per process, not timed
t0 = time.perf_counter()
with open(path, encoding="utf-8") as f:
    n = sum(1 for _ in rasd.extract_many((json.loads(line) for line in f), threads=threads))
wall = time.perf_counter() - t0
import resource
r = resource.getrusage(resource.RUSAGE_SELF)
print(f"{wall:.2f} {r.ru_utime + r.ru_stime:.2f}")
PY
)
  c=${s#* }; s=${s% *}
  echo "rasd.extract_many(threads=$t), dicts in and out, one process: ${s} s, $(rate "$s") documents/s; ${c} CPU s (with the start), $(rate "$c") documents per CPU second"
done

s=$("$py" - "$work/articles.jsonl" <<'PY'
import json, sys, time
import rasd
rasd.default_pipeline()
t0 = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        rasd.extract(d["text"], d.get("published"), d.get("id"), d.get("title"), source=d.get("source"))
print(f"{time.perf_counter() - t0:.2f}")
PY
)
echo "rasd.extract one by one, one thread: ${s} s, $(rate "$s") documents/s"

if "$py" -c "import pyspark" 2>/dev/null && command -v java >/dev/null; then
  export PYSPARK_PYTHON="$py" SPARK_LOCAL_IP=127.0.0.1
  for mode in "" "--pipe --rasd $rasd"; do
    out=$("$py" examples/spark_extract.py "$work/articles.jsonl" "$work/spark" --master 'local[2]' \
      --partitions 4 $mode 2>/dev/null | tail -n 1)
    ex=$(echo "$out" | "$py" -c "import json,sys; print(json.load(sys.stdin)['extract_seconds'])")
    tot=$(echo "$out" | "$py" -c "import json,sys; print(json.load(sys.stdin)['total_seconds'])")
    echo "Spark local[2] ${mode:-mapInPandas}: extract+write records ${ex} s, $(rate "$ex") documents/s; with the events Parquet ${tot} s"
  done
else
  echo "SKIPPED: Spark figure: no pyspark in $py, or no java"
fi
