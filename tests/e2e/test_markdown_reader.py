"""Markdown files through the real binaries: YAML front matter (nested maps and lists)
gives title, date, topics, authors and language; the body is text, so link targets,
image paths and markup are not words while link text, alt text and code are; a file
without front matter reads too; malformed front matter fails that file alone, with
its line."""

import re
import unittest

import harness

POST = """---
title: "Harbour cranes return"
date: 2019-03-05T10:00:00+01:00
tags: [ports, shipping]
categories:
  - economy
  - [logistics, "cargo handling"]
author:
  name: Ann Lee
  links: {site: "https://ann.example"}
lang: en-GB
permalink: /2019/03/harbour-cranes
extra:
  nested: {deeper: [1, 2, {deepest: true}]}
---
# Harbour cranes return

The **gantry** cranes came back to the _quay_ on Tuesday, said
[the port authority](https://hiddenlinktarget.example/press "hoverwords").
![A crane at dawn over the wharfside](images/hiddenimagepath.png)

Operators ran `cranectl --restart` before dawn &amp; the night shift cheered.

[later]: https://hiddenreferencetarget.example
"""

NO_FRONT_MATTER = """Quiet Sunday at the marina
===========================

Sailors counted the *seagulls*. See <https://visible-autolink.example>.
"""

BAD = """---
title: Broken front matter
tags: [unclosed, list
---
Body of a broken file with the word brokenfrontword.
"""

# yaml-cpp builds a list that holds itself through an alias as a cycle.
CYCLE = """---
title: &a [*a]
tags: &t [*t, tides]
---
# Aliases that loop

Body of the looping file with cyclefrontword.
"""

UNCLOSED = """---
title: never closed

Body with unclosedfrontword.
"""


class MarkdownReaderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        ws.write("blog/harbour.md", POST)
        ws.write("blog/marina.markdown", NO_FRONT_MATTER)
        ws.write("blog/bad.md", BAD)
        ws.write("blog/unclosed.md", UNCLOSED)
        ws.write("blog/cycle.md", CYCLE)
        ws.write("blog/plain.txt", "A plain file\n\nwith gantry in it.\n")
        cls.first = ws.index("--no-entities")

    def test_malformed_front_matter_fails_that_file_with_its_line(self):
        r = self.first
        self.assertEqual(r.code, 1, r)
        summary = harness.parse_summary(r.out)
        self.assertEqual((summary["added"], summary["failed"]), (4, 2), r)
        bad = re.escape(self.ws.path("blog/bad.md"))
        self.assertRegex(r.err, r"(?m)^newsdexd: %s: line [34]: front matter is not YAML" % bad)
        unclosed = re.escape(self.ws.path("blog/unclosed.md"))
        self.assertRegex(r.err, r"(?m)^newsdexd: %s: line 1: front matter opened on line 1 "
                                r"is not closed" % unclosed)
        self.assertEqual(self.ws.ids("brokenfrontword"), set())
        self.assertEqual(self.ws.ids("unclosedfrontword"), set())

    def test_front_matter_whose_aliases_loop_is_read(self):
        doc = self.ws.newsdex("show", "blog/cycle.md", "--format", "json").json()
        self.assertEqual(doc["title"], "Aliases that loop")
        self.assertEqual(self.ws.ids("topic:tides"), {"blog/cycle.md"})
        self.assertEqual(self.ws.ids("cyclefrontword"), {"blog/cycle.md"})

    def test_front_matter_fields(self):
        r = self.ws.newsdex("show", "blog/harbour.md", "--format", "json")
        self.assertEqual(r.code, 0, r)
        doc = r.json()
        self.assertEqual(doc["title"], "Harbour cranes return")
        self.assertEqual(doc["date"], "2019-03-05")
        self.assertEqual(self.ws.ids('author:"Ann Lee"'), {"blog/harbour.md"})
        for topic in ("ports", "shipping", "economy", "logistics", '"cargo handling"'):
            self.assertEqual(self.ws.ids("topic:" + topic), {"blog/harbour.md"}, topic)
        # Its front matter's lang; the other files' language is detected (English too).
        self.assertIn("blog/harbour.md", self.ws.ids("language:en"))
        self.assertEqual(self.ws.ids("language:en harbour"), {"blog/harbour.md"})
        # The front matter is not text: its keys and values are not body words.
        self.assertEqual(self.ws.ids("permalink"), set())
        self.assertEqual(self.ws.ids("deepest"), set())

    def test_markup_and_link_targets_are_not_words(self):
        for hidden in ("hiddenlinktarget", "hiddenimagepath", "hiddenreferencetarget",
                       "hoverwords", "images", "png", "press"):
            self.assertEqual(self.ws.ids(hidden), set(), hidden)
        self.assertEqual(self.ws.ids('"the port authority"'), {"blog/harbour.md"})
        self.assertEqual(self.ws.ids('"crane at dawn over the wharfside"'), {"blog/harbour.md"})
        self.assertEqual(self.ws.ids("cranectl"), {"blog/harbour.md"})
        self.assertEqual(self.ws.ids('"gantry cranes came back to the quay"'), {"blog/harbour.md"})
        self.assertEqual(self.ws.ids("gantry"), {"blog/harbour.md", "blog/plain.txt"})
        r = self.ws.newsdex("search", "cheered", "--format", "json")
        snippet = r.json()["results"][0]["snippet"]
        self.assertNotIn("&amp;", snippet)
        self.assertNotIn("**", self.ws.newsdex("show", "blog/harbour.md").out)

    def test_a_file_without_front_matter(self):
        doc = self.ws.newsdex("show", "blog/marina.markdown", "--format", "json").json()
        self.assertEqual(doc["title"], "Quiet Sunday at the marina")
        self.assertEqual(self.ws.ids("seagulls"), {"blog/marina.markdown"})
        self.assertEqual(self.ws.ids('title:marina'), {"blog/marina.markdown"})
        # An autolink's text is what a reader sees.
        self.assertEqual(self.ws.ids("visible"), {"blog/marina.markdown"})

    def test_fixed_front_matter_indexes_on_the_next_run(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("post.md", BAD)
        self.assertEqual(ws.index("--no-entities").code, 1)
        ws.write("post.md", BAD.replace("list\n", "list]\n").replace("brokenfrontword",
                                                                     "mendedfrontword"))
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids("mendedfrontword"), {"post.md"})
        self.assertEqual(ws.ids("topic:unclosed"), {"post.md"})


if __name__ == "__main__":
    harness.main()
