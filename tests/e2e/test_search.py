"""newsdex search, count, facets, show and stats on the sample corpus, indexed once.

Every expectation is derived from the corpus files themselves (harness's oracle
functions read them), not from what the program printed before.
"""

import json
import os
import re
import unittest

import harness
from harness import IndexedCorpusTest

# Undated articles get their file's modification time: pin it so dates are known.
UNDATED_MTIME = 1592222400  # 2020-06-15T12:00:00Z
UNDATED_DATE = "2020-06-15"

SOY = "business/2018-04-04-china-targets-us-soybeans.txt"
TRUCE = "world/2018-12-01-trump-xi-trade-truce-buenos-aires.txt"
CAFE = "business/2018-10-09-paris-cafe-terrace-rents.txt"
ZURICH = "technology/2019-02-20-zurich-fintech-opens-sao-paulo-office.txt"
BIG = "politics/2019-03-29-commons-brexit-debates-record.txt"
EMPTY = "politics/empty.txt"


def expected_date(rel):
    return harness.text_date(rel) or UNDATED_DATE


def documents():
    """Every file the shipped schema selects is a document, the empty one included."""
    return harness.corpus_files()


class SearchTest(IndexedCorpusTest):
    @classmethod
    def prepare(cls, ws):
        for rel in harness.corpus_files():
            if harness.text_date(rel) is None:
                os.utime(ws.path(rel), (UNDATED_MTIME, UNDATED_MTIME))

    def setUp(self):
        self.assertIn(self.first_index.code, (0, 1), self.first_index)

    # --- the query language -------------------------------------------------------

    def test_stemmed_query_finds_inflected_forms(self):
        # "negotiating" and "negotiations", "negotiated", "negotiate", "negotiator"
        # share the stem; the query finds every file with any of them.
        expected = harness.files_with(r"\bnegotiat(e|es|ed|ing|ion|ions|or|ors)\b")
        literal = harness.files_with(r"\bnegotiating\b")
        self.assertTrue(expected - literal, "the corpus must have files without the literal word")
        self.assertEqual(self.ws.ids("negotiating"), expected)
        self.assertEqual(self.ws.ids("negotiations"), expected)

    def test_phrase_matches_only_in_order(self):
        self.assertEqual(self.ws.ids('"trade war escalates"'), {SOY})
        self.assertEqual(self.ws.ids('"escalates the trade war"'), {TRUCE})
        # Derived the same way from the files: each phrase occurs in exactly that one.
        self.assertEqual(harness.files_with(r"trade\s+war\s+escalates"), {SOY})
        self.assertEqual(harness.files_with(r"escalates\s+the\s+trade\s+war"), {TRUCE})
        # Both words are in both files, so only the order tells them apart.
        both = self.ws.ids("trade", "war", "escalates")
        self.assertTrue({SOY, TRUCE} <= both)

    def test_title_field_matches_the_title_only(self):
        in_title = harness.files_with(r"\btrump", where="title")
        anywhere = harness.files_with(r"\btrump")
        self.assertTrue(in_title)
        self.assertTrue(anywhere - in_title, "some files name Trump in the body only")
        self.assertEqual(self.ws.ids("title:trump"), in_title)
        self.assertEqual(self.ws.ids("trump"), anywhere)

    def test_accent_free_query_finds_accented_and_repaired_words(self):
        # The café file is mojibake on disk ("cafÃ©"), repaired at index time.
        self.assertIn("cafÃ©", harness.corpus_text(CAFE))
        for query in ("cafe", "Café", "CAFÉ", "cafés"):
            with self.subTest(query=query):
                self.assertEqual(self.ws.ids(query), {CAFE, ZURICH})
        # Other accented words: "Zürich" and "São Paulo" without accents.
        self.assertEqual(self.ws.ids("zurich", "sao", "paulo"), {ZURICH})

    def test_repaired_title_is_stored_clean(self):
        title_on_disk, _ = harness.title_and_body(CAFE)
        repaired = title_on_disk.encode("cp1252").decode("utf-8")
        self.assertIn("café", repaired)
        r = self.ws.search_json("terrace", "rents")
        self.assertEqual(r.code, 0, r)
        hits = {h["id"]: h for h in r.json()["results"]}
        self.assertEqual(hits[CAFE]["title"], repaired)

    def test_near(self):
        def distance(rel, a, b):
            best = None
            title, body = harness.title_and_body(rel)
            for part in (title, body):
                w = harness.words(part)
                pa = [i for i, x in enumerate(w) if x == a]
                pb = [i for i, x in enumerate(w) if x == b]
                for i in pa:
                    for j in pb:
                        best = abs(i - j) if best is None else min(best, abs(i - j))
            return best
        d = {rel: distance(rel, "trump", "putin") for rel in documents()}
        close = {rel for rel, v in d.items() if v is not None and v <= 4}
        far = {rel for rel, v in d.items() if v is not None and v >= 15}
        self.assertTrue(close)
        self.assertTrue(far)
        found = self.ws.ids("trump", "NEAR", "putin")
        self.assertTrue(close <= found, (close, found))
        self.assertFalse(found & far, found & far)
        # Plain AND finds the far ones too.
        self.assertTrue(far <= self.ws.ids("trump", "putin"))

    def test_wildcard(self):
        expected = harness.files_with(r"\bnegoti\w*")
        self.assertEqual(self.ws.ids("negoti*"), expected)

    def test_wildcard_inside_a_phrase(self):
        # Xapian's parser keeps "negoti*" inside quotes as the word "negoti"; newsdex
        # puts the index's words that start so in its place, in the phrase's order.
        expected = harness.files_with(r"\btrade\W+negoti\w*")
        self.assertTrue(expected, "the corpus must have the phrase")
        self.assertEqual(self.ws.ids('"trade negoti*"'), expected)
        self.assertEqual(self.ws.ids('"negoti* trade"'),
                         harness.files_with(r"\bnegoti\w*\W+trade\b"))
        self.assertEqual(self.ws.ids('"trade zzqxv*"'), set())
        # Matches are marked in the snippet as for a wildcard outside a phrase.
        r = self.ws.newsdex("search", '"trade negoti*"', "--format", "json")
        self.assertEqual(r.code, 0, r)
        for h in r.json()["results"]:
            snippet = h["snippet"].encode("utf-8")
            marked = {snippet[a:b].decode("utf-8").lower() for a, b in h["highlights"]}
            self.assertIn("trade", marked, h["id"])
            self.assertTrue(any(w.startswith("negoti") for w in marked), (h["id"], marked))

    def test_wildcard_matches_are_highlighted(self):
        r = self.ws.newsdex("search", "negoti*", "--format", "json", "--limit", "50")
        self.assertEqual(r.code, 0, r)
        for h in r.json()["results"]:
            snippet = h["snippet"].encode("utf-8")
            marked = [snippet[a:b].decode("utf-8").lower() for a, b in h["highlights"]]
            self.assertTrue(marked, h["id"])
            for word in marked:
                self.assertTrue(word.startswith("negoti"), word)

    def test_not_and_minus(self):
        trump = harness.files_with(r"\btrump")
        putin = harness.files_with(r"\bputin")
        self.assertTrue(trump & putin and trump - putin)
        self.assertEqual(self.ws.ids("trump", "NOT", "putin"), trump - putin)
        # A word starting with '-' inside one argument, or after "--".
        self.assertEqual(self.ws.ids("trump -putin"), trump - putin)
        self.assertEqual(self.ws.ids("--", "trump", "-putin"), trump - putin)
        self.assertEqual(self.ws.ids("trump", "AND", "putin"), trump & putin)
        self.assertEqual(self.ws.ids("trump", "OR", "putin"), trump | putin)

    def test_source_field_query(self):
        expected = {rel for rel in documents() if (harness.dateline(rel) or ("", ""))[1] == "WIRE SERVICE"}
        self.assertTrue(expected)
        self.assertEqual(self.ws.ids('source:"WIRE SERVICE"'), expected)
        # A source name is matched whole, whatever its case.
        self.assertEqual(self.ws.ids('source:"wire service"'), expected)
        self.assertEqual(self.ws.ids("source:WIRE"), set())

    def test_date_range_query_and_since_until(self):
        april = {rel for rel in documents() if expected_date(rel).startswith("2018-04")}
        self.assertEqual(april, {rel for rel in documents() if harness.text_date(rel) and
                                 harness.text_date(rel).startswith("2018-04")})
        self.assertTrue(april)
        self.assertEqual(self.ws.ids("date:2018-04-01..2018-04-30"), april)
        self.assertEqual(self.ws.ids("--since", "2018-04-01", "--until", "2018-04-30"), april)
        self.assertEqual(self.ws.ids("--since", "2018-04", "--until", "2018-04"), april)
        # Inclusive bounds: the first and last day count.
        first = min(expected_date(r) for r in april)
        last = max(expected_date(r) for r in april)
        self.assertEqual(self.ws.ids("--since", first, "--until", last), april)
        # Open-ended.
        since_2019 = {r for r in documents() if expected_date(r) >= "2019-01-01"}
        self.assertEqual(self.ws.ids("--since", "2019"), since_2019)
        until_2017 = {r for r in documents() if expected_date(r) <= "2017-12-31"}
        self.assertTrue(until_2017)
        self.assertEqual(self.ws.ids("--until", "2017"), until_2017)

    def test_every_article_has_its_date(self):
        r = self.ws.newsdex("search", "--format", "json", "--limit", "100", "--no-snippet")
        self.assertEqual(r.code, 0, r)
        dates = {h["id"]: h["date"] for h in r.json()["results"]}
        self.assertEqual(set(dates), set(harness.corpus_files()))
        for rel in harness.corpus_files():
            with self.subTest(rel=rel):
                self.assertEqual(dates.get(rel), expected_date(rel))

    def test_big_file_is_indexed_to_its_last_word(self):
        self.assertTrue(harness.read_corpus(BIG).rstrip().endswith(b"midnight."))
        self.assertEqual(harness.files_with(r"\bthistlequorum\b"), {BIG})
        self.assertEqual(self.ws.ids("thistlequorum"), {BIG})
        self.assertGreater(len(harness.read_corpus(BIG)), 4_000_000)

    # --- results: paging and sorting --------------------------------------------------

    def test_limit_and_offset(self):
        full = self.ws.search_json("trump", "--no-snippet")
        self.assertEqual(full.code, 0, full)
        all_ids = [h["id"] for h in full.json()["results"]]
        total = full.json()["total"]
        self.assertEqual(total, len(harness.files_with(r"\btrump")))
        self.assertEqual(len(all_ids), total)
        self.assertGreater(total, 6)

        r = self.ws.newsdex("search", "trump", "--format", "json", "--limit", "3")
        page = r.json()
        self.assertEqual([h["id"] for h in page["results"]], all_ids[:3])
        self.assertEqual([h["rank"] for h in page["results"]], [1, 2, 3])
        self.assertEqual(page["total"], total)
        self.assertEqual(page["offset"], 0)

        r = self.ws.newsdex("search", "trump", "--format", "json", "--limit", "3", "--offset", "2")
        page = r.json()
        self.assertEqual([h["id"] for h in page["results"]], all_ids[2:5])
        self.assertEqual(page["offset"], 2)
        self.assertEqual(page["total"], total)
        r = self.ws.newsdex("search", "trump", "--format", "paths", "--limit", "3", "--offset", "2")
        self.assertEqual([os.path.relpath(p, self.ws.corpus) for p in r.lines()], all_ids[2:5])
        # Past the last match: no result lines.
        r = self.ws.newsdex("search", "trump", "--format", "paths", "--offset", str(total))
        self.assertEqual(r.out, "")

        r = self.ws.newsdex("search", "trump", "--format", "json", "-n", "2")
        self.assertEqual(len(r.json()["results"]), 2, r)

        # The default page is ten.
        r = self.ws.newsdex("search", "trump", "--format", "json")
        self.assertEqual(len(r.json()["results"]), min(10, total))

    def test_ranks_count_from_the_first_match_with_offset(self):
        r = self.ws.newsdex("search", "trump", "--format", "json", "--limit", "3", "--offset", "2")
        self.assertEqual(r.code, 0, r)
        self.assertEqual([h["rank"] for h in r.json()["results"]], [3, 4, 5])
        r = self.ws.newsdex("search", "trump", "--format", "tsv", "--limit", "3", "--offset", "2")
        self.assertEqual([line.split("\t")[0] for line in r.lines()], ["3", "4", "5"])

    def test_sort_by_date(self):
        for order, reverse in (("date", False), ("-date", True)):
            with self.subTest(order=order):
                r = self.ws.search_json("trump", "--sort", order)
                self.assertEqual(r.code, 0, r)
                results = r.json()["results"]
                dates = [h["date"] for h in results]
                self.assertEqual(dates, sorted(dates, reverse=reverse))
                self.assertEqual({h["id"] for h in results}, harness.files_with(r"\btrump"))
                self.assertEqual(dates, sorted((expected_date(h["id"]) for h in results),
                                               reverse=reverse))
        r = self.ws.newsdex("search", "trump", "--sort", "random")
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")

    def test_relevance_scores_do_not_increase(self):
        r = self.ws.search_json("trade", "war")
        scores = [h["score"] for h in r.json()["results"]]
        self.assertTrue(scores)
        self.assertEqual(scores, sorted(scores, reverse=True))

    # --- output formats ---------------------------------------------------------------

    def check_result(self, h):
        for key in harness.RESULT_FIELDS:
            self.assertIn(key, h)
        for key in harness.ENTITY_FIELDS:
            self.assertIn(key, h["entities"])
            self.assertIsInstance(h["entities"][key], list)
        self.assertIsInstance(h["rank"], int)
        self.assertIsInstance(h["score"], (int, float))
        self.assertTrue(os.path.isabs(h["path"]), h["path"])
        self.assertTrue(os.path.isfile(h["path"]), h["path"])
        self.assertEqual(os.path.relpath(h["path"], self.ws.corpus), h["id"])
        self.assertRegex(h["date"], r"^\d{4}-\d{2}-\d{2}$")
        title, _ = harness.title_and_body(h["id"])
        if h["id"] != CAFE:
            self.assertEqual(h["title"], title)
        source = harness.dateline(h["id"])
        self.assertEqual(h["source"], source[1] if source else "")

    def test_json_has_every_contract_field(self):
        r = self.ws.newsdex("search", "trade", "--format", "json", "--facet", "source")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "")
        j = r.json()
        for key in harness.TOP_FIELDS:
            self.assertIn(key, j)
        self.assertEqual(j["query"], "trade")
        self.assertIsInstance(j["total"], int)
        self.assertIsInstance(j["total_is_exact"], bool)
        self.assertEqual(j["offset"], 0)
        self.assertTrue(j["results"])
        self.assertIsInstance(j["facets"], dict)
        self.assertIn("source", j["facets"])
        self.assertTrue(j["suggestion"] is None or isinstance(j["suggestion"], str))
        for h in j["results"]:
            self.check_result(h)
        self.assertEqual([h["rank"] for h in j["results"]], list(range(1, len(j["results"]) + 1)))

    def test_snippet_highlights_the_matched_word(self):
        r = self.ws.newsdex("search", "negotiating", "--format", "json", "--limit", "50")
        for h in r.json()["results"]:
            with self.subTest(id=h["id"]):
                snippet = h["snippet"].encode("utf-8")
                marked = [snippet[a:b].decode("utf-8").lower() for a, b in h.get("highlights", [])]
                self.assertTrue(marked)
                for word in marked:
                    self.assertRegex(word, r"^negotiat")
        # Text output marks them with brackets when not on a terminal.
        r = self.ws.newsdex("search", '"trade war escalates"')
        self.assertEqual(r.code, 0, r)
        self.assertIn("[trade] [war] [escalates]", r.out)
        self.assertNotIn("\033[", r.out)

    def test_no_snippet(self):
        r = self.ws.search_json("trade", "--no-snippet")
        for h in r.json()["results"]:
            self.assertIsNone(h["snippet"])

    def test_jsonl_one_result_per_line(self):
        r = self.ws.newsdex("search", "trade", "--format", "jsonl", "--limit", "100")
        self.assertEqual(r.code, 0, r)
        lines = r.lines()
        objs = [json.loads(line) for line in lines]
        full = self.ws.search_json("trade").json()
        self.assertEqual(len(objs), full["total"])
        self.assertEqual([o["id"] for o in objs], [h["id"] for h in full["results"]])
        for o in objs:
            self.check_result(o)
            self.assertNotIn("results", o)

    def test_tsv_five_columns(self):
        r = self.ws.newsdex("search", "trump", "--format", "tsv", "--limit", "100")
        self.assertEqual(r.code, 0, r)
        lines = r.lines()
        self.assertEqual(len(lines), len(harness.files_with(r"\btrump")))
        for i, line in enumerate(lines, 1):
            cols = line.split("\t")
            self.assertEqual(len(cols), 5, line)
            rank, score, date, path, title = cols
            self.assertEqual(int(rank), i)
            float(score)
            rel = os.path.relpath(path, self.ws.corpus)
            self.assertEqual(date, expected_date(rel))
            self.assertTrue(os.path.isfile(path))
            self.assertEqual(title, harness.title_and_body(rel)[0])
        r = self.ws.newsdex("search", "trump", "--format", "tsv", "--header", "--limit", "1")
        self.assertEqual(r.lines()[0], "rank\tscore\tdate\tpath\ttitle")
        self.assertEqual(len(r.lines()), 2)

    def test_paths_and_nul(self):
        j = self.ws.search_json("trump").json()
        expected = [h["path"] for h in j["results"]]
        r = self.ws.newsdex("search", "trump", "--format", "paths", "--limit", "1000")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.lines(), expected)
        self.assertTrue(r.out.endswith("\n"))
        r0 = self.ws.newsdex("search", "trump", "--format", "paths", "-0", "--limit", "1000", raw=True)
        self.assertEqual(r0.code, 0, r0)
        self.assertNotIn(b"\n", r0.out)
        self.assertTrue(r0.out.endswith(b"\0"))
        self.assertEqual(r0.out.split(b"\0")[:-1], [p.encode("utf-8") for p in expected])

    def test_no_match_exits_1_with_empty_stdout(self):
        for fmt in ("text", "jsonl", "tsv", "paths"):
            with self.subTest(fmt=fmt):
                r = self.ws.newsdex("search", "zzqxjwvnomatch", "--format", fmt)
                self.assertEqual(r.code, 1, r)
                self.assertEqual(r.out, "")
        # json prints one whole object, so that `jq .total` has its input (issue #17).
        r = self.ws.newsdex("search", "zzqxjwvnomatch", "--format", "json")
        self.assertEqual(r.code, 1, r)
        self.assertEqual((r.json()["total"], r.json()["results"]), (0, []))
        r = self.ws.newsdex("count", "zzqxjwvnomatch")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out.strip(), "0")

    def test_stats_goes_to_stderr_and_leaves_output_and_exit_code_alone(self):
        phase = r"[a-z]+ \d+\.\d\d"
        line = r"newsdex: stats: (\d+\.\d\d) ms in process \((%s(?:, %s)*)\)" % (phase, phase)
        cases = [
            (("search", "trade", "--facet", "person,place", "--format", "json"), 0,
             ["parse", "open", "match", "results", "facets", "print", "output"]),
            (("search", "zzqxjwvnomatch"), 1, ["parse", "open", "match", "output"]),
            (("count", "trump"), 0, ["parse", "open", "count", "output"]),
            (("facets", "place"), 0, ["parse", "open", "facets", "output"]),
        ]
        for args, code, phases in cases:
            with self.subTest(args=args):
                plain = self.ws.newsdex(*args)
                timed = self.ws.newsdex(*args, "--stats")
                self.assertEqual((plain.code, timed.code), (code, code), timed)
                self.assertEqual(timed.out, plain.out)
                self.assertEqual(plain.err, "")
                m = re.fullmatch(line, timed.err.strip())
                self.assertIsNotNone(m, timed.err)
                names = [p.rsplit(" ", 1)[0] for p in m.group(2).split(", ")]
                self.assertEqual(names, phases)
                # The phases add up to the total (each is rounded to 0.01 ms).
                parts = sum(float(p.rsplit(" ", 1)[1]) for p in m.group(2).split(", "))
                self.assertAlmostEqual(parts, float(m.group(1)), delta=0.01 * len(phases))

    def test_unparsable_query_exits_2(self):
        for query in ("1..2", "AND", "trump AND", "date:2018-04-01..2018-04-30 1..5"):
            with self.subTest(query=query):
                r = self.ws.newsdex("search", query)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(r.out, "")
                self.assertEqual(len(r.err.splitlines()), 1, r.err)
                self.assertTrue(r.err.startswith("newsdex: "), r.err)

    def test_usage_errors_exit_2(self):
        for args in (["search", "trump", "--format", "xml"],
                     ["search", "trump", "--filter", "colour:red"],
                     ["search", "trump", "--filter", "nocolon"],
                     ["search", "trump", "--since", "last-week"],
                     ["search", "trump", "--facet", "colour"],
                     ["search", "trump", "--limit", "many"],
                     ["facets", "colour"]):
            with self.subTest(args=args):
                r = self.ws.newsdex(*args)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(r.out, "")
                self.assertEqual(len(r.err.splitlines()), 1, r.err)
                self.assertTrue(r.err.startswith("newsdex: "), r.err)

    # --- filters and facets -------------------------------------------------------------

    def test_filters_or_within_a_field_and_across_fields(self):
        world = self.ws.ids("--filter", "section:world")
        sport = self.ws.ids("--filter", "section:sport")
        self.assertEqual(world, {r for r in documents() if r.startswith("world/")})
        self.assertEqual(sport, {r for r in documents() if r.startswith("sport/")})
        self.assertEqual(self.ws.ids("--filter", "section:world", "--filter", "section:sport"),
                         world | sport)
        observatory = self.ws.ids("--filter", "source:OBSERVATORY")
        self.assertEqual(observatory,
                         {r for r in documents() if (harness.dateline(r) or ("", ""))[1] == "OBSERVATORY"})
        both = self.ws.ids("--filter", "section:world", "--filter", "source:OBSERVATORY")
        self.assertTrue(both)
        self.assertEqual(both, world & observatory)
        self.assertNotEqual(both, world)
        # Both rules at once: (world OR sport) AND OBSERVATORY.
        self.assertEqual(self.ws.ids("--filter", "section:world", "--filter", "section:sport",
                                     "--filter", "source:OBSERVATORY"),
                         (world | sport) & observatory)
        # --filter-all: values of one field AND (an article is in one section only).
        self.assertEqual(self.ws.ids("--filter", "section:world", "--filter", "section:sport",
                                     "--filter-all"), set())
        # Filters combine with the query.
        self.assertEqual(self.ws.ids("trump", "--filter", "section:world"),
                         harness.files_with(r"\btrump") & world)
        self.assertEqual(self.ws.count("--filter", "section:world", "--filter", "section:sport"),
                         len(world | sport))

    def test_facets_equal_filter_counts(self):
        r = self.ws.newsdex("search", "--format", "json", "--facet", "section,source,month",
                            "--facet-limit", "100", "--no-snippet")
        self.assertEqual(r.code, 0, r)
        facets = r.json()["facets"]
        self.assertEqual(set(facets), {"section", "source", "month"})
        # Derived from the corpus: sections are folders, sources datelines.
        sections = {}
        sources = {}
        for rel in documents():
            sections[rel.split("/")[0]] = sections.get(rel.split("/")[0], 0) + 1
            d = harness.dateline(rel)
            if d:
                sources[d[1]] = sources.get(d[1], 0) + 1
        self.assertEqual({v["value"]: v["count"] for v in facets["section"]}, sections)
        self.assertEqual({v["value"]: v["count"] for v in facets["source"]}, sources)
        self.assertEqual(sum(sources.values()), 19)
        self.assertEqual(set(sources), {"OBSERVATORY", "WIRE SERVICE", "CONTINENTAL PRESS",
                                        "MERIDIAN NEWS"})
        months = {}
        for rel in documents():
            m = expected_date(rel)[:7]
            months[m] = months.get(m, 0) + 1
        # The timeline has no gaps: months without an article are there with 0.
        self.assertEqual({v["value"]: v["count"] for v in facets["month"] if v["count"]}, months)
        listed = [v["value"] for v in facets["month"]]
        self.assertEqual(listed[0], min(months))
        self.assertEqual(listed[-1], max(months))
        self.assertEqual(len(listed), (int(max(months)[:4]) - int(min(months)[:4])) * 12 +
                         int(max(months)[5:]) - int(min(months)[5:]) + 1)
        # Every facet count equals the count of its filter.
        for field, values in facets.items():
            for v in values:
                with self.subTest(field=field, value=v["value"]):
                    self.assertEqual(self.ws.count("--filter", "%s:%s" % (field, v["value"])),
                                     v["count"])

    def test_facets_over_a_query_count_all_matches(self):
        r = self.ws.newsdex("search", "trump", "--format", "json", "--limit", "1",
                            "--facet", "section", "--facet-limit", "100")
        j = r.json()
        self.assertEqual(len(j["results"]), 1)
        trump = harness.files_with(r"\btrump")
        expected = {}
        for rel in trump:
            expected[rel.split("/")[0]] = expected.get(rel.split("/")[0], 0) + 1
        self.assertEqual({v["value"]: v["count"] for v in j["facets"]["section"]}, expected)
        for v in j["facets"]["section"]:
            self.assertEqual(self.ws.count("trump", "--filter", "section:" + v["value"]), v["count"])

    def test_facets_command(self):
        r = self.ws.newsdex("facets", "source", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        rows = [line.split("\t") for line in r.lines()]
        counts = {row[1]: int(row[2]) for row in rows}
        self.assertTrue(all(row[0] == "source" for row in rows))
        for value, n in counts.items():
            self.assertEqual(self.ws.count("--filter", "source:" + value), n)
        self.assertEqual(sum(counts.values()), 19)

    # --- count, show, stats ----------------------------------------------------------

    def test_count_equals_search_total(self):
        for query in (["trump"], ["negotiating"], ['"trade war"'], ["trump -putin"]):
            with self.subTest(query=query):
                r = self.ws.newsdex("count", *query)
                self.assertEqual(r.code, 0, r)
                self.assertRegex(r.out, r"^\d+\n$")
                self.assertEqual(int(r.out), self.ws.search_json(*query).json()["total"])
        r = self.ws.newsdex("count", "trump", "--format", "json")
        self.assertEqual(r.json()["count"], len(harness.files_with(r"\btrump")))

    def test_show_by_id_and_by_path(self):
        by_id = self.ws.newsdex("show", SOY, "--format", "json")
        self.assertEqual(by_id.code, 0, by_id)
        doc = by_id.json()
        title, body = harness.title_and_body(SOY)
        self.assertEqual(doc["id"], SOY)
        self.assertEqual(doc["title"], title)
        self.assertEqual(doc["date"], "2018-04-04")
        self.assertEqual(doc["source"], "WIRE SERVICE")
        self.assertEqual(doc["body"], body)
        by_path = self.ws.newsdex("show", self.ws.path(SOY), "--format", "json")
        self.assertEqual(by_path.code, 0, by_path)
        self.assertEqual(by_path.json(), doc)
        text = self.ws.newsdex("show", SOY)
        self.assertEqual(text.code, 0, text)
        self.assertIn(title, text.out)
        self.assertIn("WIRE SERVICE", text.out)

    def test_show_of_an_unknown_document(self):
        r = self.ws.newsdex("show", "world/no-such-article.txt")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")
        self.assertIn("world/no-such-article.txt", r.err)

    def test_stats_documents_equal_files_indexed(self):
        summary = harness.parse_summary(self.first_index.out)
        self.assertIsNotNone(summary, self.first_index)
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.code, 0, r)
        stats = r.json()
        self.assertEqual(stats["documents"], summary["added"])
        self.assertEqual(stats["documents"] + summary["failed"], len(harness.corpus_files()))
        self.assertEqual(stats["layout_version"], harness.layout_version())
        self.assertEqual(stats["distinct_values"]["source"], 4)
        self.assertEqual(stats["distinct_values"]["section"],
                         len({r.split("/")[0] for r in harness.corpus_files()}))
        self.assertEqual(os.path.realpath(stats["corpus"]), os.path.realpath(self.ws.corpus))
        text = self.ws.newsdex("stats")
        self.assertEqual(text.code, 0, text)
        self.assertRegex(text.out, r"(?m)^documents:\s+%d$" % stats["documents"])


if __name__ == "__main__":
    harness.main()
