"""A new record format is a YAML file: a schema written here, for an archive format no
code in newsdex knows, indexes each record with the fields its XPaths pick (namespaces,
fallbacks, attributes, computed values, HTML fields), and a lenient SGML variant reads
markup that is not XML. A schema whose XPath is wrong is refused before any file is read."""

import os
import unittest

import harness

SCHEMA = """name: archive
language: english
files:
  include: ["*.xml", "*.sgm"]
  formats: {"*.sgm": xml}
  format: xml
formats:
  xml:
    namespaces: {n: "urn:example:news", m: "urn:example:meta"}
    record: /n:archive/n:story
    key: ["@code", "n:slug"]
    fields:
      title: [n:head, n:kicker]
      body: n:text
      date: ["m:meta/@issued", "m:meta/m:when"]
      author: n:by
      topic: n:tags/n:tag
      place: n:where
      url: "concat('https://archive.example/', @code)"
      language: "ancestor-or-self::*[@xml:lang][1]/@xml:lang"
      source: "/n:archive/@publisher"
    html: [body]
date:
  fallback: none
"""

ARCHIVE = """<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="urn:example:news" xmlns:m="urn:example:meta" publisher="Valley Courier"
         xml:lang="en-GB">
  <story code="vc-101">
    <head>Mill reopens on the river</head>
    <by>Ana Ferro</by><by>Tom Reyes</by>
    <tags><tag>industry</tag><tag>jobs</tag></tags>
    <where>Riverton</where>
    <m:meta issued="1999-03-04"/>
    <text>&lt;p&gt;The &lt;b&gt;grindstone&lt;/b&gt; mill hired sixty workers.&lt;/p&gt;&lt;script&gt;scriptword()&lt;/script&gt;</text>
  </story>
  <story>
    <slug>flood-watch</slug>
    <kicker>Flood watch for the valley</kicker>
    <m:meta><m:when>5 March 1999</m:when></m:meta>
    <text><![CDATA[<p>Sandbags were stacked along the levee by morning.</p>]]></text>
  </story>
  <story>
    <head>Untitled brief</head>
    <text>Councilors met about the bridgeworks.</text>
  </story>
  <story code="vc-104"><head></head><text>   </text></story>
  <story code="vc-101"><head>A second vc-101</head><text>Duplicatekeyword.</text></story>
</archive>
"""

# SGML that is not XML: a doctype, no single root, a control-character reference.
SGML = """<!DOCTYPE archive SYSTEM "archive.dtd">
<story xmlns="urn:example:news" code="s-1"><head>Sgml one</head><text>Oldpress &#5;text.</text></story>
<story xmlns="urn:example:news" code="s-2"><head>Sgml two</head><text>Secondpress text.</text></story>
"""

SGML_SCHEMA = SCHEMA.replace("    namespaces:", "    parser: sgml\n    namespaces:").replace(
    "record: /n:archive/n:story", "record: //n:story").replace(
    'include: ["*.xml", "*.sgm"]', 'include: ["*.sgm"]')


class XmlRecordsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        cls.schema = os.path.join(ws.root, "archive.yaml")
        with open(cls.schema, "w", encoding="utf-8") as f:
            f.write(SCHEMA)
        ws.write("1999/archive.xml", ARCHIVE)
        cls.first = ws.index("--no-entities", "--schema", cls.schema)

    def show(self, id_):
        r = self.ws.newsdex("show", id_, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_each_record_is_an_article_keyed_by_its_xpath_or_position(self):
        self.assertEqual(self.ws.ids(""), {"1999/archive.xml#vc-101", "1999/archive.xml#flood-watch",
                                           "1999/archive.xml#3"})
        # A record with neither title nor text fails alone, with its line.
        line = ARCHIVE[:ARCHIVE.index('<story code="vc-104"')].count("\n") + 1
        self.assertIn("1999/archive.xml: line %d: a record with neither title nor text" % line,
                      self.first.err)
        # A key seen again fails that record, as in the JSON readers.
        first = ARCHIVE[:ARCHIVE.index('<story code="vc-101"')].count("\n") + 1
        again = ARCHIVE[:ARCHIVE.index('<story code="vc-101"><head>A second')].count("\n") + 1
        self.assertIn("1999/archive.xml: line %d: the key 'vc-101' again (first at line %d)"
                      % (again, first), self.first.err)
        self.assertEqual(self.ws.ids("duplicatekeyword"), set())

    def test_fields_come_from_their_xpaths(self):
        doc = self.show("1999/archive.xml#vc-101")
        self.assertEqual(doc["title"], "Mill reopens on the river")
        self.assertEqual(doc["date"], "1999-03-04")
        self.assertEqual(doc["source"], "Valley Courier")
        self.assertEqual(doc["body"], "The grindstone mill hired sixty workers.")
        self.assertEqual(doc["entities"]["place"], ["Riverton"])
        # Fallbacks: the kicker for a story without a head, a date from another element.
        doc = self.show("1999/archive.xml#flood-watch")
        self.assertEqual(doc["title"], "Flood watch for the valley")
        self.assertEqual(doc["date"], "1999-03-05")
        self.assertEqual(doc["body"], "Sandbags were stacked along the levee by morning.")
        self.assertEqual(self.show("1999/archive.xml#3")["date"], "")  # fallback: none

    def test_multi_valued_fields_filter(self):
        f = lambda v: self.ws.ids("--filter", v)
        self.assertEqual(f("author:Ana Ferro"), {"1999/archive.xml#vc-101"})
        self.assertEqual(f("author:Tom Reyes"), {"1999/archive.xml#vc-101"})
        self.assertEqual(f("topic:jobs"), {"1999/archive.xml#vc-101"})
        self.assertEqual(f("place:riverton"), {"1999/archive.xml#vc-101"})
        self.assertEqual(len(f("source:Valley Courier")), 3)
        self.assertEqual(len(f("language:en")), 3)

    def test_html_fields_lose_their_markup(self):
        self.assertEqual(self.ws.ids("grindstone"), {"1999/archive.xml#vc-101"})
        self.assertEqual(self.ws.ids("scriptword"), set())

    def test_sgml_parser_reads_what_xml_cannot(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        schema = os.path.join(ws.root, "sgml.yaml")
        with open(schema, "w", encoding="utf-8") as f:
            f.write(SGML_SCHEMA)
        ws.write("old.sgm", SGML)
        r = ws.index("--no-entities", "--schema", schema)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids("oldpress"), {"old.sgm#s-1"})
        self.assertEqual(ws.ids("secondpress"), {"old.sgm#s-2"})
        # The same file as XML: the doctype and the second root break it after the first.
        xml_schema = os.path.join(ws.root, "xml.yaml")
        with open(xml_schema, "w", encoding="utf-8") as f:
            f.write(SCHEMA.replace('include: ["*.xml", "*.sgm"]', 'include: ["*.sgm"]')
                    .replace("record: /n:archive/n:story", "record: //n:story"))
        db = os.path.join(ws.root, "xml.db")
        r = ws.index("--no-entities", "--schema", xml_schema, db=db)
        self.assertIn("old.sgm", r.err)
        self.assertEqual(ws.ids("secondpress", db=db), set())

    def test_a_wrong_xpath_is_refused_at_load(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("a.xml", ARCHIVE)
        bad = os.path.join(ws.root, "bad.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(SCHEMA.replace("author: n:by", "author: x:by"))
        r = ws.index("--schema", bad)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        line = SCHEMA[:SCHEMA.index("author: n:by")].count("\n") + 1
        self.assertTrue(r.err.startswith("newsdexd: %s:%d: formats.xml.fields.author: XPath 'x:by'"
                                         % (bad, line)), r.err)
        self.assertEqual(len(r.err.splitlines()), 1, r.err)
        self.assertFalse(os.path.exists(ws.db))


if __name__ == "__main__":
    harness.main()
