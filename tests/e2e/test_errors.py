"""Exit codes and one-line errors: missing database (3), a database of another layout
version (3), a malformed schema (2, "file:line:" on stderr)."""

import os
import re
import shutil
import unittest

import harness

COMMANDS = (["search", "trump"], ["count", "trump"], ["facets", "source"],
            ["show", "world/kremlin-tweet-diplomacy.txt"], ["stats"])


class ErrorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A small corpus is enough here: a few articles copied from the sample.
        cls.indexed = harness.sample_workspace(cls)

    def assert_one_line_error(self, r, code, program="newsdex"):
        self.assertEqual(r.code, code, r)
        self.assertEqual(r.out, "", r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith(program + ": "), r)

    def test_the_small_corpus_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)
        self.assertEqual(self.ws.count("trump"), 3)

    def test_missing_database_exits_3(self):
        missing = os.path.join(self.ws.root, "no-such.db")
        for args in COMMANDS:
            with self.subTest(args=args):
                r = self.ws.newsdex(*args, db=missing)
                self.assert_one_line_error(r, 3)
                self.assertIn(missing, r.err)
        self.assertFalse(os.path.exists(missing))

    def test_database_from_env_and_default(self):
        r = harness.run([harness.binary("newsdex"), "count", "trump"],
                        env={"NEWSDEX_DB": self.ws.db})
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "3\n")
        # Default ./newsdex.db, relative to the working directory.
        r = harness.run([harness.binary("newsdex"), "count", "trump"], cwd=self.ws.root)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, "3\n")
        empty = os.path.join(self.ws.root, "elsewhere")
        os.makedirs(empty, exist_ok=True)
        r = harness.run([harness.binary("newsdex"), "count", "trump"], cwd=empty)
        self.assert_one_line_error(r, 3)
        self.assertIn("newsdex.db", r.err)

    def test_folder_that_is_not_a_database_exits_3(self):
        plain = os.path.join(self.ws.root, "plain-folder")
        os.makedirs(plain, exist_ok=True)
        r = self.ws.newsdex("search", "trump", db=plain)
        self.assert_one_line_error(r, 3)

    def test_other_layout_version_exits_3(self):
        tool = shutil.which("xapian-metadata")
        if not tool:
            self.skipTest("xapian-metadata (xapian-tools) is not installed")
        other = os.path.join(self.ws.root, "other-layout.db")
        shutil.copytree(self.ws.db, other)
        r = harness.run([tool, "get", other, "newsdex.layout"])
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out.strip(), str(harness.layout_version()))
        r = harness.run([tool, "set", other, "newsdex.layout", "999"])
        self.assertEqual(r.code, 0, r)
        for args in COMMANDS:
            with self.subTest(args=args):
                r = self.ws.newsdex(*args, db=other)
                self.assert_one_line_error(r, 3)
                self.assertIn("999", r.err)
        # The indexer refuses to write into it too, and leaves it as it was.
        r = self.ws.index(db=other)
        self.assert_one_line_error(r, 3, program="newsdexd")
        self.assertEqual(harness.run([tool, "get", other, "newsdex.layout"]).out.strip(), "999")

    def test_malformed_schema_exits_2_with_file_and_line(self):
        cases = {
            # name: (schema text, line the error is on, a word the message names)
            "unknown-key.yaml": ("name: news\nlanguage: english\nfields:\n  title:\n    wieght: 3\n",
                                 5, "wieght"),
            "bad-weight.yaml": ("name: news\nfields:\n  body:\n    weight: lots\n", 4, "lots"),
            "bad-language.yaml": ("name: news\n\nlanguage: klingon\n", 3, "klingon"),
        }
        for name, (text, line, word) in cases.items():
            with self.subTest(schema=name):
                path = os.path.join(self.ws.root, name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                db = os.path.join(self.ws.root, name + ".db")
                r = self.ws.index("--schema", path, db=db)
                self.assert_one_line_error(r, 2, program="newsdexd")
                self.assertIn("%s:%d: " % (path, line), r.err)
                self.assertIn(word, r.err)
                self.assertFalse(os.path.exists(db), "no database is created")

    def test_unparsable_yaml_exits_2_with_file_and_line(self):
        path = os.path.join(self.ws.root, "broken.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("name: news\nfiles:\n  include: [\"*.txt\"\n  exclude: []\n")
        r = self.ws.index("--schema", path, db=os.path.join(self.ws.root, "broken.db"))
        self.assert_one_line_error(r, 2, program="newsdexd")
        self.assertRegex(r.err, re.escape(path) + r":\d+: ")

    def test_missing_schema_file_exits_2(self):
        path = os.path.join(self.ws.root, "absent.yaml")
        r = self.ws.index("--schema", path, db=os.path.join(self.ws.root, "absent.db"))
        self.assert_one_line_error(r, 2, program="newsdexd")
        self.assertIn(path, r.err)

    def test_unknown_subcommand_exits_2(self):
        r = harness.run([harness.binary("newsdex"), "frobnicate"])
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")


if __name__ == "__main__":
    harness.main()
