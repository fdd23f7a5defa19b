"""Reference for test/engine/charts/distribution.test.ts and the indicators notebook's test
(test/notebooks/shipped.test.ts): the 2025 demo period's indicators over the graded enterprises
(land_mu >= 3 and years_in_production >= 2, the scheme's `eligible`), merged here by hand from the
departments' files (datasets/demo/2025/: participants.xlsx, land.xlsx with its shares, tax.xlsx,
stats.csv, environment.csv; codes normalised: NFKC, upper case, no spaces; a code not on the list left
out; a ratio over 0 missing). For 亩均税收 (tax / land_mu): its mean, median, sample skewness G1 and
excess kurtosis G2 (e1071 type 2, COINr's skew()/kurt()), and the values COINr's winsorise loop
(|G1| >= 2 and G2 >= 3.5, at most 5 points) replaces; for every indicator, how many values the loop
replaces and whether the column still fails after them (then the rule logs it instead)."""
import csv
import re
import unicodedata
import zipfile
import numpy as np

D = "datasets/demo/2025/"


def sheet(path):
    """The first sheet of an XLSX as dicts by header (shared strings and inline strings)."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S):
            shared.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
    rows = []
    for r in re.findall(r"<row[^>]*>(.*?)</row>", z.read("xl/worksheets/sheet1.xml").decode(), re.S):
        cells = {}
        for col, attrs, inner in re.findall(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', r, re.S):
            v = re.search(r"<v>(.*?)</v>", inner or "")
            t = re.search(r"<t[^>]*>(.*?)</t>", inner or "")
            cells[col] = shared[int(v.group(1))] if 't="s"' in attrs else v.group(1) if v else t.group(1) if t else None
        rows.append(cells)
    header = rows[0]
    return [{header[c]: r.get(c) for c in header} for r in rows[1:]]


def norm(code):
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", code)).upper()


def num(v):
    return float(v) if v not in (None, "") else float("nan")


KEY = "统一社会信用代码"
participants = sheet(D + "participants.xlsx")
land, tax = {}, {}
for r in sheet(D + "land.xlsx"):
    share = num(r.get("分摊比例"))
    land[norm(r[KEY])] = land.get(norm(r[KEY]), 0) + num(r["用地面积(亩)"]) * (1 if share != share else share)
for r in sheet(D + "tax.xlsx"):
    tax[norm(r[KEY])] = num(r["实缴税金(万元)"])



def by_code(rows):
    return {norm(r[KEY]): r for r in rows}


stats = by_code(csv.DictReader(open(D + "stats.csv", encoding="utf-8-sig")))
env = by_code(csv.DictReader(open(D + "environment.csv", encoding="utf-8")))
graded = [norm(p[KEY]) for p in participants if land.get(norm(p[KEY]), 0) >= 3 and num(p["投产年限(年)"]) >= 2]


def col(table, header):
    return lambda c: num(table[c][header]) if c in table else float("nan")


def ratio(a, b):
    return a / b if b == b and b != 0 else float("nan")


va, revenue, employees, rd = (col(stats, h) for h in ("工业增加值(万元)", "主营业务收入(万元)", "从业人员(人)", "R&D经费(万元)"))
energy, emissions = col(env, "综合能耗(吨标准煤)"), col(env, "主要污染物排放(吨)")
INDICATORS = {
    "tax_per_mu": lambda c: ratio(tax.get(c, float("nan")), land[c]),
    "va_per_mu": lambda c: ratio(va(c), land[c]),
    "labour_productivity": lambda c: ratio(va(c), employees(c)),
    "rd_intensity": lambda c: ratio(rd(c), revenue(c)) * 100,
    "va_per_energy": lambda c: ratio(va(c), energy(c)),
    "va_per_emission": lambda c: ratio(va(c), emissions(c)),
}


def g1(v):
    n = len(v); d = v - v.mean()
    g = np.sqrt(n) * (d ** 3).sum() / (d ** 2).sum() ** 1.5
    return g * np.sqrt(n * (n - 1)) / (n - 2)


def g2(v):
    n = len(v); d = v - v.mean()
    r = n * (d ** 4).sum() / (d ** 2).sum() ** 2
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def fails(v):
    return abs(g1(v)) >= 2 and g2(v) >= 3.5


def winsorise(x):
    """COINr's loop: the values replaced (largest first) and whether the column still fails."""
    v = x.copy(); count = 0
    while fails(v) and count < 5:
        top = v.max(); nxt = v[v < top].max(); v[v == top] = nxt
        count = int((v != x).sum())
    return [k for k in np.argsort(-x) if v[k] != x[k]], v


for name, f in INDICATORS.items():
    values = [(c, f(c)) for c in graded]
    ids = [c for c, v in values if v == v]
    x = np.array([v for c, v in values if v == v])
    changed, v = winsorise(x)
    print(name, "n", len(x), "missing", len(graded) - len(x), "winsorised", len(changed), "-> log" if fails(v) else "-> winsorize" if changed else "-> none")
    if name == "tax_per_mu":
        print("  mean %.12f median %.12f" % (x.mean(), np.median(x)))
        print("  skew %.12f kurt %.12f" % (g1(x), g2(x)))
        print("  replaced", [ids[k] for k in changed])
