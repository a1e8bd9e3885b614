"""Reuters-21578's SGML (../shared/corpora/reuters21578) indexed by schemas/reuters21578.yaml
alone: the generic xml reader with field XPaths, no Reuters code. The oracle is the
files themselves, read here with Python's own SGML-tolerant parser (html.parser): how many
stories, which have neither title nor text, their titles, dates, topics and places.
Skips (77) when ../shared is absent."""

import collections
import datetime
import glob
import html.parser
import os
import re
import sys

import harness

REUTERS = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "reuters21578")
SCHEMA = os.path.join(harness.SOURCE_DIR, "schemas", "reuters21578.yaml")


class Story:
    def __init__(self, file, line, newid):
        self.file, self.line, self.newid = file, line, newid
        self.title = self.date = ""
        self.text = ""  # everything inside <TEXT>, title, dateline and body included
        self.topics, self.places = [], []


class ReutersParser(html.parser.HTMLParser):
    """Collects the stories of one .sgm file (tag names arrive lower-cased)."""

    def __init__(self, file):
        super().__init__(convert_charrefs=True)
        self.file, self.stories, self.open = file, [], []
        self.story = None

    def handle_starttag(self, tag, attrs):
        if tag == "reuters":
            self.story = Story(self.file, self.getpos()[0], dict(attrs)["newid"])
            self.stories.append(self.story)
        self.open.append(tag)

    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        s, where = self.story, self.open
        if s is None or not where:
            return
        if where[-1] == "title":
            s.title += data
        elif where[-1] == "date":
            s.date += data
        elif where[-1] == "d" and len(where) > 1 and where[-2] == "topics":
            s.topics.append(data.strip())
        elif where[-1] == "d" and len(where) > 1 and where[-2] == "places":
            s.places.append(data.strip())
        if "text" in where:
            s.text += data


def read_stories():
    stories = []
    for path in sorted(glob.glob(os.path.join(REUTERS, "*.sgm"))):
        with open(path, encoding="latin-1") as f:  # ASCII but for one stray byte
            p = ReutersParser(os.path.basename(path))
            p.feed(f.read())
            p.close()
            stories += p.stories
    return stories


def has_words(text):
    return bool(re.search(r"\w", text))


def iso_day(reuters_date):
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26'."""
    day = reuters_date.strip().split()[0]
    return datetime.datetime.strptime(day.title(), "%d-%b-%Y").strftime("%Y-%m-%d")


class ReutersSgmlTest(harness.IndexedCorpusTest):

    @classmethod
    def setUpClass(cls):
        cls.stories = read_stories()
        cls.ws = harness.Workspace(copy_corpus=False)
        cls.addClassCleanup(cls.ws.cleanup)
        cls.first_index = cls.ws.index("--schema", SCHEMA, corpus=REUTERS)
        cls.articles = [s for s in cls.stories if has_words(s.text)]
        cls.empty = [s for s in cls.stories if not has_words(s.text)]

    def test_every_story_with_a_title_or_text_is_an_article(self):
        r = self.first_index
        # A record that fails alone makes --once exit 1, as a failed file does.
        self.assertEqual(r.code, 1 if self.empty else 0, r)
        self.assertEqual(len(self.stories), 21578)  # what the collection's name says
        stats = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(stats.code, 0, stats)
        self.assertEqual(stats.json()["documents"], len(self.articles))
        self.assertEqual(self.ws.count(""), len(self.articles))
        # Those with neither title nor text are reported alone, by file and line.
        for s in self.empty:
            self.assertIn("%s: line %d: a record with neither title nor text" % (s.file, s.line),
                          r.err)
        self.assertEqual(r.err.count("neither title nor text"), len(self.empty), r.err)
        print("%d stories, %d articles, %d with neither title nor text (%s)" % (
            len(self.stories), len(self.articles), len(self.empty),
            ", ".join("%s#%s" % (s.file, s.newid) for s in self.empty)), file=sys.stderr)

    def test_titles_and_dates_are_the_stories(self):
        # The first, a middle and the last story of each file.
        checked = 0
        by_file = collections.defaultdict(list)
        for s in self.articles:
            by_file[s.file].append(s)
        for stories in by_file.values():
            for s in (stories[0], stories[len(stories) // 2], stories[-1]):
                r = self.ws.newsdex("show", "%s#%s" % (s.file, s.newid), "--format", "json")
                self.assertEqual(r.code, 0, r)
                doc = r.json()
                self.assertEqual(doc["title"], " ".join(s.title.split()), s.newid)
                self.assertEqual(doc["date"], iso_day(s.date), s.newid)
                self.assertEqual(sorted(doc["entities"]["place"]), sorted(set(s.places)))
                checked += 1
        self.assertEqual(checked, 3 * 22)

    def test_topic_and_place_filters_count_what_the_sgml_says(self):
        topics = collections.Counter(t for s in self.articles for t in set(s.topics))
        places = collections.Counter(p for s in self.articles for p in set(s.places))
        for topic in ("grain", "money-fx", "crude", "cocoa"):
            self.assertEqual(self.ws.count("--filter", "topic:" + topic), topics[topic], topic)
        for place in ("usa", "west-germany", "uk", "japan"):
            self.assertEqual(self.ws.count("--filter", "place:" + place), places[place], place)
        self.assertGreater(topics["grain"], 500)
        self.assertGreater(places["usa"], 10000)
        # Both at once: the stories that carry both codes.
        both = sum(1 for s in self.articles if "grain" in s.topics and "usa" in s.places)
        self.assertEqual(self.ws.count("--filter", "topic:grain", "--filter", "place:usa"), both)


if __name__ == "__main__":
    if not os.path.isdir(REUTERS):
        print("%s not found: skipped" % REUTERS, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
