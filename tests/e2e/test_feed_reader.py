"""Feeds as the default schema reads them, with no configuration: RSS 2.0 (.rss), RSS 1.0 /
RDF (an .xml recognised by its root element) and Atom (.atom), each item or entry an
article named FILE#KEY. The files carry the traps of real feeds: CDATA, namespaces, HTML in
descriptions (scripts, links, entities), double-escaped titles, a Latin-1 declaration, a
truncated file, an item with no text, an .xml that is not a feed, and a feed edited
between two runs."""

import os
import unittest

import harness

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root, as generators write them -->
<?xml-stylesheet type="text/xsl" href="style.xsl"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <language>en-gb</language>
  <atom:link href="https://gazette.example/feed" rel="self"/>
  <item>
    <title>Tides &amp; tariffs: the port&#8217;s year</title>
    <link>https://gazette.example/tides</link>
    <guid isPermaLink="false">gazette-1</guid>
    <pubDate>Thu, 12 Apr 2018 09:30:00 GMT</pubDate>
    <dc:creator>Mara Quill</dc:creator>
    <category>Shipping</category>
    <category>Trade</category>
    <description><![CDATA[<p>Short <b>teaserword</b> only</p>]]></description>
    <content:encoded><![CDATA[<p>The harbour handled <em>record</em> tonnage of zorblax ore.</p>
<script>var trackingpixel = 1;</script><style>.x{color:red}</style><!-- hiddencomment -->
<p>Dockers &amp; pilots cheered &mdash; loudly.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lighthouse keeper retires</title>
    <link>https://gazette.example/lighthouse</link>
    <guid>https://gazette.example/lighthouse</guid>
    <pubDate>Fri, 13 Apr 2018 10:00:00 +0100</pubDate>
    <author>keeper@gazette.example (Odo Brannigan)</author>
    <description>&lt;p&gt;After forty years the &lt;a href="https://x.example/hiddenlinkword"&gt;lamp&lt;/a&gt;
      goes dark&amp;nbsp;for quuxfrond &amp;amp; friends.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://lab.example/">
    <title>Lab Notes</title>
    <link>https://lab.example/</link>
    <description>Notes from the lab</description>
    <dc:language>en</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="https://lab.example/comet"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://lab.example/comet">
    <title>Comet glints over the observatory</title>
    <link>https://lab.example/comet</link>
    <description>Astronomers saw the glimmerquasar at dawn.</description>
    <dc:date>2019-01-02T08:00:00Z</dc:date>
    <dc:subject>Astronomy</dc:subject>
    <dc:creator>Vera Lund</dc:creator>
  </item>
</rdf:RDF>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Circuit Weekly</title>
  <id>urn:uuid:60a76c80-feed</id>
  <updated>2020-05-06T00:00:00Z</updated>
  <author><name>Desk Editor</name></author>
  <entry>
    <title type="html">Chips &amp;amp; &lt;i&gt;boards&lt;/i&gt;</title>
    <link rel="edit" href="https://circuit.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://circuit.example/chips"/>
    <id>urn:uuid:entry-1</id>
    <published>2020-05-05T12:00:00Z</published>
    <updated>2020-05-09T12:00:00Z</updated>
    <author><name>Ines Volta</name><email>ines@circuit.example</email></author>
    <category term="hardware"/>
    <summary>Summaryonlyword here</summary>
    <content type="html">&lt;p&gt;The fabricator shipped wafflegate silicon.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Boards of the year</title>
    <id>urn:uuid:entry-2</id>
    <updated>2020-05-07T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An xhtml body with
      plinthword in it.</p></div></content>
  </entry>
</feed>
"""

LATIN1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Journal</title><language>fr</language>
<item><guid>cafe-1</guid><title>Le caf\u00e9 de la gare rouvre</title>
<description>Les habitu\u00e9s du caf\u00e9 \u00e9l\u00e9gant sont revenus.</description>
<pubDate>Mon, 02 Mar 2020 08:00:00 +0100</pubDate></item>
</channel></rss>
""".encode("iso-8859-1")

TRUNCATED_ITEMS = ["""  <item><guid>t1</guid><title>First whole item</title>
    <description>Alphawhole text.</description></item>
""", """  <item><guid>t2</guid><title>Second whole item</title>
    <description>Betawhole text.</description></item>
""", """  <item><guid>t3</guid><title>Third, cut short</title>
    <description>Gammacut text that never"""]
TRUNCATED = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut</title>\n" + \
    "".join(TRUNCATED_ITEMS)

# An item broken in the middle of a feed (a tag never closed): the parser recovers, and
# the items after it are read too.
BROKEN_MIDDLE = """<rss version="2.0"><channel><title>Middle</title>
  <item><guid>m1</guid><title>Before the break</title><description>Epsilonfine.</description></item>
  <item><guid>m2</guid><title>The broken one</title>
    <description>Zetabroken <b>bold never closed.</description></item>
  <item><guid>m3</guid><title>After the break</title><description>Etafine.</description></item>
</channel></rss>
"""

NO_TEXT = """<rss version="2.0"><channel><title>Sparse</title>
<item><guid>s1</guid><title>Has a title</title></item>
<item><guid>s2</guid><link>https://sparse.example/only-a-link</link></item>
<item><guid>s3</guid><description>Has only deltatext</description></item>
</channel></rss>
"""

NOT_A_FEED = """<?xml version="1.0"?>
<config><title>Settings</title><entry key="a">secretconfigword</entry>
<item>another secretconfigword</item></config>
"""


def live_feed(items):
    """An RSS 2.0 feed of (guid, title, text) items."""
    body = "".join("<item><guid>%s</guid><title>%s</title><description>%s</description>"
                   "</item>\n" % item for item in items)
    return "<rss version=\"2.0\"><channel><title>Live</title>\n%s</channel></rss>\n" % body


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


class FeedReaderTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        ws.write("feeds/gazette.rss", RSS2)
        ws.write("feeds/lab.xml", RDF)
        ws.write("feeds/circuit.atom", ATOM)
        ws.write("feeds/journal.rss", LATIN1)
        ws.write("feeds/cut.rss", TRUNCATED)
        ws.write("feeds/sparse.rss", NO_TEXT)
        ws.write("feeds/middle.rss", BROKEN_MIDDLE)
        ws.write("feeds/config.xml", NOT_A_FEED)
        cls.first = ws.index("--no-entities")

    def show(self, id_):
        r = self.ws.newsdex("show", id_, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_each_item_is_an_article_named_by_its_key(self):
        self.assertEqual(self.ws.ids("zorblax"), {"feeds/gazette.rss#gazette-1"})
        self.assertEqual(self.ws.ids("quuxfrond"),
                         {"feeds/gazette.rss#https://gazette.example/lighthouse"})
        self.assertEqual(self.ws.ids("glimmerquasar"), {"feeds/lab.xml#https://lab.example/comet"})
        self.assertEqual(self.ws.ids("wafflegate"), {"feeds/circuit.atom#urn:uuid:entry-1"})
        self.assertEqual(self.ws.ids("plinthword"), {"feeds/circuit.atom#urn:uuid:entry-2"})

    def test_titles_decode_entities_and_drop_markup(self):
        self.assertEqual(self.show("feeds/gazette.rss#gazette-1")["title"],
                         "Tides & tariffs: the port\u2019s year")
        self.assertEqual(self.show("feeds/circuit.atom#urn:uuid:entry-1")["title"],
                         "Chips & boards")
        self.assertEqual(self.show("feeds/lab.xml#https://lab.example/comet")["title"],
                         "Comet glints over the observatory")

    def test_text_is_the_richest_content_with_its_html_removed(self):
        # content:encoded wins over the description, Atom content over the summary.
        self.assertEqual(self.ws.ids("teaserword"), set())
        self.assertEqual(self.ws.ids("summaryonlyword"), set())
        # Scripts, styles, comments and link targets are not words; entities decode.
        for hidden in ("trackingpixel", "color", "hiddencomment", "hiddenlinkword", "mdash",
                       "nbsp", "amp"):
            self.assertEqual(self.ws.ids(hidden), set(), hidden)
        body = self.show("feeds/gazette.rss#gazette-1")["body"]
        self.assertIn("Dockers & pilots cheered \u2014 loudly.", body)
        self.assertNotIn("<p>", body)
        self.assertIn("quuxfrond & friends",
                      self.show("feeds/gazette.rss#https://gazette.example/lighthouse")["body"])

    def test_dates_authors_topics_language_and_source(self):
        self.assertEqual(self.show("feeds/gazette.rss#gazette-1")["date"], "2018-04-12")
        self.assertEqual(
            self.show("feeds/gazette.rss#https://gazette.example/lighthouse")["date"],
            "2018-04-13")
        self.assertEqual(self.show("feeds/lab.xml#https://lab.example/comet")["date"],
                         "2019-01-02")
        # published, not updated
        self.assertEqual(self.show("feeds/circuit.atom#urn:uuid:entry-1")["date"], "2020-05-05")
        self.assertEqual(self.show("feeds/circuit.atom#urn:uuid:entry-2")["date"], "2020-05-07")
        f = lambda *flt: self.ws.ids(*sum((("--filter", x) for x in flt), ()))
        self.assertEqual(f("author:Mara Quill"), {"feeds/gazette.rss#gazette-1"})
        self.assertEqual(f("author:Odo Brannigan"),
                         {"feeds/gazette.rss#https://gazette.example/lighthouse"})
        self.assertEqual(f("author:Vera Lund"), {"feeds/lab.xml#https://lab.example/comet"})
        self.assertEqual(f("author:Ines Volta"), {"feeds/circuit.atom#urn:uuid:entry-1"})
        # An entry without an author has the feed's.
        self.assertEqual(f("author:Desk Editor"), {"feeds/circuit.atom#urn:uuid:entry-2"})
        self.assertEqual(f("topic:shipping"), {"feeds/gazette.rss#gazette-1"})
        self.assertEqual(f("topic:trade"), {"feeds/gazette.rss#gazette-1"})
        self.assertEqual(f("topic:astronomy"), {"feeds/lab.xml#https://lab.example/comet"})
        self.assertEqual(f("topic:hardware"), {"feeds/circuit.atom#urn:uuid:entry-1"})
        self.assertEqual(len(f("source:Harbour Gazette")), 2)
        self.assertEqual(f("source:Lab Notes"), {"feeds/lab.xml#https://lab.example/comet"})
        self.assertEqual(len(f("source:Circuit Weekly")), 2)
        # The five items of feeds that declare English; the others are detected, and
        # the French feed's item is French.
        self.assertTrue({"feeds/gazette.rss#gazette-1", "feeds/circuit.atom#urn:uuid:entry-1"}
                        <= f("language:en"))
        self.assertEqual(f("language:fr"), {"feeds/journal.rss#cafe-1"})

    def test_a_declared_latin1_feed_keeps_its_accents(self):
        self.assertEqual(self.ws.ids("élégant"), {"feeds/journal.rss#cafe-1"})
        self.assertEqual(self.ws.ids("cafe"), {"feeds/journal.rss#cafe-1"})
        self.assertEqual(self.show("feeds/journal.rss#cafe-1")["title"],
                         "Le caf\u00e9 de la gare rouvre")

    def test_a_truncated_feed_keeps_the_items_before_the_break(self):
        self.assertEqual(self.ws.ids("alphawhole"), {"feeds/cut.rss#t1"})
        self.assertEqual(self.ws.ids("betawhole"), {"feeds/cut.rss#t2"})
        self.assertEqual(self.ws.ids("gammacut"), set())
        line = line_of(TRUNCATED, "<guid>t3")
        err = [l for l in self.first.err.splitlines() if "cut.rss" in l]
        self.assertEqual(len(err), 1, self.first.err)
        self.assertIn("feeds/cut.rss: line %d: " % line, err[0])

    def test_an_item_broken_in_the_middle_fails_alone(self):
        self.assertEqual(self.ws.ids("epsilonfine"), {"feeds/middle.rss#m1"})
        self.assertEqual(self.ws.ids("etafine"), {"feeds/middle.rss#m3"})
        self.assertEqual(self.ws.ids("zetabroken"), set())
        # Not swallowed by the broken item it was nested in: the channel is its source.
        self.assertEqual(self.ws.ids("--filter", "source:Middle"),
                         {"feeds/middle.rss#m1", "feeds/middle.rss#m3"})
        err = [l for l in self.first.err.splitlines() if "middle.rss" in l]
        self.assertEqual(len(err), 1, self.first.err)
        self.assertIn("feeds/middle.rss: line %d: " % line_of(BROKEN_MIDDLE, "<guid>m2"), err[0])

    def test_an_item_with_neither_title_nor_text_fails_alone(self):
        self.assertEqual(self.ws.ids("deltatext"), {"feeds/sparse.rss#s3"})
        self.show("feeds/sparse.rss#s1")
        line = line_of(NO_TEXT, "<guid>s2")
        self.assertIn("feeds/sparse.rss: line %d: a record with neither title nor text" % line,
                      self.first.err)
        self.assertEqual(self.ws.newsdex("show", "feeds/sparse.rss#s2").code, 1)

    def test_an_xml_file_that_is_not_a_feed_is_not_indexed(self):
        self.assertEqual(self.ws.ids("secretconfigword"), set())
        self.assertEqual(self.ws.ids("settings"), set())
        self.assertIn("feeds/config.xml", self.first.err)
        # Every other file indexed: 2 + 1 + 2 + 1 + 2 + 2 + 2 articles.
        self.assertEqual(self.ws.count(""), 12)


class FeedReindexTest(unittest.TestCase):
    """A feed read again after an item changed, one was removed and one added: only those
    articles change in the index."""

    def test_changed_removed_and_added_items(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("live.rss", live_feed([("a", "Alpha story", "firstkeepword stays"),
                                        ("b", "Beta story", "oldbetaword before"),
                                        ("c", "Gamma story", "gammagoneword leaves")]))
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids(""), {"live.rss#a", "live.rss#b", "live.rss#c"})
        revision = ws.newsdex("stats", "--format", "json").json()["revision"]
        ws.write("live.rss", live_feed([("a", "Alpha story", "firstkeepword stays"),
                                        ("b", "Beta story", "newbetaword after"),
                                        ("d", "Delta story", "deltanewword arrives")]))
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids(""), {"live.rss#a", "live.rss#b", "live.rss#d"})
        self.assertEqual(ws.ids("firstkeepword"), {"live.rss#a"})
        self.assertEqual(ws.ids("oldbetaword"), set())
        self.assertEqual(ws.ids("newbetaword"), {"live.rss#b"})
        self.assertEqual(ws.ids("gammagoneword"), set())
        self.assertEqual(ws.ids("deltanewword"), {"live.rss#d"})
        # Only the changed and the added item were written again.
        self.assertEqual(ws.ids("--since-rev", str(revision)), {"live.rss#b", "live.rss#d"})
        os.remove(ws.path("live.rss"))
        r = ws.index("--no-entities", "--allow-empty")
        self.assertEqual(ws.ids(""), set())


if __name__ == "__main__":
    harness.main()
