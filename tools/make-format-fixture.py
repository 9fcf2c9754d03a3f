#!/usr/bin/env python3
"""Writes engine/tests/fixtures/format-v4.json: the built-in example as file format 4 writes it,
with the fields format 4 added in use (a mistyped amount kept as text, a cost note in positive
amounts, the proposal's remainder row). Run once when format 4 was made; kept for the record."""
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
out = root / "engine/tests/fixtures/format-v4.json"
out.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
print(out)
