"""A corpus split across machines (README, "Beyond one machine"): each half indexed by
its own newsdexd into its own database, each database served by xapian-tcpsrv (here two
on loopback, on free ports), and one stub file listing both as `remote HOST:PORT`.
Searched through the stub, results, totals, facets, `facets`, `similar` and `show` equal
those of one local database of the whole corpus, and every path lies in the corpus folder
of the half that holds it. Also prints the time of a facet query over the remote shards
against the local database (a figure, never asserted)."""

import os
import shutil
import subprocess
import time
import unittest

import harness
from test_remote import free_port, wait_for_port

QUERIES = [["trade", "war"], ["trump", "--filter", "place:China"], ["summit", "OR", "election"],
           [""]]
FACETS = "person,place,org,source,section,month"


@unittest.skipUnless(shutil.which("xapian-tcpsrv"), "xapian-tcpsrv not installed (xapian-tools)")
class TwoRemoteShardsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        r = ws.index()
        assert r.code == 0, r
        sections = sorted(d for d in os.listdir(ws.corpus)
                          if os.path.isdir(os.path.join(ws.corpus, d)))
        assert len(sections) >= 2, sections
        cls.roots = {}
        lines = []
        for name, part in (("a", sections[::2]), ("b", sections[1::2])):
            root = os.path.join(ws.root, "machine-" + name, "news")
            for section in part:
                shutil.copytree(os.path.join(ws.corpus, section), os.path.join(root, section))
            db = os.path.join(ws.root, "machine-" + name, "newsdex.db")
            r = ws.index(corpus=root, db=db)
            assert r.code == 0, r
            cls.roots[name] = root
            lines.append("remote 127.0.0.1:%d\n" % cls.serve(db))
        cls.stub = os.path.join(ws.root, "shards.stub")
        with open(cls.stub, "w") as f:
            f.writelines(lines)

    @classmethod
    def serve(cls, db):
        """Starts xapian-tcpsrv on `db` on a free loopback port; returns the port."""
        for _ in range(5):  # a port taken between free_port() and the bind: another
            port = free_port()
            server = subprocess.Popen(
                ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port),
                 db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True)  # its SIGTERM goes to its own group only
            cls.addClassCleanup(cls.stop, server)
            if wait_for_port(port, server):
                return port
        raise AssertionError("xapian-tcpsrv did not start")

    @staticmethod
    def stop(proc):
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)

    def both(self, *args):
        local = self.ws.newsdex(*args)
        remote = self.ws.newsdex(*args, db=self.stub)
        self.assertEqual(remote.code, local.code, remote)
        self.assertEqual(remote.err, local.err, remote)
        return local, remote

    def root_of(self, hit):
        root = hit["path"][:-len(hit["id"]) - 1]
        self.assertEqual(root + "/" + hit["id"], hit["path"])
        self.assertIn(root, self.roots.values(), hit)
        return root

    def test_results_and_facets_equal_one_local_database(self):
        for q in QUERIES:
            local, remote = self.both("search", *q, "--facet", FACETS, "--facet-limit", "0",
                                      "--format", "json", "-n", "1000")
            self.assertEqual(local.code, 0, local)
            one, two = local.json(), remote.json()
            self.assertEqual(two["total"], one["total"], q)
            self.assertTrue(one["facets"]["person"], q)
            self.assertEqual(two["facets"], one["facets"], q)
            key = lambda h: (h["id"], h["title"], h["date"], h["snippet"], h["entities"])
            self.assertEqual(sorted(map(key, two["results"])), sorted(map(key, one["results"])), q)

    def test_paths_lie_in_each_machines_corpus(self):
        local, remote = self.both("search", "", "--format", "json", "-n", "1000")
        hits = remote.json()["results"]
        self.assertEqual(len(hits), len(local.json()["results"]))
        roots = {self.root_of(h) for h in hits}
        self.assertEqual(roots, set(self.roots.values()), "both shards answer")
        for h in hits:
            self.assertTrue(os.path.isfile(h["path"]), h)
        r = self.ws.newsdex("search", "", "--format", "paths", "-n", "1000", db=self.stub)
        self.assertEqual(sorted(r.lines()), sorted(h["path"] for h in hits))

    def test_facets_command_equals_one_local_database(self):
        for field in ("person", "place", "org", "section", "month"):
            local, remote = self.both("facets", field, "trade", "--limit", "0", "--format", "tsv")
            self.assertEqual(local.code, 0, local)
            self.assertEqual(remote.out, local.out, field)
        local, remote = self.both("facets", "person", "--significant", "brexit", "-n", "5")
        self.assertEqual(remote.out, local.out)

    def test_similar_equals_one_local_database(self):
        for doc in ("world/kremlin-tweet-diplomacy.txt",
                    harness.corpus_files()[len(harness.corpus_files()) // 2]):
            local, remote = self.both("similar", doc, "--format", "json", "-n", "10")
            self.assertEqual(local.code, 0, local)
            one, two = local.json()["results"], remote.json()["results"]
            self.assertTrue(one, doc)
            self.assertEqual([h["id"] for h in two], [h["id"] for h in one], doc)

    def test_show_equals_one_local_database_but_for_the_path(self):
        for doc in harness.corpus_files()[::7]:
            local, remote = self.both("show", doc, "--format", "json")
            self.assertEqual(local.code, 0, local)
            one, two = local.json(), remote.json()
            self.root_of(two)
            for key in set(one) | set(two):
                if key not in ("path",):
                    self.assertEqual(two.get(key), one.get(key), (doc, key))

    def test_time_of_a_facet_query_remote_against_local(self):
        args = ["search", "", "--facet", FACETS, "-n", "10", "--format", "json"]
        times = {}
        for name, db in (("local", self.ws.db), ("remote", self.stub)):
            self.ws.newsdex(*args, db=db)  # warm the page cache and the servers
            start = time.monotonic()
            for _ in range(5):
                r = self.ws.newsdex(*args, db=db)
                self.assertEqual(r.code, 0, r)
            times[name] = (time.monotonic() - start) / 5 * 1000
        print("facet query over all %d documents: local %.1f ms, two remote shards %.1f ms" %
              (len(harness.corpus_files()), times["local"], times["remote"]))


if __name__ == "__main__":
    harness.main()
