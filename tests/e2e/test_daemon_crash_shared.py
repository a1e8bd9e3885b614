"""Crash safety: newsdexd killed with SIGKILL in the middle of indexing the BBC corpus
leaves a database that xapian-check accepts, and the next run brings the index in
step with the folder: as many documents as files, and a known article found."""

import shutil
import signal
import subprocess
import sys
import unittest

import harness
from daemon_harness import BBC, Daemon, article_files, poll, require_bbc


class CrashTest(unittest.TestCase):
    def setUp(self):
        require_bbc(self)
        self.ws = harness.Workspace(copy_corpus=False)
        self.daemon = Daemon(self.ws, "--commit-every", "200", corpus=BBC)

    def tearDown(self):
        self.daemon.cleanup()
        self.ws.cleanup()

    def xapian_check(self):
        check = shutil.which("xapian-check")
        if check is None:
            self.skipTest("xapian-check not found: install xapian-tools")
        p = subprocess.run([check, self.ws.db], capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("No errors found", p.stdout)

    def test_sigkill_mid_batch_then_restart(self):
        total = len(article_files(BBC))
        self.daemon.start(wait=False)
        s, _ = poll(lambda: (lambda s: s if s.get("state") == "reconciling" and
                             s.get("documents", 0) >= 400 else None)(self.daemon.status()),
                    300, "a few commits into the bulk index")
        self.daemon.proc.send_signal(signal.SIGKILL)
        self.daemon.proc.wait(timeout=10)
        killed_at = s["documents"]
        print("  killed at %d of %d documents (revision %d)" % (killed_at, total, s["revision"]),
              file=sys.stderr)
        self.assertLess(killed_at, total, "the index finished before the kill: no crash test")
        self.xapian_check()
        # The committed part is searchable as it is.
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertGreaterEqual(r.json()["documents"], killed_at)

        r = self.ws.index(corpus=BBC)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["removed"], 0)
        self.assertEqual(self.ws.newsdex("stats", "--format", "json").json()["documents"], total)
        self.assertIn("business/001.txt",
                      self.ws.ids('"Ad sales boost Time Warner profit"'))
        self.assertEqual(self.ws.newsdex("show", "business/001.txt").code, 0)
        self.xapian_check()


if __name__ == "__main__":
    harness.main()
