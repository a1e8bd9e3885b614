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
        harness.test_workspace(self, copy_corpus=False)
        self.daemon = None

    def tearDown(self):
        if self.daemon:
            self.daemon.cleanup()

    def xapian_check(self):
        check = shutil.which("xapian-check")
        if check is None:
            self.skipTest("xapian-check not found: install xapian-tools")
        p = subprocess.run([check, self.ws.db], capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("No errors found", p.stdout)

    def kill_mid_build_then_restart(self, workers):
        total = len(article_files(BBC))
        self.daemon = Daemon(self.ws, "--commit-every", "200", "--workers", str(workers),
                             corpus=BBC)
        self.daemon.start(wait=False)

        def well_into_it():
            s = self.daemon.status()
            if s.get("state") != "reconciling":
                return None
            # Committed documents (one writer) or analysed files (shards) both count;
            # the queue is 0 until the first file is done.
            queue = s.get("queue", 0)
            analysed = total - queue if queue else 0
            return s if max(s.get("documents", 0), analysed) >= 400 else None
        s, _ = poll(well_into_it, 300, "400 files into the bulk index")
        self.daemon.proc.send_signal(signal.SIGKILL)
        self.daemon.proc.wait(timeout=10)
        print("  --workers %d killed at %d of %d files, %d committed (revision %d)"
              % (workers, total - s["queue"], total, s["documents"], s["revision"]),
              file=sys.stderr)
        self.assertLess(total - s["queue"], total, "the index finished before the kill")
        self.xapian_check()
        # What was committed is searchable as it is.
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertGreaterEqual(r.json()["documents"], s["documents"])

        r = self.ws.index("--workers", str(workers), corpus=BBC)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["removed"], 0)
        self.assertEqual(self.ws.newsdex("stats", "--format", "json").json()["documents"], total)
        self.assertIn("business/001.txt",
                      self.ws.ids('"Ad sales boost Time Warner profit"'))
        self.assertEqual(self.ws.newsdex("show", "business/001.txt").code, 0)
        self.xapian_check()

    def test_sigkill_one_writer(self):
        self.kill_mid_build_then_restart(1)

    def test_sigkill_parallel_first_build(self):
        self.kill_mid_build_then_restart(2)


if __name__ == "__main__":
    harness.main()
