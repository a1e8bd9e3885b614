"""newsdex-ner tag / eval / text on a small CoNLL snippet this test writes itself, plus the
error conventions: one line 'newsdex-ner: ...' on stderr and exit 2."""
import json
import os
import tempfile

from ner_e2e_common import MODEL, finish, run

SNIPPET = """-DOCSTART- -X- -X- O

GERMANY NNP B-NP B-LOC
BEAT VBD B-VP O
FRANCE NNP B-NP B-LOC

Germany NNP B-NP B-LOC
beat VBD B-VP O
France NNP B-NP B-LOC
2-1 CD I-NP O
in IN B-PP O
Paris NNP B-NP B-LOC
on IN B-PP O
Saturday NNP B-NP O
. . O O

Chancellor NNP B-NP O
Helmut NNP I-NP B-PER
Kohl NNP I-NP I-PER
congratulated VBD B-VP O
the DT B-NP O
German JJ I-NP B-MISC
team NN I-NP O
and CC O O
coach NN B-NP O
Berti NNP I-NP B-PER
Vogts NNP I-NP I-PER
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
European NNP I-NP B-ORG
Commission NNP I-NP I-ORG
said VBD B-VP O
on IN B-PP O
Thursday NNP B-NP O
it PRP B-NP O
met VBD B-VP O
officials NNS B-NP O
of IN B-PP O
the DT B-NP O
United NNP I-NP B-ORG
Nations NNP I-NP I-ORG
in IN B-PP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
. . O O
"""

TAGS = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

failures = []
with tempfile.TemporaryDirectory() as tmp:
    conll = os.path.join(tmp, "snippet.txt")
    with open(conll, "w") as f:
        f.write(SNIPPET)
    lines = SNIPPET.splitlines()

    # tag: every line unchanged plus a tag column on token lines.
    code, out, err = run("tag", "--model", MODEL, conll)
    if code != 0:
        failures.append(f"tag exit {code}: {err}")
    out_lines = out.splitlines()
    if len(out_lines) != len(lines):
        failures.append(f"tag wrote {len(out_lines)} lines for {len(lines)}")
    correct = tokens = 0
    for inp, got in zip(lines, out_lines):
        if not inp.strip() or inp.startswith("-DOCSTART-"):
            if got != inp:
                failures.append(f"non-token line changed: {inp!r} -> {got!r}")
            continue
        if not got.startswith(inp + " "):
            failures.append(f"token line changed: {inp!r} -> {got!r}")
            continue
        predicted = got[len(inp) + 1:]
        if predicted not in TAGS:
            failures.append(f"bad tag {predicted!r}")
        tokens += 1
        correct += predicted == inp.split()[-1]
    if tokens == 0 or correct / tokens < 0.9:
        failures.append(f"tag accuracy {correct}/{tokens} on an easy snippet")

    # tag from standard input gives the same output.
    code, out_stdin, _ = run("tag", "--model", MODEL, "-", stdin=SNIPPET)
    if code != 0 or out_stdin != out:
        failures.append("tag from stdin differs from tag FILE")

    # eval: per-type and overall lines with precision, recall, F1.
    code, out, err = run("eval", "--model", MODEL, conll)
    if code != 0:
        failures.append(f"eval exit {code}: {err}")
    rows = {l.split()[0]: l.split() for l in out.splitlines() if l.strip()}
    for name in ("PER", "LOC", "ORG", "MISC", "overall"):
        if name not in rows:
            failures.append(f"eval output lacks {name}: {out}")
    if "overall" in rows:
        p, r, f1 = (float(x) for x in rows["overall"][1:4])
        gold = int(rows["overall"][4])
        if gold != 11:
            failures.append(f"eval counted {gold} gold entities, expected 11")
        if not (0.8 <= f1 <= 1.0 and 0 <= p <= 1 and 0 <= r <= 1):
            failures.append(f"eval overall F1 {f1} on an easy snippet")

    # text: JSON lines with byte offsets into the input (multi-byte characters before them).
    text = "Émile said: “Angela Merkel’s visit to Berlin” went well.\n"
    code, out, err = run("text", "--model", MODEL, stdin=text)
    if code != 0:
        failures.append(f"text exit {code}: {err}")
    data = text.encode()
    entities = [json.loads(l) for l in out.splitlines()]
    for e in entities:
        if set(e) != {"type", "text", "canonical", "start", "end"}:
            failures.append(f"text keys {sorted(e)}")
        elif data[e["start"]:e["end"]].decode() != e["text"]:
            failures.append(f"offsets {e['start']}..{e['end']} do not give {e['text']!r}")
    found = {(e["type"], e["canonical"]) for e in entities}
    for want in [("person", "Angela Merkel"), ("place", "Berlin")]:
        if want not in found:
            failures.append(f"text did not find {want}: {found}")

    # Errors: one line on stderr, exit 2, nothing on stdout.
    for args, what in [
        (("eval", os.path.join(tmp, "missing.txt")), "missing input file"),
        (("tag", "--model", os.path.join(tmp, "missing.model"), conll), "missing model"),
        (("frobnicate",), "unknown subcommand"),
        (("eval",), "missing argument"),
    ]:
        code, out, err = run(*args)
        if code != 2 or out or not err.startswith("newsdex-ner: ") or err.count("\n") != 1:
            failures.append(f"{what}: exit {code}, stdout {out!r}, stderr {err!r}")
    bad = os.path.join(tmp, "bad.txt")
    with open(bad, "w") as f:
        f.write("Word NNP B-NP B-WHAT\n")
    code, out, err = run("eval", "--model", MODEL, bad)
    if code != 2 or "line 1" not in err:
        failures.append(f"malformed CoNLL: exit {code}, stderr {err!r}")
    corrupt = os.path.join(tmp, "corrupt.model")
    with open(corrupt, "wb") as f:
        f.write(b"NDXNER01\x05")
    code, out, err = run("text", "--model", corrupt, stdin="x")
    if code != 2 or "corrupt.model" not in err:
        failures.append(f"corrupt model: exit {code}, stderr {err!r}")

    # --help documents every subcommand.
    code, out, _ = run("--help")
    if code != 0 or not all(c in out for c in ("tag", "train", "eval", "text")):
        failures.append(f"--help: exit {code}: {out}")
    code, out, _ = run("train", "--help")
    if code != 0 or "--dev" not in out or "--out" not in out:
        failures.append(f"train --help: exit {code}: {out}")

finish(failures)
