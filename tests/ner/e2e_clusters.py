"""newsdex-ner clusters on a small corpus this test writes itself (text files, JSON Lines
with a bad line, CoNLL words): the cluster file's layout, words of one kind of context
sharing longer path prefixes, the same bytes on every run, one-line errors; then train
--clusters embeds them in a model that tags."""
import os
import tempfile

from ner_e2e_common import finish, run

PEOPLE = ["Smith", "Jones", "Brown", "Taylor"]
TOWNS = ["Leeds", "York", "Bath", "Derby"]

CONLL = """-DOCSTART- -X- -X- O

Smith NNP B-NP B-PER
said VBD B-VP O
Leeds NNP B-NP B-LOC
won VBD B-VP O
. . O O

Jones NNP B-NP B-PER
went VBD B-VP O
to TO B-PP O
York NNP B-NP B-LOC
. . O O
"""


def common_prefix(a, b):
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k


failures = []
with tempfile.TemporaryDirectory() as tmp:
    news = os.path.join(tmp, "news")
    os.makedirs(os.path.join(news, "b"))
    for k, p in enumerate(PEOPLE):
        with open(os.path.join(news, f"p{k}.txt"), "w") as f:
            f.write(f"Yesterday {p} said it was over.\n\nWe met {p} again.\n" * 3)
    with open(os.path.join(news, "b", "towns.jsonl"), "w") as f:
        f.write("this line is not JSON\n")
        for t in TOWNS:
            for _ in range(3):
                f.write('{"title": "A house in %s was sold", "text": "They went to %s by train."}\n'
                        % (t, t))
    conll = os.path.join(tmp, "train.txt")
    with open(conll, "w") as f:
        f.write(CONLL)

    out1 = os.path.join(tmp, "clusters1.txt")
    out2 = os.path.join(tmp, "clusters2.txt")
    code, _, err = run("clusters", "--out", out1, "--context-words", "30", news, "--conll", conll)
    if code != 0:
        failures.append(f"clusters exit {code}: {err}")
    if "towns.jsonl:1: not a JSON object, skipped" not in err:
        failures.append(f"bad JSON line not reported: {err!r}")
    code, _, _ = run("clusters", "--out", out2, "--context-words", "30", news, "--conll", conll)
    paths = {}
    with open(out1) as f:
        text1 = f.read()
    with open(out2) as f:
        if f.read() != text1:
            failures.append("two runs wrote different cluster files")
    for line in text1.splitlines():
        fields = line.split("\t")
        if len(fields) != 3 or set(fields[0]) - {"0", "1"} or not fields[2].isdigit():
            failures.append(f"malformed line {line!r}")
            continue
        paths[fields[1]] = fields[0]
    for w in PEOPLE + TOWNS:
        if w not in paths:
            failures.append(f"{w} not clustered: {sorted(paths)}")
    if not failures:
        people = common_prefix(paths["Smith"], paths["Jones"])
        towns = common_prefix(paths["Leeds"], paths["York"])
        across = common_prefix(paths["Smith"], paths["Leeds"])
        if not (people > across and towns > across):
            failures.append(f"names and towns not apart: {paths}")

    # train --clusters: the model embeds them and tags.
    model = os.path.join(tmp, "tiny.model")
    code, _, err = run("train", "--train", conll, "--clusters", out1, "--epochs", "2",
                       "--folds", "2", "--min-feature-count", "1", "--out", model)
    if code != 0 or "clusters: " not in err:
        failures.append(f"train --clusters exit {code}: {err}")
    code, out, err = run("tag", "--model", model, conll)
    if code != 0 or len(out.splitlines()) != len(CONLL.splitlines()):
        failures.append(f"tag with the clustered model: exit {code}: {err}")

    # Errors: one line, exit 2.
    bad_clusters = os.path.join(tmp, "bad-clusters.txt")
    with open(bad_clusters, "w") as f:
        f.write("0110\tLeeds\t3\n01x\tYork\t2\n")
    for args, what, needle in [
        (("clusters", "--out", out1, os.path.join(tmp, "missing")), "missing input", "missing"),
        (("clusters", "--out", out1), "no input", "no input"),
        (("train", "--train", conll, "--clusters", bad_clusters, "--out", model),
         "malformed cluster file", "bad-clusters.txt: line 2"),
    ]:
        code, out, err = run(*args)
        if code != 2 or out or not err.startswith("newsdex-ner: ") or err.count("\n") != 1 \
                or needle not in err:
            failures.append(f"{what}: exit {code}, stdout {out!r}, stderr {err!r}")

finish(failures)
