"""docs/newsdex-output.schema.json describes the JSON output (issue #17 point 5): the
real output of every command, in json and jsonl, with matches and without, and every
kind of --batch line, validates against the schema's definition for that command
(python3-jsonschema, JSON Schema draft 2020-12)."""

import json
import os
import sys
import unittest

import harness
from daemon_harness import Daemon

try:
    import jsonschema
except ImportError:  # python3-jsonschema (scripts/install-deps) is missing
    jsonschema = None

SCHEMA_PATH = os.path.join(harness.SOURCE_DIR, "docs", "newsdex-output.schema.json")
DOC = "world/kremlin-tweet-diplomacy.txt"


class OutputSchemaTest(harness.IndexedCorpusTest):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with open(SCHEMA_PATH, encoding="utf-8") as f:
            cls.schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validated = set()

    def validator(self, definition):
        self.assertIn(definition, self.schema["$defs"])
        # The definition alone, with the schema's $defs to resolve its references.
        return jsonschema.Draft202012Validator(
            {"$defs": self.schema["$defs"], "$ref": "#/$defs/" + definition})

    def check(self, definition, args, codes=(0,), lines=False, stdin=None):
        r = self.ws.newsdex(*args, input=stdin.encode("utf-8") if stdin is not None else None)
        self.assertIn(r.code, codes, r)
        objects = [json.loads(line) for line in r.lines()] if lines else [r.json()]
        self.assertTrue(objects, r)
        v = self.validator(definition)
        for obj in objects:
            errors = sorted(v.iter_errors(obj), key=str)
            self.assertEqual(errors, [], (args, obj))
            # The whole schema takes it too (its anyOf of every output).
            jsonschema.validate(obj, self.schema, cls=jsonschema.Draft202012Validator)
        self.validated.add(definition)
        return objects

    def test_index(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)

    def test_search_and_similar(self):
        self.check("search", ["search", "trade", "--format", "json", "--facet",
                              "person,place,org,source,section,year,month"])
        self.check("search", ["search", "trade", "--format", "json", "--no-snippet"])
        self.check("search", ["search", "zzqxjv", "--format", "json", "--facet", "person"], (1,))
        self.check("search", ["search", "trade", "--offset", "1000", "--format", "json"])
        self.check("search_line", ["search", "trade", "--format", "jsonl"], lines=True)
        # similar finds nothing on main today (its term filter drops every word term of
        # the present layout): its object validates with matches or without.
        self.check("search", ["similar", DOC, "--format", "json"], (0, 1))

    def test_count_and_facets(self):
        self.check("count", ["count", "trade", "--format", "json"])
        self.check("count", ["count", "zzqxjv", "--format", "json"], (1,))
        self.check("facets", ["facets", "person", "--format", "json"])
        self.check("facets", ["facets", "month", "trade", "--format", "json"])
        self.check("facets", ["facets", "person", "--significant", "trade", "--format", "json"],
                   (0, 1))
        self.check("facets", ["facets", "place", "zzqxjv", "--format", "json"], (1,))
        self.check("facets_line", ["facets", "org", "--format", "jsonl"], lines=True)

    def test_show_stats_graph(self):
        self.check("show", ["show", DOC, "--format", "json"])
        self.check("stats", ["stats", "--format", "json"])
        self.check("graph", ["graph", "trump", "--format", "json", "--min-count", "1"])
        self.check("graph", ["graph", "zzqxjv", "--format", "json"], (1,))

    def test_batch_lines(self):
        requests = "\n".join(["trade", "zzqxjv", "{bad", json.dumps({"query": "x", "nope": 1}),
                              json.dumps({"query": "trade", "facet": ["person"], "limit": 2})])
        for command in (["search"], ["count"], ["facets", "place"]):
            with self.subTest(command=command):
                objects = self.check("batch_line", [*command, "--batch"], (2,), lines=True,
                                     stdin=requests + "\n")
                self.assertEqual(len(objects), 5)

    def test_status(self):
        daemon = Daemon(self.ws, db=os.path.join(self.ws.root, "watched.db"))
        with daemon:
            r = harness.run([harness.binary("newsdex"), "status", "--format", "json", "--db",
                             daemon.db])
            self.assertEqual(r.code, 0, r)
            errors = list(self.validator("status").iter_errors(r.json()))
            self.assertEqual(errors, [], r.json())
        self.validated.add("status")

    def test_zz_every_output_was_validated(self):
        # Runs last (unittest orders by name): every command's definition met real output.
        self.assertEqual(self.validated, {"search", "search_line", "count", "facets",
                                          "facets_line", "show", "stats", "status", "graph",
                                          "batch_line"})


if __name__ == "__main__":
    if jsonschema is None:
        print("python3-jsonschema is not installed: skipped", file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
