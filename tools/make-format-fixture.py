#!/usr/bin/env python3
"""Writes engine/tests/fixtures/format-v4.json: the built-in example as file format 4 writes it,
with the fields format 4 added in use (a mistyped amount kept as text, a cost note in positive
amounts, the proposal's remainder row, what stands under the balansräkning, zero as a dash, a
heading of the treasurer's own, the kept SIE mapping table). Run once when format 4 was made; kept for the record."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
d = json.loads((root / "examples/ideell-forening.json").read_text())
assert d["version"] == 4
d["settings"]["example"] = False

def walk(lines):
    for line in lines:
        yield line
        if "group" in line["kind"]:
            yield from walk(line["kind"]["group"]["children"])

for line in walk(d["income_statement"]["lines"]):
    if line["id"] == "forsaljningsintakter":
        line["kind"]["input"]["amounts"][0] = None
d["invalid_amounts"] = [
    {"place": {"kind": "line", "line": "forsaljningsintakter", "year": 0}, "text": "61 9OO"}
]
for note in d["notes"]:
    if note["id"] == "n-kostnader":
        note["table"]["sign"] = "positive"
        for row in note["table"]["rows"]:
            for cell in row["cells"]:
                if cell and "amount" in cell:
                    cell["amount"] = cell["amount"].lstrip("-")
# What stands under the balansräkning, in an older report's words, and zero as a dash.
bs_at = list(d).index("balance_sheet") + 1
items = list(d.items())
items.insert(bs_at, ("off_balance", {
    "pledged": {"label": "Ställda panter", "text": "Inga"},
    "contingent": {"label": "Ansvarsförbindelser", "text": "Borgen för Tresjöledens stugförening, 50 000 kr"},
    "remark": "Föreningen har inga leasingavtal.",
}))
d = dict(items)
d["settings"]["nil"] = "dash"
# A heading of the treasurer's own, with its subtotal, holding two of the template's lines.
for line in d["balance_sheet"]["lines"]:
    if line["id"] == "tillgangar":
        children = line["kind"]["group"]["children"]
        moved = [c for c in children if c["id"] in ("kundfordringar", "ovriga_fordringar")]
        rest = [c for c in children if c not in moved]
        at = next(i for i, c in enumerate(rest) if c["id"] == "varulager") + 1
        rest.insert(at, {
            "id": "rubrik1", "label": "Kortfristiga fordringar", "role": None, "note": None,
            "accounts": [], "kind": {"group": {"sum_label": "Summa kortfristiga fordringar", "children": moved}},
        })
        line["kind"]["group"]["children"] = rest
# The kept SIE mapping table of an import, with a six-digit sub-account moved to another line.
d["account_map"] = {"193010": "finansiella_placeringar"}
d["sie_accounts"] = [
    {"account": 1930, "name": "Bank", "balance": True, "amounts": ["1000", "800"], "budget": [None, None], "line": "kassa_och_bank"},
    {"account": 2067, "name": "Balanserat kapital", "balance": True, "amounts": ["-800", "-800"], "budget": [None, None], "line": "balanserat_resultat"},
    {"account": 3890, "name": "Medlemsavgifter", "balance": False, "amounts": ["-500", None], "budget": ["-600", None], "line": "medlemsavgifter"},
    {"account": 5010, "name": "Lokalhyra", "balance": False, "amounts": ["200", None], "budget": [None, None], "line": "ovriga_externa_kostnader"},
    {"account": 193010, "name": "Bank, sparkonto", "balance": True, "amounts": ["100", "0"], "budget": [None, None], "line": "finansiella_placeringar"},
]
out = root / "engine/tests/fixtures/format-v4.json"
out.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
print(out)
