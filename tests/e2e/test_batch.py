"""--batch on search, count and facets (issue #17 point 6): one query or JSON request a
line of stdin, one JSON line of stdout each, with the request echoed; a bad request gets
an error object and the batch goes on; the answers equal those of single calls; a
coprocess sees the writer's new commits without restarting."""

import json
import os
import subprocess
import unittest

import harness


def article(title, body):
    return "%s\n\n%s\n" % (title, body)


class BatchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.indexed = harness.sample_workspace(cls)

    def batch(self, command, lines, *flags):
        text = "".join(line + "\n" for line in lines)
        r = self.ws.newsdex(*command, "--batch", *flags, input=text.encode("utf-8"))
        return r, [json.loads(line) for line in r.lines()]

    def test_the_sample_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_one_line_per_query_equal_to_single_calls(self):
        queries = ["trump", "soybeans", "zzqxjv", "", "putin OR kremlin", 'title:"tweet diplomacy"']
        r, answers = self.batch(["search"], queries)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(len(answers), len(queries))
        for q, a in zip(queries, answers):
            with self.subTest(query=q):
                self.assertEqual(a["request"], {"query": q})
                single = self.ws.newsdex("search", q, "--format", "json")
                expected = json.loads(single.out)
                del a["request"]
                self.assertEqual(a, expected)
        r, counts = self.batch(["count"], queries)
        self.assertEqual(r.code, 0, r)
        for q, a in zip(queries, counts):
            with self.subTest(query=q):
                self.assertEqual(a["count"], self.ws.count(q) if q else 3)
                self.assertEqual(a["format_version"], 1)

    def test_json_requests_override_the_command_line(self):
        lines = [json.dumps({"query": "trump", "limit": 1, "id": 7}),
                 json.dumps({"query": ["trump", "putin"], "filter": ["place:us"],
                             "facet": "person,place", "facet_limit": 2, "no_snippet": True}),
                 json.dumps({"query": "", "sort": "-date", "offset": 1, "limit": 5})]
        r, answers = self.batch(["search"], lines, "--limit", "3")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(answers[0]["request"]["id"], 7)
        self.assertEqual(len(answers[0]["results"]), 1)
        single = self.ws.newsdex("search", "trump", "putin", "--filter", "place:us", "--facet",
                                 "person,place", "--facet-limit", "2", "--no-snippet",
                                 "--limit", "3", "--format", "json").json()
        del answers[1]["request"]
        self.assertEqual(answers[1], single)
        self.assertIsNone(answers[1]["results"][0]["snippet"])
        dates = [h["date"] for h in answers[2]["results"]]
        self.assertEqual(len(dates), 2)  # three documents, the first skipped
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_facets_batch(self):
        lines = ["trump", json.dumps({"field": "place", "query": "trump", "limit": 1}),
                 json.dumps({"field": "month"})]
        r, answers = self.batch(["facets", "person"], lines)
        self.assertEqual(r.code, 0, r)
        single = self.ws.newsdex("facets", "person", "trump", "--format", "json").json()
        self.assertEqual({k: v for k, v in answers[0].items() if k != "request"}, single)
        self.assertEqual(answers[1]["field"], "place")
        self.assertEqual(len(answers[1]["values"]), 1)
        self.assertEqual(answers[2]["field"], "month")
        self.assertEqual(sum(v["count"] for v in answers[2]["values"]), 3)

    def test_bad_requests_get_an_error_and_the_batch_goes_on(self):
        lines = ["trump", "{not json", json.dumps({"query": "trump", "limt": 2}),
                 json.dumps({"query": "trump", "limit": -1}),
                 json.dumps({"query": "trump", "filter": ["nofield:x"]}),
                 json.dumps({"query": "trump", "since": "2018-13"}), "[1, 2]",
                 json.dumps({"query": "trump", "facet": ["nofield"]}),
                 json.dumps({"query": "trump", "sort": "sideways"}), "soybeans"]
        r, answers = self.batch(["search"], lines)
        self.assertEqual(len(answers), len(lines), r)
        self.assertEqual(r.code, 2, r)  # the worst of the batch: bad requests
        self.assertEqual(r.err, "")
        self.assertGreater(answers[0]["total"], 0)
        self.assertGreater(answers[-1]["total"], 0)
        errors = answers[1:-1]
        self.assertEqual(errors[0]["request"], "{not json")
        self.assertIn("did you mean 'limit'", errors[1]["error"]["message"])
        for a in errors:
            with self.subTest(answer=a):
                if "error" not in a:
                    # '[1, 2]' is a query, not a JSON object: it is searched for.
                    self.assertEqual(a["request"], {"query": "[1, 2]"})
                    continue
                self.assertEqual(a["error"]["code"], 2)
                self.assertTrue(a["error"]["message"])
                self.assertEqual(a["format_version"], 1)

    def test_lines_as_read_crlf_and_a_last_line_without_newline(self):
        # stdin is read in blocks (batch_command.cc): a CRLF line is the query without
        # its "\r", and the last line counts though no newline ends it.
        r = self.ws.newsdex("count", "--batch", input=b"trump\r\nsoybeans\nzzqxjv\r\ntrump")
        self.assertEqual(r.code, 0, r)
        answers = [json.loads(line) for line in r.lines()]
        self.assertEqual([a["request"]["query"] for a in answers],
                         ["trump", "soybeans", "zzqxjv", "trump"])
        self.assertEqual(answers[0]["count"], self.ws.count("trump"))
        self.assertEqual(answers[3]["count"], answers[0]["count"])
        self.assertEqual(answers[2]["count"], 0)

    def test_many_piped_requests_each_answered_once_in_order(self):
        # More than one read's worth of stdin (64 KiB) and of stdout's buffer: every
        # request answered once, in order, whole.
        queries = ["trump %d" % i if i % 3 else "soybeans" for i in range(3000)]
        r, answers = self.batch(["search"], [json.dumps({"query": q, "id": i})
                                             for i, q in enumerate(queries)])
        self.assertEqual(r.code, 0, r)
        self.assertEqual([a["request"]["id"] for a in answers], list(range(3000)))
        self.assertGreater(sum(len(a["results"]) for a in answers), 0)

    def test_count_batch_takes_no_search_keys(self):
        r, answers = self.batch(["count"], [json.dumps({"query": "trump", "limit": 2})])
        self.assertEqual(r.code, 2, r)
        self.assertIn("unknown request key 'limit'", answers[0]["error"]["message"])

    def test_no_match_in_any_request_exits_1(self):
        r, answers = self.batch(["count"], ["zzqxjv", "qqxxzz"])
        self.assertEqual(r.code, 1, r)
        self.assertEqual([a["count"] for a in answers], [0, 0])
        r, answers = self.batch(["search"], [])
        self.assertEqual((r.code, r.out), (1, ""), r)

    def test_usage_errors_of_batch(self):
        for args in (["search", "trump", "--batch"], ["search", "--batch", "--format", "tsv"],
                     ["stats", "--batch"], ["show", "x", "--batch"]):
            with self.subTest(args=args):
                r = self.ws.newsdex(*args, input=b"trump\n")
                self.assertEqual((r.code, r.out), (2, ""), r)
                self.assertEqual(len(r.err.splitlines()), 1, r)
        r = self.ws.newsdex("search", "--batch", "--format", "jsonl", input=b"trump\n")
        self.assertEqual(r.code, 0, r)

    def test_missing_database_stops_the_batch_at_once(self):
        r = harness.run([harness.binary("newsdex"), "search", "--batch", "--db",
                         os.path.join(self.ws.root, "nothing-here")], input=b"trump\n")
        self.assertEqual((r.code, r.out), (3, ""), r)


