"""Searching a database served by Xapian's own remote backend (xapian-tcpsrv) through a
stub file: results and facets equal those of the database opened directly. The remote
server runs none of newsdex's match spies, so facet counts there come from the matching
documents themselves."""

import os
import shutil
import socket
import subprocess
import time
import unittest

import harness

QUERIES = [
    ["trade", "war"],
    ["trump", "--filter", "place:China"],
    ["summit", "--sort", "date"],
]
FACETS = "person,place,org,source,section,month"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


@unittest.skipUnless(shutil.which("xapian-tcpsrv"), "xapian-tcpsrv not installed (xapian-tools)")
class RemoteDatabaseTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        r = ws.index()
        assert r.code == 0, r
        # A port taken by someone else between free_port() and the bind: try another.
        for _ in range(5):
            cls.port = free_port()
            cls.server = subprocess.Popen(
                ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                 str(cls.port), ws.db],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                # Its own process group: on SIGTERM the server signals its whole group,
                # which would otherwise take this test (and ctest) with it.
                start_new_session=True)
            cls.addClassCleanup(cls.stop_server, cls.server)
            if wait_for_port(cls.port, cls.server):
                break
        else:
            raise AssertionError("xapian-tcpsrv did not start")
        cls.stub = os.path.join(ws.root, "remote.stub")
        with open(cls.stub, "w") as f:
            f.write("remote 127.0.0.1:%d\n" % cls.port)

    @staticmethod
    def stop_server(proc):
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)

    def both(self, *args):
        local = self.ws.newsdex(*args)
        remote = self.ws.newsdex(*args, db=self.stub)
        self.assertEqual(remote.code, local.code, remote)
        self.assertEqual(remote.err, local.err, remote)
        return local, remote

    def test_search_with_facets_equals_the_local_database(self):
        for q in QUERIES:
            local, remote = self.both("search", *q, "--facet", FACETS, "--facet-limit", "0",
                                      "--format", "json")
            self.assertEqual(local.code, 0, local)
            self.assertTrue(local.json()["facets"]["person"], local)
            self.assertEqual(remote.json(), local.json(), q)

    def test_facets_command_equals_the_local_database(self):
        for field in ("person", "place", "section", "month"):
            local, remote = self.both("facets", field, "trade", "--limit", "0", "--format",
                                      "json")
            self.assertEqual(local.code, 0, local)
            self.assertEqual(remote.out, local.out, field)

    def test_whole_corpus_facets_and_plain_search(self):
        local, remote = self.both("search", "", "--facet", "person,place,org", "-n", "0",
                                  "--format", "json")
        self.assertEqual(remote.json(), local.json())
        local, remote = self.both("search", "election", "--format", "tsv")
        self.assertTrue(local.out, local)
        self.assertEqual(remote.out, local.out)


if __name__ == "__main__":
    harness.main()
