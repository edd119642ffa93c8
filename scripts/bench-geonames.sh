#!/usr/bin/env bash
# Benchmark of the GeoNames import (crates/extract/src/kb/geonames.rs).
#
# Generates a synthetic allCountries.txt of N lines (default 1 000 000) and an alternate names
# file (about two names per place, Arabic for 40 % of them), builds a small release runner
# against rasd-extract, and times the import with peak memory (/usr/bin/time -v).
#
#   scripts/bench-geonames.sh            # 1 M lines
#   N=200000 scripts/bench-geonames.sh   # quicker
#
# Nothing is downloaded but crates already in Cargo.lock. Not run by CI.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-1000000}"
WORK="${WORK:-${TMPDIR:-/tmp}/rasd-bench-geonames}"
mkdir -p "$WORK"
ALL="$WORK/allCountries-$N.txt"
ALT="$WORK/alternateNames-$N.txt"
OUT="$WORK/gazetteer-$N.tsv"

if [[ ! -s "$ALL" || ! -s "$ALT" ]]; then
  echo "generating $N places and their alternate names in $WORK"
  awk -v n="$N" -v all="$ALL" -v alt="$ALT" 'BEGIN {
    srand(42);
    split("IQ SY LB JO IR SA YE EG LY SD TR KW", cc, " ");
    split("PPL PPL PPL PPLA2 PPLX", pcode, " ");
    split("AIRB AIRP MILB INSM CMP PSTB", scode, " ");
    aid = 1;
    for (i = 1; i <= n; i++) {
      id = 1000000 + i;
      c = cc[1 + int(rand() * 12)];
      a1 = sprintf("%02d", 1 + int(rand() * 30));
      r = rand();
      if (i % 1000 == 0)      { cls = "A"; code = "ADM1" }   # ADM1 rows spread through the file
      else if (r < 0.70)      { cls = "P"; code = pcode[1 + int(rand() * 5)] }
      else if (r < 0.80)      { cls = "S"; code = scode[1 + int(rand() * 6)] }
      else if (r < 0.90)      { cls = "H"; code = "STM" }
      else                    { cls = "T"; code = "HLL" }
      lat = 12 + rand() * 25; lon = 30 + rand() * 30;
      pop = (cls == "P") ? int(rand() * rand() * 200000) : 0;
      name = "Place " id;
      printf "%d\t%s\t%s\t%s,Alt %d\t%.5f\t%.5f\t%s\t%s\t%s\t\t%s\t\t\t\t%d\t\t100\tAsia/Baghdad\t2024-01-01\n", \
        id, name, name, name, id, lat, lon, cls, code, c, a1, pop > all;
      printf "%d\t%d\ten\t%s\t\t\t\t\t\t\n", aid++, id, name > alt;
      if (rand() < 0.40) printf "%d\t%d\tar\tمكان %d\t1\t\t\t\t\t\n", aid++, id, id > alt;
      if (rand() < 0.10) printf "%d\t%d\tar\tاسم قديم %d\t\t\t\t1\t\t\n", aid++, id, id > alt;
      if (rand() < 0.50) printf "%d\t%d\tfa\tجای %d\t\t\t\t\t\t\n", aid++, id, id > alt;
    }
  }'
fi
ls -l "$ALL" "$ALT"
wc -l "$ALL" "$ALT"

RUNNER="$WORK/runner"
mkdir -p "$RUNNER/src"
cat > "$RUNNER/Cargo.toml" <<EOF
[package]
name = "geonames-bench"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
rasd-extract = { path = "$ROOT/crates/extract" }

[workspace]
EOF
cat > "$RUNNER/src/main.rs" <<'EOF'
use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

use rasd_extract::kb::geonames::{import, ImportOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (all, alt, out) = (&args[1], &args[2], &args[3]);
    let countries = args.get(4).map(|c| c.split(',').filter(|c| !c.is_empty()).map(String::from).collect()).unwrap_or_default();
    let min_population = args.get(5).and_then(|p| p.parse().ok()).unwrap_or(0);
    let opts = ImportOptions { countries, min_population };
    let open = |p: &str| BufReader::with_capacity(1 << 20, File::open(p).unwrap_or_else(|e| panic!("{p}: {e}")));
    let t = Instant::now();
    let stats = import(open(all), open(alt), &opts, File::create(out).expect("output")).expect("import");
    let secs = t.elapsed().as_secs_f64();
    println!("{stats}");
    println!("time: {secs:.2} s, {:.0} places lines/s", stats.lines_read as f64 / secs);
}
EOF
cp "$ROOT/Cargo.lock" "$RUNNER/Cargo.lock" 2>/dev/null || true
export CARGO_TARGET_DIR="$ROOT/target/bench-geonames"
cargo build --release --quiet --manifest-path "$RUNNER/Cargo.toml"
BIN="$CARGO_TARGET_DIR/release/geonames-bench"

run() {
  echo "== import $* =="
  /usr/bin/time -v "$BIN" "$ALL" "$ALT" "$OUT" "$@" 2> "$WORK/time.txt"
  grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$WORK/time.txt"
  echo "output: $(wc -l < "$OUT") lines, $(du -h "$OUT" | cut -f1)"
}
run
run IQ,SY 1000
