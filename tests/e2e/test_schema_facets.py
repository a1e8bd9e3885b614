"""The schema's facets key configures the fields of the field table: each field takes
`from:` its own source or `none`, which leaves the field out of the index; anything
else, or a field the table does not have, is refused with file and line."""

import os
import unittest

import harness


def shipped_schema():
    with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"), encoding="utf-8") as f:
        return f.read()


class SchemaFacetsTest(unittest.TestCase):
    def write_schema(self, ws, facets):
        text = shipped_schema()
        start = text.index("facets:")
        end = text.index("\nranking:")
        path = os.path.join(ws.root, "schema.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:start] + facets + "\n" + text[end:])
        return path

    def test_from_none_leaves_fields_out(self):
        ws = harness.test_workspace(self)
        schema = self.write_schema(
            ws, "facets:\n  person:\n    from: none\n  section:\n    from: none\n  place:\n"
                "    from: entities\n")
        r = ws.index("--schema", schema)
        self.assertEqual(r.code, 0, r)
        for field in ("person", "section"):
            r = ws.newsdex("facets", field, "--format", "tsv")
            self.assertEqual((r.code, r.out), (1, ""), r)
        r = ws.newsdex("facets", "place", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertTrue(r.lines(), r)
        stats = ws.newsdex("stats", "--format", "json").json()["distinct_values"]
        self.assertEqual((stats["person"], stats["section"]), (0, 0), stats)
        self.assertGreater(stats["place"], 0, stats)

    def test_wrong_source_and_unknown_field_refused(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        for facets, what in (("facets:\n  person:\n    from: folder\n",
                              "facets.person.from: expected entities, data or none"),
                             ("facets:\n  colour:\n    from: none\n", "colour")):
            with self.subTest(facets=facets):
                schema = self.write_schema(ws, facets)
                r = ws.index("--schema", schema)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(len(r.err.splitlines()), 1, r.err)
                self.assertIn(schema + ":", r.err)
                self.assertIn(what, r.err)


if __name__ == "__main__":
    harness.main()
