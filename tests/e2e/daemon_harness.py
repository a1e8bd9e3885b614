"""Helpers of the daemon's end-to-end tests: newsdexd as a real background process
on a temporary folder, polled with deadlines (never a bare sleep as an assertion) and
always killed at the end. Builds on harness.py (workspace, binaries, main)."""

import json
import os
import signal
import subprocess
import time

import harness

# Upper bounds for polling: generous so that a loaded CI machine passes; the figures
# that matter (latency, shutdown time) are printed, not asserted tightly.
START_TIMEOUT = 60
CHANGE_TIMEOUT = 10
STOP_TIMEOUT = 10
SHARED_DIR = os.path.join(harness.SOURCE_DIR, "..", "shared")
BBC = os.path.abspath(os.path.join(SHARED_DIR, "corpora", "bbc"))


def poll(predicate, timeout, what, interval=0.05):
    """Calls predicate until it returns a true value; returns (value, seconds taken).
    Raises AssertionError naming `what` when the deadline passes."""
    start = time.monotonic()
    deadline = start + timeout
    while True:
        value = predicate()
        if value:
            return value, time.monotonic() - start
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))
        time.sleep(interval)


class Daemon:
    """One newsdexd in watch mode on a workspace. Use as a context manager, or call
    cleanup() in tearDown: the process is killed whatever happened."""

    count = 0

    def __init__(self, ws, *extra, corpus=None, db=None):
        Daemon.count += 1
        self.ws = ws
        self.corpus = corpus or ws.corpus
        self.db = db or ws.db
        self.args = [harness.binary("newsdexd"), "--corpus", self.corpus, "--db", self.db,
                     "--quiet", *extra]
        self.err_path = os.path.join(ws.root, "newsdexd-%d.err" % Daemon.count)
        self.out_path = os.path.join(ws.root, "newsdexd-%d.out" % Daemon.count)
        self.proc = None

    def start(self, wait=True):
        env = dict(os.environ)
        for key in ("NEWSDEX_DB", "NEWSDEX_CORPUS"):
            env.pop(key, None)
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(self.args, stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, env=env)
        if wait:
            self.wait_state("watching")
        return self

    def status(self):
        """The status file as a dict, or {} while there is none."""
        try:
            with open(os.path.join(self.db, "status.json"), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def wait_state(self, state, timeout=START_TIMEOUT):
        def reached():
            if self.proc.poll() is not None:
                raise AssertionError("newsdexd exited with %d before %r:\n%s" %
                                     (self.proc.returncode, state, self.stderr()))
            s = self.status()
            return s if s.get("state") == state and s.get("pid") == self.proc.pid else None
        return poll(reached, timeout, "newsdexd state %r" % state)[0]

    def stop(self, sig=signal.SIGTERM, timeout=STOP_TIMEOUT):
        """Sends `sig` and waits; returns (exit status, seconds it took)."""
        start = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=timeout)
        return code, time.monotonic() - start

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stderr(self):
        try:
            with open(self.err_path, encoding="utf-8", errors="replace", newline="") as f:
                return f.read()
        except OSError:
            return ""

    def cleanup(self):
        if self.running():
            self.proc.kill()
            self.proc.wait(timeout=STOP_TIMEOUT)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()


def wait_count(ws, query, expected, timeout=CHANGE_TIMEOUT):
    """Polls `newsdex count --no-collapse QUERY` until it prints `expected` (articles,
    every copy of a story: the tests write many alike); returns the seconds it took (the
    latency of the change, measured from the call)."""
    def matches():
        r = ws.newsdex("count", "--no-collapse", *query.split())
        if r.code not in (0, 1) or r.err:
            # Before the first commit there may be no database yet.
            return None
        return r.out.strip() == str(expected)
    return poll(matches, timeout, "count of %r to reach %s" % (query, expected))[1]


def write_atomically(path, text):
    """Writes as editors do: a temporary name, then a rename over the final one."""
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.rename(tmp, path)


def article(title, body):
    return "%s\n\n%s\n" % (title, body)


def require_bbc(test):
    """Skips the test when the shared BBC corpus is absent."""
    if not os.path.isdir(BBC):
        test.skipTest("%s not found (../shared): skipped" % BBC)


def article_files(root):
    """The article files below `root` as the built-in schema selects them."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith((".", "README", "#")) or name.endswith(("~", ".swp", ".tmp")):
                continue
            if name.endswith((".txt", ".md")):
                out.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(out)
