"""One name per entity across the corpus (issue 15, point 3): an article that names
Tony Blair only as "Blair", a rugby line-up's "R O'Gara" and a story that says only
"SEC" count under the full name in facets and the graph, and a filter on any of the
names finds all of their articles. Facets and filters are the same whichever order the
files were indexed in, in one run or added later, and follow a deletion."""

import json
import os
import unittest

import harness

ARTICLES = {
    "politics/blair-speech.txt":
        "Tony Blair defends school reforms\n\nPrime Minister Tony Blair has defended his "
        "plans for school reform in a speech in London. Mr Blair told teachers that the "
        "changes would raise standards across England. Tony Blair said the government "
        "would publish a white paper next month.\n",
    "politics/blair-visit.txt":
        "Blair visits flood-hit town\n\nBlair visited the town of Carlisle on Monday to see "
        "the damage caused by the floods. Blair promised that the government would help "
        "families who had lost their homes, and local councillors welcomed the visit.\n",
    "business/sec-probe.txt":
        "Regulator opens inquiry into bank\n\nThe Securities and Exchange Commission (SEC) "
        "has opened an inquiry into the accounts of a large American bank. The Securities "
        "and Exchange Commission said it would report its findings next year.\n",
    "business/sec-fine.txt":
        "Broker fined over trading\n\nThe SEC has fined a New York broker for misleading "
        "investors. The SEC said the broker had hidden losses from its clients for three "
        "years.\n",
    "sport/ogara-match.txt":
        "Ireland beat Scotland in Dublin\n\nRonan O'Gara kicked three penalties as Ireland "
        "beat Scotland in Dublin. Ronan O'Gara said the team had played well in difficult "
        "conditions.\n",
    "sport/ogara-lineup.txt":
        "Ireland name side for Paris\n\nIreland team to play France in Paris: G Murphy; "
        "S Horgan, B O'Driscoll, G D'Arcy, D Hickie; R O'Gara, P Stringer; M Horan, "
        "S Byrne, J Hayes.\n",
}
FIRST = ["politics/blair-speech.txt", "business/sec-probe.txt", "sport/ogara-match.txt"]
SECOND = [name for name in sorted(ARTICLES) if name not in FIRST]
FIELDS = ("person", "place", "org")


def facets(ws, query=""):
    """Every value of the three entity facets for `query`, as {field: [(value, count)]}."""
    r = ws.search_json(query, "--facet", ",".join(FIELDS), "--facet-limit", "0")
    if r.code != 0:
        raise AssertionError(r)
    return {f: [(v["value"], v["count"]) for v in r.json()["facets"][f]] for f in FIELDS}


class EntityResolutionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The same six articles indexed three ways: all in one run, and in two runs of
        # three articles each, in one order and in the other.
        cls.spaces = harness.indexed_in_batches(
            cls, ARTICLES, ([sorted(ARTICLES)], [FIRST, SECOND], [SECOND, FIRST]))
        cls.ws = cls.spaces[0]

    def test_partial_names_count_under_the_full_name(self):
        people = dict(facets(self.ws)["person"])
        self.assertEqual(people["Tony Blair"], 2)
        self.assertNotIn("Blair", people)
        self.assertEqual(people["Ronan O'Gara"], 2)
        self.assertNotIn("R O'Gara", people)
        orgs = dict(facets(self.ws)["org"])
        self.assertEqual(orgs["Securities and Exchange Commission"], 2)
        self.assertNotIn("SEC", orgs)

    def test_any_name_of_the_entity_finds_all_its_articles(self):
        blair = {"politics/blair-speech.txt", "politics/blair-visit.txt"}
        self.assertEqual(self.ws.ids("person:Blair"), blair)
        self.assertEqual(self.ws.ids("--filter", "person:Blair"), blair)
        self.assertEqual(self.ws.ids('person:"Tony Blair"'), blair)
        sec = {"business/sec-probe.txt", "business/sec-fine.txt"}
        self.assertEqual(self.ws.ids("--filter", "org:SEC"), sec)
        self.assertEqual(self.ws.ids("--filter", "org:Securities and Exchange Commission"), sec)
        self.assertEqual(self.ws.ids("--filter", "person:R O'Gara"),
                         {"sport/ogara-match.txt", "sport/ogara-lineup.txt"})

    def test_every_count_is_its_filters_count(self):
        for query in ("", "government OR Ireland OR broker"):
            for field, values in facets(self.ws, query).items():
                for value, count in values:
                    args = ("--filter", "%s:%s" % (field, value))
                    self.assertEqual(self.ws.count(query, *args), count, (query, field, value))

    def test_the_same_facets_whatever_the_indexing_order(self):
        for query in ("", "government OR Ireland OR broker"):
            expected = facets(self.spaces[0], query)
            for ws in self.spaces[1:]:
                self.assertEqual(facets(ws, query), expected, query)
        for ws in self.spaces:
            self.assertEqual(ws.ids("person:Blair"),
                             {"politics/blair-speech.txt", "politics/blair-visit.txt"})

    def test_the_graph_counts_the_resolved_names(self):
        r = self.ws.newsdex("graph", "--format", "json", "--field", "person", "--min-count", "1")
        self.assertEqual(r.code, 0, r)
        nodes = {n["name"]: n["count"] for n in r.json()["nodes"]}
        self.assertEqual(nodes.get("Tony Blair"), 2, nodes)
        self.assertNotIn("Blair", nodes)

    def test_a_snippet_marks_the_name_asked_for(self):
        # The article that says only "Blair" matches; its snippet marks the name asked
        # for, which it does not hold, and not the surname the corpus joined to it.
        r = self.ws.search_json('person:"Tony Blair"')
        self.assertEqual(r.code, 0, r)
        hits = {h["id"]: h for h in r.json()["results"]}
        self.assertEqual(set(hits), {"politics/blair-speech.txt", "politics/blair-visit.txt"})

        def marked(hit):
            raw = hit["snippet"].encode("utf-8")
            return {raw[a:b].decode("utf-8") for a, b in hit["highlights"]}

        self.assertEqual(marked(hits["politics/blair-speech.txt"]), {"Tony", "Blair"})
        self.assertEqual(marked(hits["politics/blair-visit.txt"]), set())
        # Asked for by the surname, the surname is marked.
        r = self.ws.search_json("person:Blair")
        hits = {h["id"]: h for h in r.json()["results"]}
        self.assertIn("Blair", marked(hits["politics/blair-visit.txt"]))


class ResolutionFollowsUpdatesTest(unittest.TestCase):
    def test_a_deleted_full_name_leaves_the_surname_alone(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        for name in ("politics/blair-speech.txt", "politics/blair-visit.txt"):
            ws.write(name, ARTICLES[name])
        self.assertEqual(ws.index().code, 0)
        self.assertEqual(dict(facets(ws)["person"]).get("Tony Blair"), 2)
        os.remove(ws.path("politics/blair-speech.txt"))
        self.assertEqual(ws.index().code, 0)
        people = dict(facets(ws)["person"])
        self.assertEqual(people.get("Blair"), 1, people)
        self.assertNotIn("Tony Blair", people)
        self.assertEqual(ws.ids("person:Blair"), {"politics/blair-visit.txt"})


if __name__ == "__main__":
    harness.main()
