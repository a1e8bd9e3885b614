"""Language detection on real news in eight languages (../shared/corpora/multilingual):
the first PER_LANGUAGE articles of each LANG.jsonl, written as plain-text files in LANG/
(so the `lang` key is withheld from the detector), indexed; the `language` facet of each
folder must name its language for at least FLOOR of its articles. Skips (77) when
../shared is absent. scripts/eval-language measures the whole set."""

import json
import os
import sys
import unittest

import harness

DATA = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "multilingual")
LANGS = ["de", "es", "fr", "it", "ja", "nl", "pt", "ru"]
PER_LANGUAGE = 50
# CLD2 detects 1,923 of the 1,924 articles of the set correctly (scripts/eval-language;
# the miss is a Japanese article):
# the floor leaves room for one miss in 50 per language, not for a broken detector or
# fallback (a detector that said "en" for short texts would fail it on pt and es).
FLOOR = 0.98


class MultilingualDetection(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.ws = harness.class_workspace(cls, copy_corpus=False)
        for lang in LANGS:
            with open(os.path.join(DATA, lang + ".jsonl"), encoding="utf-8") as f:
                lines = [l for l in f if l.strip()][:PER_LANGUAGE]
            for n, line in enumerate(lines):
                a = json.loads(line)
                cls.ws.write("%s/%03d.txt" % (lang, n),
                             (a.get("title") or "").strip() + "\n\n" + a["text"])
        cls.result = cls.ws.index("--no-entities")

    def test_index(self):
        self.assertEqual(self.result.code, 0, self.result)
        self.assertEqual(harness.parse_summary(self.result.out)["added"],
                         PER_LANGUAGE * len(LANGS))

    def test_detection_accuracy_per_language(self):
        for lang in LANGS:
            with self.subTest(lang=lang):
                r = self.ws.newsdex("facets", "language", "--filter", "section:" + lang,
                                    "--format", "json")
                self.assertEqual(r.code, 0, r)
                values = {v["value"]: v["count"] for v in r.json()["values"]}
                accuracy = values.get(lang, 0) / PER_LANGUAGE
                print("%s: %.2f %s" % (lang, accuracy, values), file=sys.stderr)
                self.assertGreaterEqual(accuracy, FLOOR, values)


if __name__ == "__main__":
    if not os.path.isdir(DATA):
        print("%s not found: skipped" % DATA, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
