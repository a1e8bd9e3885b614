"""Highlights that follow the query (issue 16, point 7): a snippet marks only words
that match as the query means them. A phrase's words where the whole phrase occurs,
NEAR's words where they are within the window, stems (in the article's language),
wildcard expansions, CJK runs where the run occurs, entity and field terms where the
name occurs; nothing the query excludes. Checked in JSON (byte ranges) and in text
output ([brackets] when not on a terminal)."""

import json
import unittest

import harness

ARTICLES = {
    "en/phrase.txt": (
        "Leaders gather in London\n\n"
        "Tony Blair arrived first. Later Tony Smith spoke to the crowd, and Cherie Blair "
        "waved from the steps of the hall.\n"),
    "en/near.txt": (
        "A long day at the Treasury\n\n"
        "Blair met Brown on Monday morning. Officials then spent many hours on tables of "
        "figures, forecasts and revenue estimates for the coming year, and only at the very "
        "end of the evening did Brown return, long after Blair had gone.\n"),
    "en/stems.txt": (
        "Unions keep talking\n\n"
        "The unions were negotiating all week. Their negotiators said negotiations would go "
        "on; the mood was not negative, and the needle did not move.\n"),
    "en/budget.txt": (
        "Chancellor presents his budget\n\n"
        "Chancellor Gordon Brown presented the budget to parliament on Wednesday. The "
        "famous brown box was held up outside, and Flash Gordon was on television that "
        "night. Gordon Brown said the budget would help families.\n"),
    "de/wohnungsbau.txt": (
        "Neue Wohnungen am Stadtrand\n\n"
        "Die Stadt baut in diesem Jahr dreihundert neue Häuser am Stadtrand. Der "
        "Bürgermeister sagte am Montag, jedes Haus sei für Familien gedacht, die in "
        "der Innenstadt keine bezahlbare Wohnung mehr finden. Die Bauarbeiten sollen im "
        "Frühjahr beginnen und zwei Jahre dauern.\n"),
    "zh/trade.txt": (
        "中美贸易战影响全球经济\n\n"
        "多位经济学家认为，中美贸易战将导致全球经济增长放缓。贸易部表示，战略物资的关税措施会提高"
        "企业的生产成本。\n"),
}

# A JSON Lines record with an author: a field term.
RECORDS = [
    {"key": "column", "title": "Notes from the budget",
     "body": "Jane Smith writes that the budget was dull. Her colleague Tom Smith and "
             "Jane Doe disagree.",
     "author": "Jane Smith", "date": "2024-03-06"},
]


def marked(hit):
    """The marked words of a hit, in order, as they appear in its snippet."""
    raw = hit["snippet"].encode("utf-8")
    return [raw[a:b].decode("utf-8") for a, b in hit["highlights"]]


def runs(hit):
    """The marked stretches of a hit: adjacent ranges (CJK characters) joined."""
    raw = hit["snippet"].encode("utf-8")
    out, last_end = [], None
    for a, b in hit["highlights"]:
        if last_end == a and out:
            out[-1] += raw[a:b].decode("utf-8")
        else:
            out.append(raw[a:b].decode("utf-8"))
        last_end = b
    return out


class HighlightsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in ARTICLES.items():
            ws.write(name, text)
        ws.write("feeds/columns.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS))
        cls.result = ws.index()  # with the entity tagger: person:"Gordon Brown"

    def setUp(self):
        self.assertEqual(self.result.code, 0, self.result)

    def hit(self, query, article, *flags):
        r = self.ws.newsdex("search", "--format", "json", "--snippet-chars", "2000", "-n", "50",
                            *flags, "--", query)
        self.assertEqual(r.code, 0, r)
        for h in r.json()["results"]:
            if h["id"] == article:
                return h
        self.fail("%s not found by %s: %s" % (article, query, r.out))

    def text(self, query, *flags):
        r = self.ws.newsdex("search", "--snippet-chars", "2000", "-n", "50", *flags, "--", query)
        self.assertEqual(r.code, 0, r)
        return r.out

    def test_phrase_marks_only_where_the_phrase_occurs(self):
        h = self.hit('"tony blair"', "en/phrase.txt")
        self.assertEqual(marked(h), ["Tony", "Blair"])
        self.assertTrue(h["snippet"].startswith("Tony Blair arrived"), h)
        out = self.text('"tony blair"')
        self.assertIn("[Tony] [Blair] arrived", out)
        self.assertIn("Later Tony Smith spoke to the crowd, and Cherie Blair waved", out)

    def test_phrase_with_stop_words_marks_no_lone_the(self):
        h = self.hit('"the steps of the hall"', "en/phrase.txt")
        self.assertEqual(marked(h), ["the", "steps", "of", "the", "hall"])
        self.assertIn("[the] [steps] [of] [the] [hall]", self.text('"the steps of the hall"'))
        self.assertIn("spoke to the crowd", self.text('"the steps of the hall"'))

    def test_near_marks_only_within_the_window(self):
        h = self.hit("blair NEAR/3 brown", "en/near.txt")
        self.assertEqual(marked(h), ["Blair", "Brown"])
        out = self.text("blair NEAR/3 brown")
        self.assertIn("[Blair] met [Brown] on Monday", out)
        self.assertIn("did Brown return, long after Blair had gone", out)
        # Without the window both are words of the query: every one is marked.
        self.assertEqual(marked(self.hit("blair brown", "en/near.txt")),
                         ["Blair", "Brown", "Brown", "Blair"])

    def test_stems_mark_their_inflections_only(self):
        h = self.hit("negotiate", "en/stems.txt")
        self.assertEqual(marked(h), ["negotiating", "negotiators", "negotiations"])
        out = self.text("negotiate")
        self.assertIn("[negotiating]", out)
        self.assertIn("not negative", out)

    def test_stems_of_another_language(self):
        # German articles were stemmed as German: "Häuser" and "Haus" meet there.
        h = self.hit("Häuser", "de/wohnungsbau.txt")
        self.assertEqual(marked(h), ["Häuser", "Haus"])
        self.assertIn("jedes [Haus] sei", self.text("Häuser"))

    def test_wildcard_marks_its_expansions(self):
        h = self.hit("negotiati*", "en/stems.txt")
        self.assertEqual(marked(h), ["negotiating", "negotiations"])
        h = self.hit("negotia*", "en/stems.txt")
        self.assertEqual(marked(h), ["negotiating", "negotiators", "negotiations"])
        self.assertIn("Their [negotiators] said", self.text("negotia*"))

    def test_cjk_runs_mark_only_the_run(self):
        h = self.hit("贸易战", "zh/trade.txt")
        self.assertEqual(runs(h), ["贸易战"])
        self.assertIn("中美[贸][易][战]将导致", self.text("贸易战"))
        # A lone character marks wherever it is.
        self.assertEqual(runs(self.hit("战", "zh/trade.txt")), ["战", "战"])

    def test_entity_terms_mark_the_name(self):
        h = self.hit('person:"Gordon Brown" budget', "en/budget.txt")
        self.assertEqual(marked(h), ["Gordon", "Brown", "budget", "Gordon", "Brown", "budget"])
        out = self.text('person:"Gordon Brown" budget')
        self.assertIn("Chancellor [Gordon] [Brown] presented", out)
        self.assertIn("famous brown box", out)
        self.assertIn("Flash Gordon was", out)
        # As a filter too.
        h = self.hit("budget", "en/budget.txt", "--filter", "person:Gordon Brown")
        self.assertEqual(marked(h), ["Gordon", "Brown", "budget", "Gordon", "Brown", "budget"])

    def test_field_terms_mark_their_words(self):
        h = self.hit('author:"Jane Smith" dull', "feeds/columns.jsonl#1")
        self.assertEqual(marked(h), ["Jane", "Smith", "dull"])
        self.assertIn("[Jane] [Smith] writes", self.text('author:"Jane Smith" dull'))

    def test_excluded_words_are_not_marked(self):
        # The article has "Gordon" and "Brown", not the phrase "Gordon Ramsay".
        h = self.hit('budget -"gordon ramsay"', "en/budget.txt")
        self.assertEqual(marked(h), ["budget", "budget"])
        h = self.hit('budget NOT "flash gordon brown"', "en/budget.txt")
        self.assertEqual(marked(h), ["budget", "budget"])

    def test_explain_lists_the_parsed_query_and_matched_terms(self):
        r = self.ws.newsdex("search", "--format", "json", "--explain", "--", '"tony blair"')
        self.assertEqual(r.code, 0, r)
        page = r.json()
        self.assertIn("PHRASE", page["parsed_query"])
        for hit in page["results"]:
            self.assertEqual({p["term"] for p in hit["explain"]}, {"tony", "blair"})


if __name__ == "__main__":
    harness.main()
