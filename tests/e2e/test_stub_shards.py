"""A stub database that lists several local shards (Xapian's way to search many databases
as one): counts, matches and facets equal those of one database of the whole corpus. The
match spy is handed each shard's own documents there, with the shard's docids. Each hit's
path lies in the corpus folder of its own shard. A stub that lists itself, or stubs that
list each other, fail with exit 3 and one line (Xapian itself would recurse until the
stack overflows)."""

import os
import shutil
import unittest

import harness

QUERIES = [["trade"], ["trump", "--filter", "place:China"], ["summit", "OR", "election"]]
FACETS = "person,place,org,source,section,month"


class StubShardsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        assert ws.index().code == 0
        # Two shards: the corpus's sections split in two, each indexed on its own.
        sections = sorted(os.listdir(ws.corpus))
        assert len(sections) >= 2, sections
        cls.stub = os.path.join(ws.root, "shards.stub")
        cls.roots = {}
        with open(cls.stub, "w") as stub:
            for name, part in (("a", sections[::2]), ("b", sections[1::2])):
                root = os.path.join(ws.root, "corpus-" + name)
                for section in part:
                    source = os.path.join(ws.corpus, section)
                    if os.path.isdir(source):
                        shutil.copytree(source, os.path.join(root, section))
                    else:
                        os.makedirs(root, exist_ok=True)
                        shutil.copy(source, root)
                db = os.path.join(ws.root, name + ".db")
                r = ws.index(corpus=root, db=db)
                assert r.code == 0, r
                stub.write("auto %s\n" % db)
                cls.roots[name] = root

    def json_of(self, db, *args):
        r = self.ws.newsdex("search", *args, "--facet", FACETS, "--facet-limit", "0",
                            "--format", "json", "-n", "1000", db=db)
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_facets_and_matches_equal_one_database(self):
        for q in QUERIES + [[""]]:
            one, two = self.json_of(self.ws.db, *q), self.json_of(self.stub, *q)
            self.assertEqual(two["total"], one["total"], q)
            self.assertTrue(one["facets"]["place"], q)
            self.assertEqual(two["facets"], one["facets"], q)
            self.assertEqual({h["id"] for h in two["results"]}, {h["id"] for h in one["results"]}, q)

    def test_facets_command_equals_one_database(self):
        for field in ("person", "place", "section"):
            args = ("facets", field, "trade", "--limit", "0", "--format", "tsv")
            one = self.ws.newsdex(*args)
            two = self.ws.newsdex(*args, db=self.stub)
            self.assertEqual(one.code, 0, one)
            self.assertEqual(two.out, one.out, field)

    def test_paths_lie_in_each_shards_own_corpus(self):
        hits = self.json_of(self.stub, "")["results"]
        self.assertEqual(len(hits), len(harness.corpus_files()))
        roots = set()
        for h in hits:
            with self.subTest(id=h["id"]):
                self.assertTrue(os.path.isfile(h["path"]), h)
                root = h["path"][:-len(h["id"]) - 1]
                self.assertEqual(root + "/" + h["id"], h["path"])
                self.assertIn(root, self.roots.values())
                roots.add(root)
        self.assertEqual(roots, set(self.roots.values()), "both shards have matches")
        r = self.ws.newsdex("search", "", "--format", "paths", "-0", "-n", "1000", db=self.stub)
        self.assertEqual(r.code, 0, r)
        paths = r.out.split("\0")[:-1]
        self.assertEqual(len(paths), len(hits))
        self.assertTrue(all(os.path.isfile(p) for p in paths), paths)

    def test_show_finds_a_file_of_any_shard_by_its_path(self):
        for name, root in self.roots.items():
            section = sorted(os.listdir(root))[0]
            rel = os.path.join(section, sorted(os.listdir(os.path.join(root, section)))[0])
            if rel not in harness.corpus_files():
                continue
            with self.subTest(shard=name):
                r = self.ws.newsdex("show", os.path.join(root, rel), "--format", "json",
                                    db=self.stub)
                self.assertEqual(r.code, 0, r)
                self.assertEqual(r.json()["path"], os.path.join(root, rel))


class StubLoopsTest(unittest.TestCase):
    """Stubs that list themselves, directly or not, and stubs nested too deep."""

    @classmethod
    def setUpClass(cls):
        assert harness.sample_workspace(cls, ["world/kremlin-tweet-diplomacy.txt"]).code == 0
        ws = cls.ws

    def stub(self, name, *lines):
        path = os.path.join(self.ws.root, name)
        if name.endswith("/XAPIANDB"):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("".join(line + "\n" for line in lines))
        return path

    def assert_exit_3(self, db, *words):
        for args in (["count", "kremlin"], ["search", "kremlin"], ["stats"]):
            with self.subTest(db=db, args=args):
                r = self.ws.newsdex(*args, db=db)
                self.assertEqual(r.code, 3, r)
                self.assertEqual(r.out, "", r)
                self.assertEqual(len(r.err.splitlines()), 1, r)
                self.assertTrue(r.err.startswith("newsdex: "), r)
                for w in words:
                    self.assertIn(w, r.err)

    def test_a_stub_that_lists_itself(self):
        absolute = os.path.join(self.ws.root, "self.stub")
        self.assert_exit_3(self.stub("self.stub", "auto " + absolute), "lists itself")
        # Relative to the stub's own folder, and after a good database.
        self.assert_exit_3(self.stub("self-rel.stub", "auto " + self.ws.db, "auto self-rel.stub"),
                           "lists itself")

    def test_two_stubs_that_list_each_other(self):
        a = self.stub("a.stub", "auto b.stub")
        self.stub("b.stub", "# b lists a", "auto a.stub")
        self.assert_exit_3(a, "lists itself")

    def test_a_stub_folder_that_lists_itself(self):
        folder = os.path.dirname(self.stub("loop.db/XAPIANDB", "auto ../loop.db"))
        self.assert_exit_3(folder, "lists itself")

    def test_stubs_nested_too_deep(self):
        for i in range(40):
            self.stub("deep%d.stub" % i, "auto deep%d.stub" % (i + 1))
        self.stub("deep40.stub", "auto " + self.ws.db)
        self.assert_exit_3(os.path.join(self.ws.root, "deep0.stub"), "nested")

    def test_a_bad_line_names_the_line(self):
        self.assert_exit_3(self.stub("bad.stub", "auto " + self.ws.db, "frobnicate x"),
                           "bad.stub:2:")

    def test_nested_stubs_without_a_loop_still_work(self):
        inner = self.stub("inner.stub", "auto " + self.ws.db)
        outer = self.stub("outer.stub", "# one level down", "auto inner.stub")
        for db in (inner, outer):
            r = self.ws.newsdex("search", "kremlin", "--format", "paths", db=db)
            self.assertEqual(r.code, 0, r)
            self.assertEqual(r.out, self.ws.path("world/kremlin-tweet-diplomacy.txt") + "\n")


if __name__ == "__main__":
    harness.main()
