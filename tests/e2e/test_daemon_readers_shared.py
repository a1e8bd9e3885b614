"""Readers never fail while the daemon writes: searches run in a loop during a bulk
index of the BBC corpus (many commits), and every one exits 0 or 1, never 3, with
nothing on stderr."""

import sys
import time
import unittest

import harness
from daemon_harness import BBC, Daemon, article_files, poll, require_bbc

QUERIES = [
    ["search", "government", "--limit", "5", "--format", "json"],
    ["search", "\"prime minister\"", "--facet", "section", "--format", "json"],
    ["count", "film OR music"],
    ["search", "title:profit*", "--sort", "date", "--format", "tsv"],
    ["facets", "section", "market"],
    ["stats"],
]


class ReadersDuringIndexTest(unittest.TestCase):
    def setUp(self):
        require_bbc(self)
        harness.test_workspace(self, copy_corpus=False)
        self.daemon = None

    def tearDown(self):
        if self.daemon:
            self.daemon.cleanup()

    def searches_during_bulk_index(self, workers):
        total = len(article_files(BBC))
        # Small batches: many commits, so that readers meet the writer often.
        self.daemon = Daemon(self.ws, "--commit-every", "100", "--workers", str(workers),
                             corpus=BBC)
        self.daemon.start(wait=False)
        poll(lambda: self.daemon.status().get("state") == "reconciling", 60, "the reconcile")
        runs, codes, revisions = 0, {}, set()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            s = self.daemon.status()
            done = s.get("state") == "watching" and s.get("documents") == total
            for q in QUERIES:
                r = self.ws.newsdex(*q)
                runs += 1
                codes[r.code] = codes.get(r.code, 0) + 1
                self.assertIn(r.code, (0, 1), r)
                self.assertEqual(r.err, "", r)
            revisions.add(s.get("revision"))
            if done:
                break
            self.assertTrue(self.daemon.running(), self.daemon.stderr())
        else:
            self.fail("the bulk index did not finish in time")
        print("  --workers %d: %d reader commands during the index over %d revisions: "
              "exit codes %s" % (workers, runs, len(revisions), codes), file=sys.stderr)
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.json()["documents"], total)
        return revisions

    def test_one_writer_many_commits(self):
        self.assertGreater(len(self.searches_during_bulk_index(1)), 3)

    def test_parallel_first_build(self):
        self.searches_during_bulk_index(2)


if __name__ == "__main__":
    harness.main()
