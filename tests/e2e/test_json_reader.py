"""JSON Lines and JSON files through the real binaries: one article per record, keyed
by the record's id (a number too) or its position, named FILE#KEY by show, similar,
paths and --since-rev; a bad line fails alone with file and line and makes newsdexd
exit 1 as a failed file does; deleting the file removes all its articles."""

import json
import os
import re
import unittest

import harness

WORD = "quokkanews"  # in every good record, and nowhere else


def record(**fields):
    return json.dumps(fields, ensure_ascii=False)


def dump_lines():
    """news/dump.jsonl: 45 lines. Line 3 is not JSON, line 5 blank, line 7 an object
    without title or text; lines 40-45 have no id (keyed by their line)."""
    lines = [
        record(id="a1", title="Harbour strike ends", text="Dockers return to work. " + WORD,
               date="2018-04-12T09:30:00Z", author=["Ann Lee", "Bo Chan"],
               source={"name": "Coastal Wire"}, lang="en", url="https://x.example/a1",
               tags=["labour", "ports"]),
        record(id=4512, headline="Numbers as ids", body="A numeric id keys this. " + WORD,
               published="Thu, 12 Apr 2018 09:30:00 GMT"),
        '{"id": "broken", "title": "Half a line',
        record(_id="de-1", title="Hafen wieder offen", content="Die Häuser am Hafen. " + WORD,
               language="deu", category="Wirtschaft"),
        "",
        record(guid="g-6", title="Guid keyed", article="Guid text. " + WORD),
        record(id="empty-one", lang="fr"),
    ]
    while len(lines) < 39:
        n = len(lines) + 1
        lines.append(record(id="filler-%d" % n, title="Filler %d" % n,
                            text="Filler record number %d. %s" % (n, WORD)))
    for n in range(40, 46):
        text = "Positional record on line %d. %s" % (n, WORD)
        if n == 42:
            text = "The answer is the zanzibarfish of line 42. " + WORD
        lines.append(record(title="Line %d" % n, text=text, pubDate="2019-0%d-01" % (n - 39)))
    return "\n".join(lines) + "\n"


GOOD_IN_DUMP = 42  # 45 lines less the broken line, the blank one and the empty object


class JsonReaderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        ws.write("news/dump.jsonl", dump_lines())
        ws.write("news/list.json", json.dumps([
            {"title": "First of the array", "text": "Array element zero. " + WORD},
            {"title": "Second of the array", "text": "Array element one. " + WORD,
             "date": 1523525400},
            {"id": "own", "title": "Array element with an id", "text": WORD},
        ], indent=2))
        ws.write("news/wrapped.json", json.dumps({
            "status": "ok", "totalResults": 2,
            "articles": [
                {"title": "Wrapped one", "description": "Wrapped text one. " + WORD,
                 "publishedAt": "2020-02-03T04:05:06Z", "source": {"id": None, "name": "BBC"}},
                {"title": "Wrapped two", "content": "Wrapped text two. " + WORD},
            ]}))
        ws.write("news/single.json", json.dumps(
            {"headline": "A lone object", "body": "One article, the whole file. " + WORD}))
        ws.write("news/all-bad.jsonl", "not json\n{\"id\": 1}\n")
        ws.write("plain.txt", "Plain text still reads\n\nAs before. " + WORD + "\n")
        cls.first = ws.index("--no-entities")

    def test_a_bad_line_fails_alone_with_file_and_line(self):
        r = self.first
        self.assertEqual(r.code, 1, r)  # as for a failed file
        summary = harness.parse_summary(r.out)
        self.assertIsNotNone(summary, r)
        self.assertEqual(summary["added"], 5, r)   # files: dump, list, wrapped, single, plain
        self.assertEqual(summary["failed"], 1, r)  # all-bad.jsonl: every record failed
        self.assertIn("records failed alone", r.out)
        dump = re.escape(self.ws.path("news/dump.jsonl"))
        self.assertRegex(r.err, r"(?m)^newsdexd: %s: line 3: invalid JSON at column \d+: " % dump)
        self.assertRegex(r.err, r"(?m)^newsdexd: %s: line 7: no title and no text" % dump)
        bad = re.escape(self.ws.path("news/all-bad.jsonl"))
        self.assertRegex(r.err, r"(?m)^newsdexd: %s: line 1: invalid JSON" % bad)

    def test_every_good_record_is_an_article(self):
        ids = self.ws.ids(WORD)
        dump_ids = {i for i in ids if i.startswith("news/dump.jsonl#")}
        self.assertEqual(len(dump_ids), GOOD_IN_DUMP)
        self.assertIn("plain.txt", ids)
        self.assertEqual(len(ids), GOOD_IN_DUMP + 3 + 2 + 1 + 1)

    def test_keys_by_id_number_and_position(self):
        ids = self.ws.ids(WORD)
        for key in ("a1", "4512", "de-1", "g-6", "filler-8", "42", "45"):
            self.assertIn("news/dump.jsonl#" + key, ids)
        self.assertNotIn("news/dump.jsonl#3", ids)
        self.assertEqual({i for i in ids if i.startswith("news/list.json")},
                         {"news/list.json#0", "news/list.json#1", "news/list.json#own"})
        self.assertEqual({i for i in ids if i.startswith("news/wrapped.json")},
                         {"news/wrapped.json#0", "news/wrapped.json#1"})
        self.assertIn("news/single.json", ids)  # one object: the whole file

    def test_show_names_the_article_by_file_and_key(self):
        r = self.ws.newsdex("show", "news/dump.jsonl#42", "--format", "json")
        self.assertEqual(r.code, 0, r)
        doc = r.json()
        self.assertEqual(doc["id"], "news/dump.jsonl#42")
        self.assertEqual(doc["title"], "Line 42")
        self.assertEqual(doc["date"], "2019-03-01")
        self.assertIn("zanzibarfish", doc["text"] if "text" in doc else r.out)
        # A path as the shell gives it names the article too.
        r = self.ws.newsdex("show", self.ws.path("news/dump.jsonl") + "#42", "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json()["id"], "news/dump.jsonl#42")
        r = self.ws.newsdex("show", "news/dump.jsonl#3")
        self.assertEqual(r.code, 1, r)

    def test_fields_come_from_the_data(self):
        doc = self.ws.newsdex("show", "news/dump.jsonl#a1", "--format", "json").json()
        self.assertEqual(doc["title"], "Harbour strike ends")
        self.assertEqual(doc["date"], "2018-04-12")
        self.assertEqual(doc["source"], "Coastal Wire")
        self.assertEqual(self.ws.ids('author:"Ann Lee"'), {"news/dump.jsonl#a1"})
        self.assertEqual(self.ws.ids("topic:ports"), {"news/dump.jsonl#a1"})
        self.assertEqual(self.ws.ids("language:de"), {"news/dump.jsonl#de-1"})
        self.assertEqual(self.ws.ids("topic:Wirtschaft"), {"news/dump.jsonl#de-1"})
        doc = self.ws.newsdex("show", "news/dump.jsonl#4512", "--format", "json").json()
        self.assertEqual(doc["title"], "Numbers as ids")
        self.assertEqual(doc["date"], "2018-04-12")
        doc = self.ws.newsdex("show", "news/list.json#1", "--format", "json").json()
        self.assertEqual(doc["date"], "2018-04-12")  # Unix time
        doc = self.ws.newsdex("show", "news/wrapped.json#0", "--format", "json").json()
        self.assertEqual((doc["title"], doc["date"], doc["source"]),
                         ("Wrapped one", "2020-02-03", "BBC"))

    def test_search_paths_and_similar_name_file_and_key(self):
        r = self.ws.newsdex("search", "zanzibarfish", "--format", "paths")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.lines(), [self.ws.path("news/dump.jsonl") + "#42"])
        r = self.ws.newsdex("search", "zanzibarfish", "--format", "json")
        hit = r.json()["results"][0]
        self.assertEqual(hit["id"], "news/dump.jsonl#42")
        r = self.ws.newsdex("similar", "news/dump.jsonl#40", "--format", "json", "-n", "100")
        self.assertEqual(r.code, 0, r)
        similar = [h["id"] for h in r.json()["results"]]
        self.assertNotIn("news/dump.jsonl#40", similar)
        self.assertIn("news/dump.jsonl#41", similar)  # "Positional record on line ..."


