"""The daemon's status file (<db>/status.json, rewritten atomically) and `newsdex
status` in text and JSON: state, pid, documents, queue, last commit, revision, corpus,
failed files with reasons, start time."""

import json
import re
import signal
import unittest

import harness
from daemon_harness import CHANGE_TIMEOUT, Daemon, article, poll, wait_count

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
FIELDS = ["state", "pid", "running", "corpus", "documents", "queue", "revision", "last_commit",
          "last_rescan", "started", "failed", "failed_files"]


class StatusTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        for i in range(3):
            self.ws.write("news/n%d.txt" % i, article("News %d" % i, "statusseedword"))
        self.daemon = Daemon(self.ws).start()

    def tearDown(self):
        self.daemon.cleanup()

    def test_status_json(self):
        r = self.ws.newsdex("status", "--format", "json")
        self.assertEqual(r.code, 0, r)
        s = r.json()
        self.assertEqual(list(s.keys()), ["format_version"] + FIELDS)
        self.assertEqual(s["state"], "watching")
        self.assertEqual(s["pid"], self.daemon.proc.pid)
        self.assertIs(s["running"], True)
        self.assertEqual(s["corpus"], self.ws.corpus)
        self.assertEqual(s["documents"], 3)
        self.assertEqual(s["queue"], 0)
        self.assertGreaterEqual(s["revision"], 1)
        for key in ("last_commit", "last_rescan", "started"):
            self.assertRegex(s[key], ISO)
        self.assertEqual(s["failed"], 0)
        self.assertEqual(s["failed_files"], {})
        # The revision is the database's: stats says the same.
        stats = self.ws.newsdex("stats", "--format", "json").json()
        self.assertEqual(stats["revision"], s["revision"])

    def test_status_text(self):
        r = self.ws.newsdex("status")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "")
        lines = r.lines()
        self.assertEqual(lines[0].split(), ["state:", "watching"])
        self.assertIn("pid:", r.out)
        self.assertRegex(r.out, r"(?m)^running:\s+true$")
        self.assertRegex(r.out, r"(?m)^documents:\s+3$")

    def test_commits_and_failures_are_reported(self):
        before = self.daemon.status()["revision"]
        self.ws.write("news/more.txt", article("More", "statusmoreword"))
        self.ws.write("news/binary.txt", b"\x00\x01\x02binary\x00" * 100)
        wait_count(self.ws, "statusmoreword", 1)
        s, _ = poll(lambda: (lambda s: s if s.get("failed") == 1 else None)(self.daemon.status()),
                    CHANGE_TIMEOUT, "the failure in the status")
        self.assertEqual(s["documents"], 4)
        self.assertGreater(s["revision"], before)
        self.assertEqual(list(s["failed_files"].keys()), ["news/binary.txt"])
        self.assertIn("binary", s["failed_files"]["news/binary.txt"])
        text = self.ws.newsdex("status").out
        self.assertRegex(text, r"(?m)^failed_files:\n  news/binary.txt:\s+\S")

    def test_stopped_state(self):
        code, _ = self.daemon.stop(signal.SIGTERM)
        self.assertEqual(code, 0)
        s = self.ws.newsdex("status", "--format", "json").json()
        self.assertEqual(s["state"], "stopped")
        self.assertIs(s["running"], False)
        self.assertEqual(s["queue"], 0)

    def test_killed_daemon_is_not_running(self):
        self.daemon.proc.kill()
        self.daemon.proc.wait(timeout=10)
        s = self.ws.newsdex("status", "--format", "json").json()
        self.assertEqual(s["state"], "watching")  # what it last wrote
        self.assertIs(s["running"], False)
        self.assertRegex(self.ws.newsdex("status").out, r"(?m)^running:\s+false$")

    def test_status_file_is_always_whole(self):
        # Rewritten by rename: a reader never sees a partial file, even during changes.
        for i in range(20):
            self.ws.write("news/burst%d.txt" % i, article("Burst", "burstword"))
            with open(self.daemon.db + "/status.json", encoding="utf-8") as f:
                json.load(f)
        wait_count(self.ws, "burstword", 20)


if __name__ == "__main__":
    harness.main()
