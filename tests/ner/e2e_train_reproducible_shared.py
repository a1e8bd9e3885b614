"""newsdex-ner clusters on the unlabelled news, then train on CoNLL-2003, reproduce the
shipped model byte for byte (the same commands scripts/train-ner runs), and the model
reaches the required dev F1."""
import filecmp
import os
import tempfile

from ner_e2e_common import MODEL, SOURCE_DIR, finish, require_shared, run

train = require_shared("ner", "conll2003", "train.txt")
dev = require_shared("ner", "conll2003", "dev.txt")
bbc = require_shared("corpora", "bbc")
reuters = require_shared("corpora", "reuters21578-jsonl")
failures = []
with tempfile.TemporaryDirectory() as tmp:
    clusters = os.path.join(tmp, "word-clusters.txt")
    code, _, err = run("clusters", "--out", clusters, bbc, reuters, "--conll", train)
    if code != 0:
        failures.append(f"clusters exit {code}: {err}")
    out = os.path.join(tmp, "retrained.model")
    code, _, err = run("train", "--clusters", clusters, "--train", train, "--dev", dev,
                       "--iso-codes", "/usr/share/iso-codes/json",
                       "--gazetteer", os.path.join(SOURCE_DIR, "schemas", "gazetteer.yaml"),
                       "--aliases", os.path.join(SOURCE_DIR, "schemas", "aliases.yaml"),
                       "--out", out)
    if code != 0:
        failures.append(f"train exit {code}: {err}")
    elif not filecmp.cmp(out, MODEL, shallow=False):
        failures.append("retrained model differs from ner/model/newsdex-ner.model "
                        "(run scripts/train-ner after changing features or schemas)")
    if "epoch 1/" not in err or "dev F1" not in err:
        failures.append(f"no per-epoch progress on stderr: {err[:300]!r}")
code, out, err = run("eval", "--model", MODEL, dev)
overall = [l.split() for l in out.splitlines() if l.startswith("overall")]
if code != 0 or not overall:
    failures.append(f"eval exit {code}: {err}")
elif float(overall[0][3]) < 0.91:
    failures.append(f"dev F1 {overall[0][3]} below 0.91")
finish(failures)
