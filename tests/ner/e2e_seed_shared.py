"""newsdex-ner text on the seed article finds the people, places and organisations with
their canonical names, and no weekday, month or sentence-initial common word."""
import json

from ner_e2e_common import MODEL, finish, require_shared, run

seed = require_shared("seeds", "kremlin-tweet-diplomacy.txt")
failures = []
code, out, err = run("text", "--model", MODEL, seed)
if code != 0:
    failures.append(f"exit {code}: {err}")
data = open(seed, "rb").read()
entities = [json.loads(line) for line in out.splitlines()]
for e in entities:
    if data[e["start"]:e["end"]].decode() != e["text"]:
        failures.append(f"offsets {e['start']}..{e['end']} do not give {e['text']!r}")
found = {(e["type"], e["canonical"]) for e in entities}
expected = [("person", n) for n in ("Donald Trump", "Dmitry Peskov", "Barack Obama")]
expected += [("place", n) for n in ("Moscow", "Russia", "Syria", "Washington", "Duma",
                                     "Eastern Ghouta")]
expected += [("org", n) for n in ("Twitter", "Russian Foreign Ministry")]
for want in expected:
    if want not in found:
        failures.append(f"missing {want}")
# Every mention of Trump and Peskov is faceted under the full name.
for e in entities:
    if e["text"] in ("Trump", "Peskov") and e["canonical"] not in ("Donald Trump", "Dmitry Peskov"):
        failures.append(f"{e['text']} canonical {e['canonical']!r}")
forbidden = {"Saturday", "Wednesday", "April", "Radicals", "Previously", "In", "This", "These",
             "The", "He"}
for e in entities:
    if set(e["text"].split()) & forbidden:
        failures.append(f"common word tagged: {e}")
finish(failures)
