"""Arguments a script may get wrong are usage errors (issue #12): negative, malformed or
overflowing counts and offsets, an empty --db, facets --significant with nothing to
compare against the corpus: exit 2, one line on stderr, stdout empty. A database the
user may not read says "permission denied" (exit 3), not Xapian's "Couldn't detect type
of database"."""

import os
import shutil
import tempfile
import unittest

import harness

NUMBER_OPTIONS = {
    "search": ["-n", "--limit", "--offset", "--facet-limit", "--since-rev"],
    "count": ["--since-rev"],
    "facets person": ["-n", "--facet-limit", "--since-rev"],
    "similar world/kremlin-tweet-diplomacy.txt": ["-n"],
}
BAD_NUMBERS = ["-1", "-5", "-0x1", "1.5", "1e3", "12abc", "", " 3",
               "99999999999999999999", "18446744073709551616", "4294967296"]


class ArgumentsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.indexed = harness.sample_workspace(cls)

    def assert_usage_error(self, r):
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "", r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("newsdex: "), r)

    def test_the_corpus_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_bad_numbers_are_usage_errors(self):
        for cmd, options in NUMBER_OPTIONS.items():
            for option in options:
                for value in BAD_NUMBERS:
                    if option == "--since-rev" and value == "4294967296":
                        continue  # a revision is a 64-bit count
                    for args in ([option, value], [option + "=" + value]):
                        if option == "-n" and "=" in args[0]:
                            continue  # CLI11 reads -n=5 as the value "=5": an error anyway
                        with self.subTest(cmd=cmd, args=args):
                            self.assert_usage_error(self.ws.newsdex(*cmd.split(), *args))

    def test_good_numbers_still_work(self):
        r = self.ws.newsdex("search", "trump", "-n", "1", "--offset", "1", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(len(r.lines()), 1, r)
        self.assertTrue(r.lines()[0].startswith("2\t"), r)
        # The largest values are accepted and mean "all" and "past the end".
        r = self.ws.newsdex("search", "trump", "-n", "4294967295", "--format", "paths")
        self.assertEqual((r.code, len(r.lines())), (0, 3), r)
        r = self.ws.newsdex("search", "trump", "--offset", "4294967295", "-n", "4294967295",
                            "--format", "paths")
        self.assertEqual((r.code, r.out), (0, ""), r)
        r = self.ws.newsdex("count", "trump", "--since-rev", "18446744073709551614")
        self.assertEqual((r.code, r.out), (1, "0\n"), r)
        self.assertEqual(self.ws.count("trump", "--since-rev", "0"), 3)

    def test_empty_db_is_a_usage_error(self):
        for args in (["search", "trump"], ["count", "trump"], ["stats"], ["status"]):
            with self.subTest(args=args):
                r = harness.run([harness.binary("newsdex"), *args, "--db", ""],
                                cwd=self.ws.root)  # where ./newsdex.db would be found
                self.assert_usage_error(r)
                self.assertIn("--db", r.err)

    def test_significant_facets_need_a_query_or_a_filter(self):
        for words in ([], [""], ["  "]):
            with self.subTest(words=words):
                r = self.ws.newsdex("facets", "person", "--significant", *words)
                self.assert_usage_error(r)
                self.assertIn("--significant", r.err)
        r = self.ws.newsdex("facets", "person", "--significant", "trump")
        self.assertIn(r.code, (0, 1), r)


class PermissionDeniedTest(unittest.TestCase):
    """A database folder, its files or a stub the user may not read. Root reads
    everything, so as root the search runs as nobody, from a copy of the binary in a
    folder nobody can reach (the checkout may lie under /root, mode 0700)."""

    @classmethod
    def setUpClass(cls):
        assert harness.sample_workspace(cls, ["world/kremlin-tweet-diplomacy.txt"]).code == 0
        ws = cls.ws
        cls.as_nobody = False
        cls.newsdex = harness.binary("newsdex")
        if os.geteuid() == 0:
            bin_dir = tempfile.mkdtemp(prefix="newsdex-bin-")
            cls.addClassCleanup(shutil.rmtree, bin_dir, True)
            os.chmod(bin_dir, 0o755)
            cls.newsdex = os.path.join(bin_dir, "newsdex")
            shutil.copy(harness.binary("newsdex"), cls.newsdex)
            os.chmod(cls.newsdex, 0o755)
            os.chmod(ws.root, 0o755)
            cls.as_nobody = True

    def run_as_user(self, db, *args):
        return harness.run([self.newsdex, *(args or ("count", "kremlin")), "--db", db],
                           preexec_fn=harness.drop_to_nobody if self.as_nobody else None)

    def copy_of_db(self, name):
        """A copy of the database that everyone may read."""
        db = os.path.join(self.ws.root, name)
        shutil.copytree(self.ws.db, db)
        for dirpath, dirnames, filenames in os.walk(db):
            os.chmod(dirpath, 0o755)
            for f in filenames:
                os.chmod(os.path.join(dirpath, f), 0o644)
        return db

    def assert_permission_denied(self, r, path):
        self.assertEqual(r.code, 3, r)
        self.assertEqual(r.out, "", r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("newsdex: "), r)
        self.assertIn("permission denied", r.err)
        self.assertIn(path, r.err)
        self.assertNotIn("detect type", r.err)

    def test_readable_copy_works_for_this_user(self):
        db = self.copy_of_db("readable.db")
        r = self.run_as_user(db)
        self.assertEqual((r.code, r.out), (0, "1\n"), r)
        # The writer's lock and newsdexd's status file are not a reader's business.
        for name in ("flintlock", "status.json"):
            path = os.path.join(db, name)
            if os.path.exists(path):
                os.chmod(path, 0o200)
        r = self.run_as_user(db)
        self.assertEqual((r.code, r.out), (0, "1\n"), r)

    def test_folder_without_search_permission(self):
        for mode in (0o000, 0o400, 0o600):
            with self.subTest(mode=oct(mode)):
                db = self.copy_of_db("folder-%o.db" % mode)
                os.chmod(db, mode)
                self.assert_permission_denied(self.run_as_user(db), db)
        # Search permission alone is enough: Xapian opens the files by name.
        db = self.copy_of_db("folder-311.db")
        os.chmod(db, 0o311)
        r = self.run_as_user(db)
        self.assertEqual((r.code, r.out), (0, "1\n"), r)

    def test_files_without_read_permission(self):
        db = self.copy_of_db("files.db")
        for name in os.listdir(db):
            os.chmod(os.path.join(db, name), 0o200)
        r = self.run_as_user(db)
        self.assert_permission_denied(r, db)

    def test_database_inside_a_folder_without_search_permission(self):
        outer = os.path.join(self.ws.root, "closed")
        os.makedirs(outer)
        db = os.path.join(outer, "inner.db")
        shutil.copytree(self.ws.db, db)
        os.chmod(outer, 0o600)
        self.assert_permission_denied(self.run_as_user(db), db)

    def test_unreadable_stub_and_stub_of_an_unreadable_database(self):
        stub = os.path.join(self.ws.root, "closed.stub")
        with open(stub, "w") as f:
            f.write("auto %s\n" % self.copy_of_db("for-stub.db"))
        os.chmod(stub, 0o200)
        self.assert_permission_denied(self.run_as_user(stub), stub)
        db = self.copy_of_db("closed-shard.db")
        os.chmod(db, 0o000)
        stub = os.path.join(self.ws.root, "open.stub")
        with open(stub, "w") as f:
            f.write("auto %s\n" % db)
        os.chmod(stub, 0o644)
        self.assert_permission_denied(self.run_as_user(stub), db)


if __name__ == "__main__":
    harness.main()