class JsonChangesTest(unittest.TestCase):
    """--since-rev and removal: what changed names its articles; a deleted file takes
    every article it held out of the index."""

    def test_since_rev_and_delete(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("feed.jsonl", "\n".join(
            record(id="k%d" % i, title="Record %d" % i, text="Text %d %s" % (i, WORD))
            for i in range(5)) + "\n")
        ws.write("keep.txt", "Kept\n\nKept text.\n")
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        stats = ws.newsdex("stats", "--format", "json")
        self.assertEqual(stats.code, 0, stats)
        revision = stats.json()["revision"]
        with open(ws.path("feed.jsonl"), "a", encoding="utf-8") as f:
            f.write(record(id="k5", title="Record 5", text="A later record. " + WORD) + "\n")
        r = ws.index("--no-entities")
        self.assertEqual(harness.parse_summary(r.out)["updated"], 1, r)
        r = ws.newsdex("search", "--since-rev", str(revision), "--format", "json", "-n", "100")
        self.assertEqual(r.code, 0, r)
        changed = {h["id"] for h in r.json()["results"]}
        self.assertIn("feed.jsonl#k5", changed)
        self.assertNotIn("keep.txt", changed)
        self.assertEqual(len(ws.ids(WORD)), 6)

        os.remove(ws.path("feed.jsonl"))
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["removed"], 1, r)
        self.assertEqual(ws.ids(WORD), set())
        self.assertEqual(ws.newsdex("show", "feed.jsonl#k0").code, 1)
        self.assertEqual(ws.ids("kept"), {"keep.txt"})


class JsonSchemaOptionsTest(unittest.TestCase):
    """A schema maps other keys by JSON Pointer; a pointer that is not one is refused
    before anything is read, with the schema's file and line."""

    def test_pointers(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("api.jsonl", record(meta={"uid": "u-9", "lang": "nl"},
                                     headline={"main": "Dijk houdt stand"},
                                     payload={"text": "Het water " + WORD}) + "\n")
        schema = os.path.join(ws.root, "api.yaml")
        with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"),
                  encoding="utf-8") as f:
            base = f.read()
        with open(schema, "w", encoding="utf-8") as f:
            f.write(base + "\nformats:\n  jsonl:\n    key: /meta/uid\n"
                    "    title: [/headline/main, /title]\n    body: /payload/text\n"
                    "    language: /meta/lang\n")
        r = ws.index("--no-entities", "--schema", schema)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids(WORD), {"api.jsonl#u-9"})
        doc = ws.newsdex("show", "api.jsonl#u-9", "--format", "json").json()
        self.assertEqual(doc["title"], "Dijk houdt stand")
        self.assertEqual(ws.ids("language:nl"), {"api.jsonl#u-9"})

        with open(schema, "w", encoding="utf-8") as f:
            f.write(base + "\nformats:\n  jsonl:\n    title: headline/main\n")
        lines = (base + "\nformats:\n").count("\n") + 2
        r = ws.index("--no-entities", "--schema", schema, db=os.path.join(ws.root, "other.db"))
        self.assertEqual(r.code, 2, r)
        self.assertRegex(r.err, r"^newsdexd: %s:%d: formats\.jsonl\.title: 'headline/main' is "
                                r"not a JSON Pointer" % (re.escape(schema), lines))
        self.assertFalse(os.path.exists(os.path.join(ws.root, "other.db")))


if __name__ == "__main__":
    harness.main()
