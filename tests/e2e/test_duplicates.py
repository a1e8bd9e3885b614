"""Duplicates collapse (issue 16, point 4): articles that are the same story (identical,
or wire copies differing in a few words, a dateline or a byline) are shown once with
the number of copies; `newsdex copies` lists them; --no-collapse shows all. Different
stories that share a long footer or a common lead stay apart. Story membership follows
the corpus as it changes and does not depend on the order files were indexed in, nor
on whether the first build went through shards."""

import json
import os
import random
import unittest

import harness

VOCABULARY = (
    "minister council harbour festival market river engineer village bridge railway "
    "museum council teacher storm vote budget factory orchestra hospital farmer coast "
    "island mayor school library election tunnel airport forest mountain company "
    "report winter summer police court judge bank ferry garden theatre painter novel "
    "league striker coach season price wheat coffee copper union strike protest plan "
    "said would could after before while during because although yesterday today "
    "north south east west new old big small early late first last many few several "
    "opened closed raised cut built moved found warned agreed rejected announced "
    "the a of in on to for with by from at as and but or"
).split()


def story(seed, words=150):
    """A text of `words` words no other seed shares in order, with "lighthouse" in it."""
    rng = random.Random(seed)
    text = [rng.choice(VOCABULARY) for _ in range(words)]
    text[words // 2] = "lighthouse"
    return " ".join(text)


def article(title, body):
    return "%s\n\n%s\n" % (title, body)


def near_copy(body):
    """A wire copy: another dateline and byline, and three words changed."""
    words = body.split()
    for i in (10, 60, 120):
        words[i] = "altered%d" % i
    return "HARBOURTOWN (Wire) - By Jo Writer - " + " ".join(words)


class DuplicatesTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        self.body = story(1)

    def index(self, ws=None):
        r = (ws or self.ws).index("--no-entities")
        self.assertEqual(r.code, 0, r)

    def search(self, *args, ws=None):
        r = (ws or self.ws).newsdex("search", "--format", "json", "--limit", "100", "lighthouse",
                                    *args)
        self.assertIn(r.code, (0, 1), r)
        return r.json()

    def copies_of(self, result):
        return {h["id"]: h["copies"] for h in result["results"]}

    def test_near_copies_collapse_and_are_listed(self):
        self.ws.write("wire/original.txt", article("Harbour reopens", self.body))
        self.ws.write("wire/copy.txt", article("Harbour reopens after storm", near_copy(self.body)))
        self.ws.write("wire/other.txt", article("Festival opens", story(2)))
        self.index()
        j = self.search()
        # One story per copy set: the original and its copy are one hit (the better one).
        self.assertEqual(len(j["results"]), 2, j)
        self.assertEqual((j["total"], j["total_articles"], j["collapsed"]), (2, 3, True))
        copies = self.copies_of(j)
        self.assertEqual(copies["wire/other.txt"], 0)
        shown = (set(copies) - {"wire/other.txt"}).pop()
        self.assertEqual(copies[shown], 1)
        # Every article with --no-collapse, each still saying its copies.
        j = self.search("--no-collapse")
        self.assertEqual(self.copies_of(j),
                         {"wire/original.txt": 1, "wire/copy.txt": 1, "wire/other.txt": 0})
        self.assertEqual((j["total"], j["total_articles"], j["collapsed"]), (3, 3, False))
        # count says what search's total says: stories, or articles with --no-collapse.
        self.assertEqual(self.ws.newsdex("count", "lighthouse").out.strip(), "2")
        self.assertEqual(self.ws.newsdex("count", "--no-collapse", "lighthouse").out.strip(), "3")
        # Text output: "+1 copy" on the hit and the stories' articles on the total line.
        r = self.ws.newsdex("search", "lighthouse", "--color", "never")
        self.assertEqual(r.code, 0, r)
        self.assertIn("+1 copy", r.out)
        self.assertIn("2 matches (stories; 3 articles)", r.out)
        # newsdex copies lists the others of the story, in every format.
        r = self.ws.newsdex("copies", "wire/original.txt", "--format", "paths")
        self.assertEqual((r.code, r.lines()), (0, [self.ws.path("wire/copy.txt")]), r)
        r = self.ws.newsdex("copies", "wire/copy.txt", "--format", "json")
        self.assertEqual([h["id"] for h in r.json()["results"]], ["wire/original.txt"])
        self.assertEqual(r.json()["total"], 1)
        r = self.ws.newsdex("copies", "wire/other.txt")
        self.assertEqual((r.code, r.out), (1, ""), r)
        r = self.ws.newsdex("copies", "wire/missing.txt")
        self.assertEqual(r.code, 1, r)
        self.assertTrue(r.err.startswith("newsdex: "), r)

    def test_shared_footer_or_lead_does_not_collapse(self):
        footer = story(100, 80).replace("lighthouse", "subscribe")
        lead = story(200, 40).replace("lighthouse", "breaking")
        self.ws.write("a/footer1.txt", article("Mayor resigns", story(3, 80) + " " + footer))
        self.ws.write("a/footer2.txt", article("Bridge closes", story(4, 80) + " " + footer))
        self.ws.write("b/lead1.txt", article("Strike ends", lead + " " + story(5)))
        self.ws.write("b/lead2.txt", article("Strike spreads", lead + " " + story(6)))
        self.index()
        j = self.search()
        self.assertEqual(self.copies_of(j), {"a/footer1.txt": 0, "a/footer2.txt": 0,
                                             "b/lead1.txt": 0, "b/lead2.txt": 0})
        self.assertEqual((j["total"], j["total_articles"]), (4, 4))

    def test_incremental_add_delete_and_edit(self):
        self.ws.write("wire/original.txt", article("Harbour reopens", self.body))
        self.index()
        self.assertEqual(self.copies_of(self.search()), {"wire/original.txt": 0})
        # A copy added later joins the story.
        self.ws.write("wire/copy.txt", article("Harbour reopens", near_copy(self.body)))
        self.ws.write("wire/copy2.txt", article("Harbour reopens", self.body))
        self.index()
        j = self.search("--no-collapse")
        self.assertEqual(self.copies_of(j),
                         {"wire/original.txt": 2, "wire/copy.txt": 2, "wire/copy2.txt": 2})
        self.assertEqual(len(self.search()["results"]), 1)
        # The original deleted: the two copies remain one story.
        os.remove(self.ws.path("wire/original.txt"))
        self.index()
        self.assertEqual(self.copies_of(self.search("--no-collapse")),
                         {"wire/copy.txt": 1, "wire/copy2.txt": 1})
        # A copy edited into another story: each alone.
        self.ws.write("wire/copy2.txt", article("Festival", story(9)))
        self.index()
        self.assertEqual(self.copies_of(self.search("--no-collapse")),
                         {"wire/copy.txt": 0, "wire/copy2.txt": 0})
        self.assertEqual(len(self.search()["results"]), 2)

    def test_indexing_order_gives_the_same_stories(self):
        files = {
            "x/a.txt": article("One", self.body),
            "x/b.txt": article("One", near_copy(self.body)),
            "x/c.txt": article("Two", story(7)),
            "x/d.txt": article("Two", near_copy(story(7))),
            "x/e.txt": article("Three", story(8)),
        }
        first = harness.Workspace(copy_corpus=False)
        self.addCleanup(first.cleanup)
        for rel in sorted(files):  # one at a time, in order
            first.write(rel, files[rel])
            self.index(first)
        second = harness.Workspace(copy_corpus=False)
        self.addCleanup(second.cleanup)
        for rel in sorted(files, reverse=True)[:2]:  # the last two first, then the rest
            second.write(rel, files[rel])
        self.index(second)
        for rel in files:
            second.write(rel, files[rel])
        self.index(second)

        def stories(ws):
            out = {}
            for rel in files:
                r = ws.newsdex("copies", rel, "--format", "json")
                out[rel] = sorted(h["id"] for h in r.json()["results"])
            shown = sorted(h["id"] for h in self.search(ws=ws)["results"])
            return out, shown

        self.assertEqual(stories(first), stories(second))
        self.assertEqual(stories(first)[0]["x/a.txt"], ["x/b.txt"])
        self.assertEqual(stories(first)[0]["x/e.txt"], [])
        # The story shows as its best match, which is one of its articles.
        self.assertEqual(len(stories(first)[1]), 3)

    def test_batch_requests_and_config_default(self):
        self.ws.write("wire/original.txt", article("Harbour reopens", self.body))
        self.ws.write("wire/copy.txt", article("Harbour reopens", near_copy(self.body)))
        self.index()
        lines = [json.dumps({"query": "lighthouse"}),
                 json.dumps({"query": "lighthouse", "no_collapse": True})]
        r = self.ws.newsdex("search", "--batch", input=("\n".join(lines) + "\n").encode())
        self.assertEqual(r.code, 0, r)
        totals = [json.loads(line)["total"] for line in r.lines()]
        self.assertEqual(totals, [1, 2])
        r = self.ws.newsdex("count", "--batch", input=(lines[1] + "\n").encode())
        self.assertEqual(json.loads(r.lines()[0])["count"], 2)
        # The configuration file's default, and the flag over it.
        config = os.path.join(self.ws.root, "config")
        with open(config, "w", encoding="utf-8") as f:
            f.write("no-collapse = true\n")
        env = dict(os.environ, NEWSDEX_CONFIG=config)
        r = self.ws.newsdex("count", "lighthouse", env=env)
        self.assertEqual(r.out.strip(), "2", r)

    def test_facet_counts_say_what_they_count(self):
        self.ws.write("wire/original.txt", article("Harbour reopens", self.body))
        self.ws.write("wire/copy.txt", article("Harbour reopens", near_copy(self.body)))
        self.index()
        j = self.search("--facet", "section")
        self.assertEqual(j["facet_counts"], "articles")
        self.assertEqual(j["facets"]["section"], [{"value": "wire", "count": 2}])
        r = self.ws.newsdex("search", "lighthouse", "--facet", "section", "--color", "never")
        self.assertIn("section (articles)", r.out)
        r = self.ws.newsdex("facets", "section", "lighthouse", "--format", "json")
        self.assertEqual(r.json()["counts"], "articles")


if __name__ == "__main__":
    harness.main()
