"""HTML pages are read as a browser shows them, not as markup: the article's main text
is indexed, and the words of scripts, styles, comments, navigation, footers, cookie
banners, share buttons and related boxes are not; character references are decoded;
the title (site name stripped), date, authors, canonical URL and language come from the
page's metadata, and author and language are facets."""

import unittest

import harness

TRAPS = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour reopens after winter storm | Coast Daily</title>
<meta property="og:title" content="Harbour reopens after winter storm | Coast Daily">
<meta property="og:site_name" content="Coast Daily">
<link rel="canonical" href="https://coastdaily.example/news/harbour-reopens">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "zqldpage"},
  {"@type": "NewsArticle", "headline": "Harbour reopens", "datePublished": "2021-03-04T08:15:00Z",
   "author": [{"@type": "Person", "name": "Ann Quayle"}, {"@type": "Person", "name": "Ben Roe"}],
   "publisher": {"@type": "Organization", "name": "Coast Daily"}}]}
</script>
<script>var zqscript = "tracking words in a script";</script>
<style>.zqstyle { color: red }</style>
</head>
<body>
<!-- zqcomment: a comment is not text -->
<div id="cookie-banner"><p>We use cookies zqcookie to improve your experience. Accept all cookies?</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/zqnav">zqnav Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Harbour reopens after winter storm</h1>
<p class="byline">By Ann Quayle and Ben Roe, <time datetime="2021-03-04">4 March 2021</time></p>
<p>The harbour at Port Wenna reopened on Thursday after repairs to the sea wall zqbody,
three months after a storm tore a hole in it. Fish &amp; chips stalls on the quay
reopened too, and the caf&eacute; by the lifeboat station served its first customers
since December &#8212; &#8220;a relief for everyone&#8221;, said its owner.</p>
<p>Engineers replaced forty metres of the wall and raised it by half a metre, the
council said, at a cost of &pound;1.2 million shared with the harbour trust.</p>
<div class="share-buttons"><a href="#">Share zqshare on Facebook</a><a href="#">Twitter</a></div>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">zqrelated Storm damage in pictures</a></li></ul></aside>
</article>
</main>
<footer><p>Copyright Coast Daily zqfooter. All rights reserved.</p></footer>
</body>
</html>
"""

FRENCH = """<!doctype html>
<html lang="fr-FR"><head>
<title>Le Journal du Port : Les pêcheurs manifestent devant la préfecture</title>
<meta name="author" content="Claire Morvan">
<meta property="og:url" content="https://journal-du-port.example/peche">
</head><body>
<article>
<h1>Les pêcheurs manifestent devant la préfecture</h1>
<p>Plusieurs centaines de pêcheurs zqfrench ont manifesté mardi devant la préfecture,
pour protester contre la hausse du prix du gazole et les nouveaux quotas.</p>
<p>Publié le <time datetime="2022-11-08T10:00:00+01:00">8 novembre 2022</time>.</p>
</article>
</body></html>
"""

# Unclosed tags, a stray end tag, an unterminated comment at the end: still its text.
BROKEN = """<html><head><title>Broken page</title></head><body><div><p>zqbroken first
paragraph <b>bold <i>and italic<p>second paragraph zqsecond</span> <td>cell zqcell</div></div>
<!-- never closed comment zqunclosed"""

NO_TEXT = """<!DOCTYPE html><html><head></head><body><script>var x = 1;</script></body></html>"""


class HtmlReaderTest(unittest.TestCase):
    PAGES = {"news/harbour.html": TRAPS, "monde/peche.htm": FRENCH, "broken.html": BROKEN,
             "empty.html": NO_TEXT}

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in cls.PAGES.items():
            ws.write(name, text)
        ws.write("plain.txt", "A plain article\n\nIts body zqplain, read as text.\n")
        cls.result = ws.index("--no-entities")

    def show(self, page):
        r = self.ws.newsdex("show", page, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_pages_indexed_and_an_empty_page_is_no_article(self):
        s = harness.parse_summary(self.result.out)
        self.assertEqual(self.result.code, 0, self.result)
        self.assertEqual((s["added"], s["failed"]), (4, 0), self.result)
        self.assertEqual(self.ws.ids("var"), set())

    def test_body_words_found_chrome_words_not(self):
        self.assertEqual(self.ws.ids("zqbody"), {"news/harbour.html"})
        for chrome in ("zqscript", "zqstyle", "zqcomment", "zqcookie", "zqnav", "zqshare",
                       "zqrelated", "zqfooter", "zqldpage", "cookies", "copyright"):
            with self.subTest(word=chrome):
                self.assertEqual(self.ws.ids(chrome), set())

    def test_character_references_decoded(self):
        body = self.show("news/harbour.html")["body"]
        self.assertIn("Fish & chips", body)
        self.assertIn("caf\u00e9", body)
        self.assertIn("\u2014 \u201ca relief for everyone\u201d", body)
        self.assertIn("\u00a31.2 million", body)
        self.assertNotIn("&amp;", body)
        # Found by its accent-folded word and by the phrase across a reference.
        self.assertEqual(self.ws.ids("cafe"), {"news/harbour.html"})
        self.assertEqual(self.ws.ids('"fish chips"'), {"news/harbour.html"})

    def test_paragraphs_separated_by_blank_lines(self):
        body = self.show("news/harbour.html")["body"]
        paragraphs = body.split("\n\n")
        self.assertEqual(len(paragraphs), 2, body)
        self.assertTrue(paragraphs[0].startswith("The harbour at Port Wenna"), body)
        self.assertTrue(paragraphs[1].startswith("Engineers replaced"), body)
        # The byline and the heading are fields, not body text.
        self.assertNotIn("By Ann Quayle", body)
        self.assertNotIn("Harbour reopens", body)

    def test_metadata_of_the_page(self):
        doc = self.show("news/harbour.html")
        self.assertEqual(doc["title"], "Harbour reopens after winter storm")
        self.assertEqual(doc["date"], "2021-03-04")
        self.assertEqual(doc["author"], ["Ann Quayle", "Ben Roe"])
        self.assertEqual(doc["source"], "Coast Daily")
        self.assertEqual(doc["url"], "https://coastdaily.example/news/harbour-reopens")
        self.assertEqual(doc["language"], "en")

    def test_title_site_prefix_time_date_meta_author(self):
        doc = self.show("monde/peche.htm")
        self.assertEqual(doc["title"], "Les pêcheurs manifestent devant la préfecture")
        self.assertEqual(doc["date"], "2022-11-08")
        self.assertEqual(doc["author"], ["Claire Morvan"])
        self.assertEqual(doc["url"], "https://journal-du-port.example/peche")
        self.assertEqual(doc["language"], "fr")
        self.assertEqual(self.ws.ids("zqfrench"), {"monde/peche.htm"})

    def test_author_and_language_facets_and_filters(self):
        r = self.ws.newsdex("facets", "author", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(sorted(r.lines()), ["author\tAnn Quayle\t1", "author\tBen Roe\t1",
                                             "author\tClaire Morvan\t1"])
        r = self.ws.newsdex("facets", "language", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertIn("language\tfr\t1", r.lines())
        self.assertIn("language\ten\t1", r.lines())
        self.assertEqual(self.ws.ids("pêcheurs", "--filter", "language:fr"), {"monde/peche.htm"})
        self.assertEqual(self.ws.ids("harbour", "--filter", "author:Ben Roe"),
                         {"news/harbour.html"})

    def test_broken_page_gives_its_text(self):
        for word in ("zqbroken", "zqsecond", "zqcell"):
            with self.subTest(word=word):
                self.assertEqual(self.ws.ids(word), {"broken.html"})
        self.assertEqual(self.ws.ids("zqunclosed"), set())
        self.assertEqual(self.show("broken.html")["title"], "Broken page")

    def test_plain_text_unchanged(self):
        self.assertEqual(self.ws.ids("zqplain"), {"plain.txt"})
        self.assertEqual(self.show("plain.txt")["title"], "A plain article")


if __name__ == "__main__":
    harness.main()
