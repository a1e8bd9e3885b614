"""A stub database that lists several local shards (Xapian's way to search many databases
as one): counts, matches and facets equal those of one database of the whole corpus. The
match spy is handed each shard's own documents there, with the shard's docids."""

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


if __name__ == "__main__":
    harness.main()
