"""corpus/formats/: the sample of each format that ./scripts/run indexes with the rest of
corpus/ is read by its reader with no schema written for it: HTML (main text only, its
metadata), JSON Lines and a JSON array (keys from the data), RSS and Atom feeds, Markdown
with front matter, a Latin-1 page, and German, Chinese and Japanese articles."""

import os
import shutil
import unittest

import harness


class CorpusFormatsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        shutil.rmtree(ws.corpus)
        shutil.copytree(os.path.join(harness.CORPUS, "formats"), ws.corpus)
        cls.result = ws.index("--no-entities")

    def show(self, doc_id):
        r = self.ws.newsdex("show", doc_id, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_every_sample_indexed(self):
        self.assertEqual(self.result.code, 0, self.result)
        s = harness.parse_summary(self.result.out)
        self.assertEqual((s["added"], s["failed"]), (10, 0), self.result)
        self.assertIn("1 files read from another charset", self.result.out)
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.json()["documents"], 15)

    def test_html_main_text_and_metadata(self):
        doc = self.show("harbour-strike.html")
        self.assertEqual(doc["title"], "Dockers walk out at Portmere harbour")
        self.assertEqual(doc["date"], "2019-06-03")
        self.assertEqual(doc["url"], "https://coastal-ledger.example/news/portmere-strike")
        self.assertIn("Spain & Morocco", doc["body"])
        for chrome in ("cookies", "newsletter", "briefing", "zqcommentword", "analyticsQueue",
                       "dredging", "rights"):
            self.assertEqual(self.ws.ids(chrome), set(), chrome)
        self.assertEqual(self.ws.ids('author:"Helen Marsh"'), {"harbour-strike.html"})

    def test_json_records_keyed_by_their_ids(self):
        self.assertEqual(self.ws.ids("cherry"), {"wire.jsonl#wire-0612"})
        self.assertEqual(self.ws.ids('author:"Owen Blake"'), {"wire.jsonl#wire-0612"})
        self.assertEqual(self.ws.ids("topic:transport"), {"wire.jsonl#wire-0611"})
        self.assertEqual(self.ws.ids("barge"), {"desk.json#502"})
        self.assertEqual(self.show("desk.json#501")["date"], "2019-06-20")

    def test_feed_items(self):
        self.assertEqual(self.ws.ids("berth"), {"port-authority.rss#bulletin-2019-041"})
        self.assertEqual(self.ws.ids("track"), set())  # the script in content:encoded
        self.assertEqual(self.ws.ids("pleasure craft"), {"port-authority.rss#bulletin-2019-042"})
        self.assertEqual(self.ws.ids("fireball"), {"science-desk.atom#urn:uuid:science-desk-0801"})
        self.assertEqual(self.show("science-desk.atom#urn:uuid:science-desk-0801")["date"],
                         "2019-08-01")

    def test_markdown_front_matter(self):
        doc = self.show("election-notes.md")
        self.assertEqual(doc["title"], "Notebook: counting night in three towns")
        self.assertEqual(doc["date"], "2019-05-24")
        self.assertEqual(self.ws.ids("topic:elections"), {"election-notes.md"})
        for link_word in ("results", "images", "jpg"):  # a link target, an image path
            self.assertEqual(self.ws.ids(link_word), set(), link_word)
        self.assertEqual(self.ws.ids("turnout"), {"election-notes.md"})
        self.assertEqual(self.ws.ids("trestle"), {"election-notes.md"})  # alt text is text

    def test_languages_and_charsets(self):
        self.assertEqual(self.ws.ids("lampadaire"), {"ville-lumiere-fr.html"})
        self.assertEqual(self.ws.ids("mécontentement"), {"ville-lumiere-fr.html"})
        self.assertEqual(self.ws.ids("Haus"), {"hafen-de.txt"})
        self.assertEqual(self.ws.ids("贸易战"), {"trade-zh.txt"})
        self.assertEqual(self.ws.ids("気象庁"), {"weather-ja.jsonl#ja-0901"})
        for code, doc in (("fr", "ville-lumiere-fr.html"), ("de", "hafen-de.txt"),
                          ("zh", "trade-zh.txt"), ("ja", "weather-ja.jsonl#ja-0901")):
            self.assertEqual(self.ws.ids("language:" + code), {doc}, code)


if __name__ == "__main__":
    harness.main()
