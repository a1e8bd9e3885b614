"""newsdexd under systemd's Type=notify protocol: run as the unit runs it, with
NOTIFY_SOCKET naming a datagram socket this test owns and a watchdog of WATCHDOG_USEC,
it says READY=1 once the first reconcile is done (the documents are searchable then),
STATUS= lines with the documents and the queue, WATCHDOG=1 at about half the watchdog
period, and STOPPING=1 on SIGTERM. With JOURNAL_STREAM naming its stderr, warnings carry
the journal's priority prefix <4>; without it, they do not."""

import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest

import harness
from daemon_harness import STOP_TIMEOUT, poll

WATCHDOG_USEC = 400000  # 0.4 s: WATCHDOG=1 about every 0.2 s


class NotifySocket:
    """A datagram socket in a private folder; collects what is sent to it."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.setblocking(False)
        self.messages = []  # (monotonic time, one KEY=VALUE line)

    def drain(self):
        while True:
            try:
                data = self.sock.recv(4096)
            except BlockingIOError:
                return self.messages
            now = time.monotonic()
            self.messages += [(now, line) for line in data.decode().split("\n") if line]

    def lines(self):
        return [m for _, m in self.drain()]

    def close(self):
        self.sock.close()


class NotifyProtocolTest(unittest.TestCase):
    def setUp(self):
        self.ws = harness.test_workspace(self)
        # One binary file among the articles: a warning on stderr.
        self.ws.write("world/photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        self.folder = tempfile.mkdtemp(dir=self.ws.root)
        self.notify = NotifySocket(self.folder)
        self.addCleanup(self.notify.close)
        self.err_path = os.path.join(self.folder, "stderr")
        self.proc = None

    def tearDown(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def start(self, journal):
        self.err = open(self.err_path, "wb")
        self.addCleanup(self.err.close)
        env = {k: v for k, v in os.environ.items()
               if k not in ("NEWSDEX_DB", "NEWSDEX_CORPUS", "JOURNAL_STREAM")}
        env.update(NOTIFY_SOCKET=self.notify.path, WATCHDOG_USEC=str(WATCHDOG_USEC))
        if journal:
            st = os.fstat(self.err.fileno())
            env["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino)
        # The unit's command line (systemd/newsdexd.service), database and corpus given.
        self.proc = subprocess.Popen(
            [harness.binary("newsdexd"), "--quiet", "--corpus", self.ws.corpus, "--db",
             self.ws.db], stdout=subprocess.DEVNULL, stderr=self.err,
            stdin=subprocess.DEVNULL, env=env)

    def wait_for(self, line, timeout=60):
        def seen():
            if self.proc.poll() is not None and line not in self.notify.lines():
                raise AssertionError("newsdexd exited with %d before %s" %
                                     (self.proc.returncode, line))
            return line in self.notify.lines()
        poll(seen, timeout, line)

    def stderr(self):
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def test_ready_status_watchdog_stopping(self):
        self.start(journal=True)
        self.wait_for("READY=1")
        # Ready means indexed: the first reconcile is committed and searchable.
        files = len(harness.corpus_files())
        self.assertEqual(self.ws.newsdex("stats", "--format", "json").json()["documents"], files)
        statuses = [m for m in self.notify.lines() if m.startswith("STATUS=")]
        self.assertTrue(any(s.startswith("STATUS=reconciling: ") for s in statuses), statuses)
        # READY comes once every document is in: a status before it says so.
        ready_at = self.notify.lines().index("READY=1")
        self.assertIn("STATUS=watching: %d documents, queue 0" % files,
                      self.notify.lines()[:ready_at])

        # The watchdog: fed while idle, at intervals well within the period.
        start = time.monotonic()
        poll(lambda: len([1 for t, m in self.notify.drain()
                          if m == "WATCHDOG=1" and t > start]) >= 4, 10, "4 WATCHDOG=1")
        times = [t for t, m in self.notify.drain() if m == "WATCHDOG=1" and t > start]
        gaps = [b - a for a, b in zip(times, times[1:])]
        print("watchdog gaps (s): %s" % " ".join("%.3f" % g for g in gaps))
        self.assertLess(max(gaps), WATCHDOG_USEC / 1e6, gaps)

        # A change shows in the status after it is applied.
        self.ws.write("world/new-article.txt", "A new article\n\nIt is about the harbour.\n")
        self.wait_for("STATUS=watching: %d documents, queue 0" % (files + 1))

        self.proc.send_signal(signal.SIGTERM)
        self.assertEqual(self.proc.wait(STOP_TIMEOUT), 0, self.stderr())
        lines = self.notify.lines()
        self.assertIn("STOPPING=1", lines)
        self.assertNotIn("READY=1", lines[lines.index("STOPPING=1"):])
        # Warnings carry the journal's priority; the binary file is one.
        err = self.stderr()
        warning = [l for l in err.splitlines() if "photo.txt" in l]
        self.assertTrue(warning and warning[0].startswith("<4>newsdexd: "), err)
        self.assertTrue(all(l[:3] in ("<3>", "<4>", "<6>", "<7>") for l in err.splitlines()),
                        err)

    def test_plain_stderr_without_the_journal(self):
        self.start(journal=False)
        self.wait_for("READY=1")
        self.proc.send_signal(signal.SIGTERM)
        self.assertEqual(self.proc.wait(STOP_TIMEOUT), 0)
        err = self.stderr()
        self.assertIn("newsdexd: ", err)
        self.assertFalse(any(l.startswith("<") for l in err.splitlines()), err)

    def test_once_sends_nothing(self):
        # --once is not a service: no READY for a process that is about to exit.
        r = self.ws.index(env={"NOTIFY_SOCKET": self.notify.path})
        self.assertIn(r.code, (0, 1), r)
        self.assertEqual(self.notify.lines(), [])


if __name__ == "__main__":
    harness.main()
