"""Entity facets end to end on the sample corpus: exact counts over all matches in
every format, filters (OR within a field, AND across, --filter-all), the same filters
in the query language, aliases, facets over everything, `newsdex facets`,
co-occurrence, --significant and the date histogram."""

import json

import harness

FACETS = ["person", "place", "org", "source", "section", "year", "month"]


class FacetTest(harness.IndexedCorpusTest):

    def test_index_succeeds(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)

    def facets_json(self, *args):
        r = self.ws.search_json(*args, "--facet", ",".join(FACETS), "--facet-limit", "0")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_counts_are_exact_over_all_matches_not_the_page(self):
        # One result shown, counts over every match: each value's count equals a count
        # of the query filtered by that value.
        doc = self.ws.newsdex("search", "summit", "--format", "json", "-n", "1",
                              "--facet", "person,place,org,source,month")
        self.assertEqual(doc.code, 0, doc)
        data = doc.json()
        self.assertEqual(len(data["results"]), 1)
        checked = 0
        for field in ["person", "place", "org", "source", "month"]:
            values = data["facets"][field]
            for v in values[:4]:
                n = self.ws.count("summit", "--filter", "%s:%s" % (field, v["value"]))
                self.assertEqual(v["count"], n, (field, v))
                checked += 1
        self.assertGreater(checked, 8)
        self.assertGreater(sum(v["count"] for v in data["facets"]["place"]), 1)

    def test_facets_for_a_query_matching_everything(self):
        total = self.ws.count("")
        data = self.facets_json("")
        self.assertEqual(data["total"], total)
        sections = {v["value"]: v["count"] for v in data["facets"]["section"]}
        # Each folder of the corpus is a section, counted over every article.
        expected = {}
        for f in harness.corpus_files():
            if "/" in f:
                expected[f.split("/")[0]] = expected.get(f.split("/")[0], 0) + 1
        self.assertEqual(sections, expected)
        people = {v["value"] for v in data["facets"]["person"]}
        self.assertIn("Donald Trump", people)

    def test_facet_limit_and_order(self):
        r = self.ws.search_json("", "--facet", "person", "--facet-limit", "3")
        values = r.json()["facets"]["person"]
        self.assertEqual(len(values), 3)
        counts = [v["count"] for v in values]
        self.assertEqual(counts, sorted(counts, reverse=True))

    def test_month_and_year_are_a_timeline_in_date_order(self):
        data = self.facets_json("")
        months = [v["value"] for v in data["facets"]["month"]]
        self.assertEqual(months, sorted(months))
        self.assertTrue(all(len(m) == 7 and m[4] == "-" for m in months), months)
        self.assertIn("2018-04", months)
        years = [v["value"] for v in data["facets"]["year"]]
        self.assertEqual(years, sorted(years))
        self.assertEqual(sum(v["count"] for v in data["facets"]["year"]), data["total"])

    def test_every_format_carries_facets(self):
        text = self.ws.newsdex("search", "trump", "--facet", "person,place")
        self.assertEqual(text.code, 0, text)
        self.assertIn("person", text.out)
        self.assertIn("Donald Trump", text.out)
        facets = self.ws.newsdex("facets", "person", "trump", "--format", "tsv")
        rows = [l.split("\t") for l in facets.lines()]
        self.assertTrue(rows and all(len(r) == 3 and r[0] == "person" for r in rows), facets)
        jl = self.ws.newsdex("facets", "place", "trump", "--format", "jsonl")
        objs = [json.loads(l) for l in jl.lines()]
        self.assertTrue(objs and all(set(o) >= {"field", "value", "count"} for o in objs))
        js = self.ws.newsdex("facets", "org", "--format", "json").json()
        self.assertEqual(js["field"], "org")
        self.assertEqual(js["matches"], self.ws.count(""))
        self.assertTrue(js["values"])

    def test_filters_or_within_a_field_and_across_fields(self):
        syria = self.ws.ids("--filter", "place:Syria")
        moscow = self.ws.ids("--filter", "place:Moscow")
        trump = self.ws.ids("--filter", "person:Donald Trump")
        self.assertTrue(syria and moscow and trump)
        self.assertEqual(self.ws.ids("--filter", "place:Syria", "--filter", "place:Moscow"),
                         syria | moscow)
        self.assertEqual(self.ws.ids("--filter", "place:Syria", "--filter", "place:Moscow",
                                     "--filter-all"), syria & moscow)
        self.assertEqual(self.ws.ids("--filter", "place:Syria", "--filter",
                                     "person:Donald Trump"), syria & trump)
        # The query language does the same.
        self.assertEqual(self.ws.ids('person:"Donald Trump" place:Syria'), syria & trump)
        self.assertEqual(self.ws.ids("place:Syria place:Moscow"), syria | moscow)
        self.assertEqual(self.ws.count("--filter", "place:Syria"), len(syria))

    def test_values_match_whatever_their_case_and_aliases_resolve(self):
        us = self.ws.ids("--filter", "place:United States")
        self.assertTrue(us)
        for spelling in ["united states", "UNITED STATES", "US", "U.S.", "USA", "America"]:
            self.assertEqual(self.ws.ids("--filter", "place:" + spelling), us, spelling)
        self.assertEqual(self.ws.ids("place:US"), us)
        uk = self.ws.ids("--filter", "place:United Kingdom")
        self.assertTrue(uk)
        self.assertEqual(self.ws.ids("--filter", "place:Britain"), uk)

    def test_seed_article_carries_its_entities(self):
        shown = self.ws.newsdex("show", "world/kremlin-tweet-diplomacy.txt", "--format", "json")
        self.assertEqual(shown.code, 0, shown)
        ents = shown.json()["entities"]
        for name in ["Donald Trump", "Dmitry Peskov", "Barack Obama"]:
            self.assertIn(name, ents["person"])
        for name in ["Moscow", "Russia", "Syria", "Washington"]:
            self.assertIn(name, ents["place"])
        self.assertIn("Twitter", ents["org"])
        for word in ["Saturday", "Wednesday", "April", "Radicals", "Previously"]:
            for t in ["person", "place", "org"]:
                self.assertNotIn(word, ents[t])
        result = self.ws.search_json("tweet diplomacy").json()["results"]
        seed = [h for h in result if h["id"] == "world/kremlin-tweet-diplomacy.txt"]
        self.assertEqual(seed[0]["entities"], ents)

    def test_co_occurrence(self):
        r = self.ws.newsdex("facets", "person", "--filter", "place:Syria", "--format", "json")
        self.assertEqual(r.code, 0, r)
        data = r.json()
        self.assertEqual(data["matches"], self.ws.count("--filter", "place:Syria"))
        for v in data["values"]:
            self.assertEqual(v["count"], self.ws.count("--filter", "place:Syria", "--filter",
                                                       "person:" + v["value"], "--filter-all"))

    def test_significant_ranks_by_over_representation(self):
        r = self.ws.newsdex("facets", "section", "--significant", "brexit", "--format", "json")
        self.assertEqual(r.code, 0, r)
        values = r.json()["values"]
        self.assertTrue(values)
        all_brexit = self.ws.count("brexit")
        total = self.ws.count("")
        for v in values:
            bg = self.ws.count("--filter", "section:" + v["value"])
            # Significant values are over-represented in the matches.
            self.assertGreater(v["count"] / all_brexit, bg / total, v)
            self.assertGreater(v["score"], 0)
        scores = [v["score"] for v in values]
        self.assertEqual(scores, sorted(scores, reverse=True))

    def test_unknown_facet_or_filter_field_is_a_usage_error(self):
        r = self.ws.newsdex("search", "trump", "--facet", "colour")
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertIn("unknown facet", r.err)
        r = self.ws.newsdex("count", "--filter", "colour:red")
        self.assertEqual(r.code, 2, r)
        self.assertIn("unknown filter field", r.err)

    def test_a_filter_that_matches_nothing_exits_1(self):
        r = self.ws.newsdex("search", "--filter", "person:Nobody Atall")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")


if __name__ == "__main__":
    harness.main()
