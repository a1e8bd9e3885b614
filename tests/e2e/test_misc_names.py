"""Names that are not people, places or organisations (issue 15, point 2): the tagger's
other type (events, works, products, awards, nationalities) is the misc field, a facet
and a filter like the others, and it votes on a name's type across the corpus. An award
the tagger calls a person in one article ("the best actor Oscar") and misc in others
("three Oscars") leaves the person facet for misc, in whichever order the articles were
indexed."""

import unittest

import harness

ARTICLES = {
    "film/drama-wins.txt":
        "Drama wins big at awards\n\nThe drama won three Oscars at the ceremony in Los "
        "Angeles on Sunday, and its star said the Oscars were a dream.\n",
    "film/comedy-wins.txt":
        "Comedy takes two awards\n\nThe comedy took two Oscars on Sunday night, and its "
        "director thanked the cast. The Oscars ceremony ran for four hours.\n",
    "film/actor-tipped.txt":
        "Actor in awards race\n\nThe actor is tipped to win the best actor Oscar next "
        "month. Oscar voters praised his performance in the film.\n",
    "politics/minister.txt":
        "Minister visits school\n\nTony Blair visited a school in London on Monday. Tony "
        "Blair said teachers were doing a fine job.\n",
}
FIELDS = ("person", "place", "org", "misc")


def facets(ws, query=""):
    r = ws.search_json(query, "--facet", ",".join(FIELDS), "--facet-limit", "0")
    if r.code != 0:
        raise AssertionError(r)
    return {f: dict((v["value"], v["count"]) for v in r.json()["facets"][f]) for f in FIELDS}


class MiscNamesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        names = sorted(ARTICLES)
        cls.spaces = harness.indexed_in_batches(
            cls, ARTICLES, ([names], [names[:2], names[2:]], [names[2:], names[:2]]))
        cls.ws = cls.spaces[0]

    def test_the_award_is_misc_not_a_person(self):
        f = facets(self.ws)
        self.assertEqual(f["misc"].get("Oscars"), 2, f["misc"])
        self.assertEqual(f["misc"].get("Oscar"), 1, f["misc"])
        self.assertNotIn("Oscar", f["person"])
        self.assertEqual(f["person"].get("Tony Blair"), 1, f["person"])

    def test_the_whole_corpus_facet_counts_as_a_query_does(self):
        r = self.ws.newsdex("facets", "misc", "--format", "json")
        self.assertEqual(r.code, 0, r)
        values = {v["value"]: v["count"] for v in r.json()["values"]}
        self.assertEqual(values, facets(self.ws, "Sunday OR month OR Blair")["misc"])

    def test_misc_filters_find_the_articles(self):
        self.assertEqual(self.ws.ids("--filter", "misc:Oscars"),
                         {"film/drama-wins.txt", "film/comedy-wins.txt"})
        self.assertEqual(self.ws.ids("misc:oscar"), {"film/actor-tipped.txt"})
        # The person spelling finds the same article: it is one name, now misc.
        self.assertEqual(self.ws.ids("--filter", "person:Oscar"), {"film/actor-tipped.txt"})

    def test_every_count_is_its_filters_count(self):
        for value, count in facets(self.ws)["misc"].items():
            self.assertEqual(self.ws.count("", "--filter", "misc:" + value), count, value)

    def test_the_same_facets_whatever_the_indexing_order(self):
        expected = facets(self.spaces[0])
        for ws in self.spaces[1:]:
            self.assertEqual(facets(ws), expected)

    def test_hits_and_show_carry_the_misc_names(self):
        r = self.ws.search_json("drama")
        self.assertEqual(r.code, 0, r)
        hit = r.json()["results"][0]
        self.assertEqual(hit["id"], "film/drama-wins.txt")
        self.assertEqual(hit["entities"]["misc"], ["Oscars"])
        r = self.ws.newsdex("show", "film/drama-wins.txt")
        self.assertEqual(r.code, 0, r)
        self.assertRegex(r.out, r"(?m)^misc: +Oscars$")

    def test_the_graph_draws_misc_names(self):
        r = self.ws.newsdex("graph", "--format", "json", "--field", "misc,place",
                            "--min-count", "1")
        self.assertEqual(r.code, 0, r)
        nodes = {(n["type"], n["name"]) for n in r.json()["nodes"]}
        self.assertIn(("misc", "Oscars"), nodes)
        r = self.ws.newsdex("graph", "--field", "title")
        self.assertEqual(r.code, 2, r)
        self.assertIn("person, place, org, misc", r.err)


if __name__ == "__main__":
    harness.main()
