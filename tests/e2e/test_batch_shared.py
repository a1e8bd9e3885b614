"""--batch, timelines and the graph on the BBC corpus (../shared/corpora/bbc): 200
queries made of the corpus's own title words, answered by one `search --batch` and one
`count --batch`, equal the answers of 200 single calls; the month timeline of a query
has no gap; the graph's node counts equal filtered counts. Skips (77) without
../shared."""

import json
import os
import re
import sys
import unittest

import harness

BBC = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "bbc")
STOP = set("a an and are as at be but by for from has have in into is it its of on or "
           "said says that the their this to was were will with".split())


def title_queries(n):
    """Two words of the title of every k-th BBC article, as a script might ask."""
    files = []
    for d, dirs, names in os.walk(BBC):
        dirs.sort()
        files += [os.path.join(d, x) for x in sorted(names)
                  if x.endswith(".txt") and not x.upper().startswith("README")]
    out = []
    for path in files[::max(1, len(files) // n)][:n]:
        with open(path, encoding="utf-8", errors="replace") as f:
            words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", f.readline())
                     if w.lower() not in STOP]
        if words:
            out.append(" ".join(words[:2]))
    return out


class BbcBatchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = harness.class_workspace(cls, copy_corpus=False)
        cls.first_index = cls.ws.index(corpus=BBC)
        cls.queries = title_queries(200)

    def test_index(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)
        self.assertGreater(len(self.queries), 150)

    def test_batch_answers_equal_single_calls(self):
        stdin = ("\n".join(self.queries) + "\n").encode("utf-8")
        r = self.ws.newsdex("search", "--batch", "-n", "5", input=stdin)
        self.assertIn(r.code, (0,), r)
        answers = [json.loads(line) for line in r.lines()]
        self.assertEqual(len(answers), len(self.queries))
        counts = self.ws.newsdex("count", "--batch", input=stdin)
        count_answers = [json.loads(line) for line in counts.lines()]
        for q, a, c in zip(self.queries, answers, count_answers):
            with self.subTest(query=q):
                self.assertEqual(a.pop("request"), {"query": q})
                single = self.ws.newsdex("search", q, "-n", "5", "--format", "json")
                self.assertIn(single.code, (0, 1), single)
                self.assertEqual(a, single.json())
                self.assertEqual(c["count"], int(self.ws.newsdex("count", q).out))
        matched = sum(1 for a in answers if a["total"] > 0)
        print("%d of %d queries matched" % (matched, len(answers)), file=sys.stderr)
        self.assertGreater(matched, len(answers) // 2)

    def test_month_timeline_has_no_gap(self):
        r = self.ws.newsdex("facets", "month", "--format", "json")
        self.assertEqual(r.code, 0, r)
        values = r.json()["values"]
        months = [v["value"] for v in values]
        for a, b in zip(months, months[1:]):
            y, m = int(a[:4]), int(a[5:])
            self.assertEqual(b, "%04d-%02d" % ((y + 1, 1) if m == 12 else (y, m + 1)))
        self.assertEqual(sum(v["count"] for v in values),
                         self.ws.count("", "--since", months[0], "--until", months[-1]))

    def test_graph_counts_on_bbc(self):
        r = self.ws.newsdex("graph", "election", "--format", "json", "-n", "15")
        self.assertEqual(r.code, 0, r)
        g = r.json()
        # The graph, as facets, counts articles: every copy of a story.
        self.assertEqual(g["matches"], self.ws.count("election"))
        self.assertEqual(len(g["nodes"]), 15)
        for n in g["nodes"]:
            self.assertEqual(n["count"], self.ws.count(
                "election", "--filter", "%s:%s" % (n["type"], n["name"])), n)
        ids = {n["id"]: n for n in g["nodes"]}
        for e in g["edges"][:10]:
            a, b = ids[e["source"]], ids[e["target"]]
            filters = ["--filter-all", "--filter", "%s:%s" % (a["type"], a["name"]),
                       "--filter", "%s:%s" % (b["type"], b["name"])]
            self.assertEqual(e["count"], self.ws.count("election", *filters), e)


if __name__ == "__main__":
    if not os.path.isdir(BBC):
        print("%s not found: skipped" % BBC, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