class Coprocess:
    """`newsdex COMMAND --batch` kept running, asked one line at a time, as a script's
    co-process would; ends with exit 0 when the input closes, else it is killed."""

    def __init__(self, test, command, db):
        self.test = test
        self.proc = subprocess.Popen([harness.binary("newsdex"), command, "--batch", "--db", db],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)

    def ask(self, query):
        self.proc.stdin.write((query + "\n").encode())
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())  # flushed per line: no deadlock

    def __enter__(self):
        return self

    def __exit__(self, failed, *rest):
        try:
            if not failed:
                self.proc.stdin.close()
                self.test.assertEqual(self.proc.wait(timeout=harness.TIMEOUT), 0)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                stream.close()


class BatchSeesNewCommitsTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        self.ws.write("a.txt", article("First", "a batchprobeword article"))
        self.assertEqual(self.ws.index().code, 0)

    def test_a_coprocess_reads_the_writers_latest_commit(self):
        with Coprocess(self, "count", self.ws.db) as batch:
            self.assertEqual(batch.ask("batchprobeword")["count"], 1)
            self.ws.write("b.txt", article("Second", "another batchprobeword article"))
            self.assertEqual(self.ws.index().code, 0)
            self.assertEqual(batch.ask("batchprobeword")["count"], 2)
            os.remove(self.ws.path("a.txt"))
            self.assertEqual(self.ws.index().code, 0)
            self.assertEqual(batch.ask("batchprobeword")["count"], 1)

    def test_a_coprocess_follows_a_schema_the_writer_records(self):
        # The ranking parameters come from the schema: a batch started before newsdexd
        # records another schema scores as a new process does after it.
        def fresh_score(query):
            r = self.ws.search_json(query)
            self.assertEqual(r.code, 0, r)
            return r.json()["results"][0]["score"]

        with Coprocess(self, "search", self.ws.db) as batch:
            def score(query):
                return batch.ask(query)["results"][0]["score"]

            self.ws.write("c.txt", article("Third", "batchprobeword batchprobeword text"))
            self.assertEqual(self.ws.index().code, 0)
            before = score("batchprobeword")
            self.assertEqual(before, fresh_score("batchprobeword"))
            schema = os.path.join(self.ws.root, "schema.yaml")
            with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"),
                      encoding="utf-8") as f:
                text = f.read()
            changed = text.replace("bm25: {k1: 1.5,", "bm25: {k1: 0.3,", 1)
            self.assertNotEqual(changed, text)
            with open(schema, "w", encoding="utf-8") as f:
                f.write(changed)
            self.assertEqual(self.ws.index("--schema", schema).code, 0)
            after = score("batchprobeword")
            self.assertNotEqual(after, before)
            self.assertEqual(after, fresh_score("batchprobeword"))


if __name__ == "__main__":
    harness.main()
