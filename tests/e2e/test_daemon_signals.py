"""newsdexd's signals and process files: SIGTERM and SIGINT commit and exit 0 at once,
even in the middle of a huge file; SIGHUP reopens the log and reloads --schema;
--pidfile exists while it runs; --log and --verbose report events."""

import os
import re
import shutil
import signal
import sys
import unittest

import harness
from daemon_harness import (CHANGE_TIMEOUT, STOP_TIMEOUT, Daemon, article, poll, wait_count)


class SignalTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        self.ws.write("news/one.txt", article("One", "firstseedword"))
        self.daemons = []

    def tearDown(self):
        for d in self.daemons:
            d.cleanup()

    def daemon(self, *extra):
        d = Daemon(self.ws, *extra)
        self.daemons.append(d)
        return d

    def check_stop(self, sig):
        d = self.daemon().start()
        # A change still waiting for its batch when the signal comes.
        self.ws.write("news/late.txt", article("Late", "latechangeword"))
        code, seconds = d.stop(sig)
        print("  %s: exit %d after %.3f s" % (sig.name, code, seconds), file=sys.stderr)
        self.assertEqual(code, 0, d.stderr())
        self.assertEqual(d.status()["state"], "stopped")
        # The change made before the signal was committed on the way out.
        self.assertEqual(self.ws.count("latechangeword"), 1)
        # The database is consistent and usable by the next writer.
        r = self.ws.index()
        self.assertEqual(r.code, 0, r)

    def test_sigterm_exits_0(self):
        self.check_stop(signal.SIGTERM)

    def test_sigint_exits_0(self):
        self.check_stop(signal.SIGINT)

    def test_stop_does_not_wait_for_a_huge_file(self):
        # About 4 MB of prose: its analysis takes seconds; the stop must not wait for it.
        paragraph = ("The committee heard evidence from ministers and officials about the "
                     "budget, the border and the timetable for the next vote. ") * 40
        self.ws.write("news/huge.txt", "Huge record\n\n" + (paragraph + "\n\n") * 150)
        for i in range(30):
            self.ws.write("news/small%02d.txt" % i, article("Small %d" % i, "smallfileword"))
        d = self.daemon("--workers", "1").start(wait=False)
        d.wait_state("reconciling")
        code, seconds = d.stop(signal.SIGTERM)
        print("  SIGTERM while analysing a 4 MB file: exit %d after %.3f s" % (code, seconds),
              file=sys.stderr)
        self.assertEqual(code, 0, d.stderr())
        r = self.ws.index()
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.ws.count("smallfileword"), 30)

    def test_pidfile_while_running(self):
        pidfile = os.path.join(self.ws.root, "newsdexd.pid")
        d = self.daemon("--pidfile", pidfile).start()
        with open(pidfile) as f:
            self.assertEqual(f.read().strip(), str(d.proc.pid))
        self.assertEqual(d.stop()[0], 0)
        self.assertFalse(os.path.exists(pidfile))

    def test_log_and_sighup_reopen(self):
        log = os.path.join(self.ws.root, "newsdexd.log")
        d = self.daemon("--log", log).start()
        self.ws.write("news/logged.txt", article("Logged", "loggedchangeword"))
        wait_count(self.ws, "loggedchangeword", 1)
        stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info|warn|file) ")

        def lines(path):
            with open(path, encoding="utf-8") as f:
                return f.read().splitlines()
        poll(lambda: any("changes applied" in line for line in lines(log)), CHANGE_TIMEOUT,
             "the change in the log")
        for line in lines(log):
            self.assertRegex(line, stamp)
        # logrotate's move, then SIGHUP: the daemon writes to a new file of the old name.
        os.rename(log, log + ".1")
        d.proc.send_signal(signal.SIGHUP)
        poll(lambda: os.path.exists(log) and any("SIGHUP" in line for line in lines(log)),
             CHANGE_TIMEOUT, "a new log file after SIGHUP")
        self.ws.write("news/after-hup.txt", article("After", "afterhupword"))
        wait_count(self.ws, "afterhupword", 1)
        poll(lambda: sum("changes applied" in line for line in lines(log)) >= 1, CHANGE_TIMEOUT,
             "the next change in the new log")
        self.assertTrue(d.running())

    def test_sighup_reloads_schema(self):
        schema = os.path.join(self.ws.root, "schema.yaml")
        shutil.copy(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"), schema)
        d = self.daemon("--schema", schema).start()
        self.ws.write("news/notes.text", article("Notes", "textextensionword"))
        self.ws.write("news/barrier.txt", article("Barrier", "schemabarrierword"))
        wait_count(self.ws, "schemabarrierword", 1)
        self.assertEqual(self.ws.count("textextensionword"), 0)
        with open(schema, encoding="utf-8") as f:
            text = f.read()
        with open(schema, "w", encoding="utf-8") as f:
            widened = text.replace('include: ["*.txt",', 'include: ["*.text", "*.txt",', 1)
            widened = widened.replace("\nname: news\n", "\nname: widened\n", 1)
            self.assertEqual(widened.count("widened"), 1)
            self.assertIn("*.text", widened)
            f.write(widened)
        d.proc.send_signal(signal.SIGHUP)
        wait_count(self.ws, "textextensionword", 1)
        # A search reads the new schema too, not the one the daemon started with.
        stats = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(stats.code, 0, stats)
        self.assertEqual(stats.json()["schema"], "widened")
        # The reloaded schema is the one stored, and stays in force for new files.
        self.ws.write("news/more.text", article("More", "textextensionword"))
        wait_count(self.ws, "textextensionword", 2)

    def test_sighup_with_a_broken_schema_keeps_the_old_one(self):
        schema = os.path.join(self.ws.root, "schema.yaml")
        shutil.copy(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"), schema)
        d = self.daemon("--schema", schema).start()
        with open(schema, "a", encoding="utf-8") as f:
            f.write("\nno_such_key: 1\n")
        d.proc.send_signal(signal.SIGHUP)
        poll(lambda: "schema not reloaded" in d.stderr(), CHANGE_TIMEOUT, "the warning")
        self.ws.write("news/still.txt", article("Still", "stillworkingword"))
        wait_count(self.ws, "stillworkingword", 1)

    def test_verbose_reports_each_file(self):
        d = self.daemon("--verbose").start()
        self.assertIn("added news/one.txt", d.stderr())
        self.ws.write("news/verbose.txt", article("Verbose", "verbosechangeword"))
        wait_count(self.ws, "verbosechangeword", 1)
        poll(lambda: "added news/verbose.txt" in d.stderr(), CHANGE_TIMEOUT, "the verbose line")


if __name__ == "__main__":
    harness.main()
