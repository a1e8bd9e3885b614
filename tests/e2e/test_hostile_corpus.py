"""A generated hostile corpus: binary junk, invalid UTF-8, byte-order marks, UTF-16,
NUL bytes, names over Xapian's term limit, a folder 200 levels deep, symbolic link
loops, broken links and links out of the corpus, a FIFO, an unreadable file, an empty
one, and files vanishing while newsdexd reads the folder. Every good file is indexed,
every bad one is named once on stderr, the database passes xapian-check, and the
watching daemon goes on through all of it."""

import os
import shutil
import subprocess
import threading
import unittest

import harness
from daemon_harness import Daemon, article, wait_count


def good(n):
    return article("Good article %d" % n, "The zyxgood word and zyxgood%d." % n)


# relative path -> bytes of a file that must be indexed
GOOD = {
    "plain.txt": good(1).encode(),
    "bom-utf8.txt": b"\xef\xbb\xbf" + good(2).encode(),
    "utf16-le.txt": b"\xff\xfe" + good(3).encode("utf-16-le"),
    "utf16-be-bare.txt": good(4).encode("utf-16-be"),
    "stray-nul.txt": good(5).encode().replace(b"The", b"The\x00"),
    "invalid-utf8.txt": good(6).encode().replace(b"word", b"wo\xffrd \xc3\x28"),
    "folder-" + "x" * 120 + "/" + "y" * 130 + ".txt": good(7).encode(),
    "/".join(["d"] * 200) + "/deep.txt": good(8).encode(),
    "names/long-name.txt": article("Good article 9", "Prime minister Paul " + "Smith " * 60 +
                                   "zyxgood zyxgood9").encode(),
    "mojibake.txt": good(10).replace("word", "cafÃ© word").encode(),
}

# relative path -> what the line naming it says
BAD = {
    "junk.txt": "binary",
    "png-named.txt": "binary",
    "unreadable.txt": "cannot read",
    "fifo.txt": "not a regular file",
    "escape.txt": "outside the corpus",
    "loop-a.txt": "leads nowhere",
    "loop-b.txt": "leads nowhere",
    "broken.txt": "leads nowhere",
    "empty.txt": "empty file",
}


def make_hostile_corpus(ws):
    for rel, data in GOOD.items():
        ws.write(rel, data)
    ws.write("junk.txt", os.urandom(64 << 10))
    ws.write("png-named.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    ws.write("unreadable.txt", good(99))
    os.chmod(ws.path("unreadable.txt"), 0)
    os.mkfifo(ws.path("fifo.txt"))
    secret = os.path.join(ws.root, "secret.txt")
    with open(secret, "w", encoding="utf-8") as f:
        f.write(article("Secret", "zyxsecret"))
    os.symlink(secret, ws.path("escape.txt"))
    os.symlink("loop-b.txt", ws.path("loop-a.txt"))
    os.symlink("loop-a.txt", ws.path("loop-b.txt"))
    os.symlink("no-such-file.txt", ws.path("broken.txt"))
    os.symlink("plain.txt", ws.path("inside-link.txt"))  # indexed once, as plain.txt
    os.symlink("..", ws.path("names/up"))  # a link to a folder: never followed
    ws.write("empty.txt", "")


def as_nobody_if_root(ws):
    """(preexec_fn, newsdexd, extra args, env): root reads any file, so newsdexd runs
    as nobody for chmod 000 to mean unreadable, from copies it can reach."""
    if os.geteuid() != 0:
        return None, None, (), None
    os.chmod(ws.root, 0o777)
    for dirpath, dirnames, filenames in os.walk(ws.corpus):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            full = os.path.join(dirpath, name)
            if not os.path.islink(full) and full != ws.path("unreadable.txt"):
                os.chmod(full, 0o644)
    newsdexd, schema = ws.runnable_by_anyone("newsdexd")
    return harness.drop_to_nobody, newsdexd, ("--schema", schema), {"NEWSDEX_NER_MODEL": ws.model}


def xapian_check(db):
    tool = shutil.which("xapian-check")
    if not tool:
        raise unittest.SkipTest("xapian-check not installed")
    return subprocess.run([tool, db], capture_output=True, text=True, timeout=300)


class HostileCorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        make_hostile_corpus(ws)
        preexec, newsdexd, extra, env = as_nobody_if_root(ws)
        cls.result = ws.index("--workers", "2", *extra, newsdexd=newsdexd, preexec_fn=preexec,
                              env=env)

    def test_exit_1_and_counts(self):
        r = self.result
        self.assertEqual(r.code, 1, r)
        s = harness.parse_summary(r.out)
        self.assertEqual(s["added"], len(GOOD), r)
        self.assertEqual(s["failed"], 3, r)  # junk, png-named, unreadable

    def test_every_good_file_is_in(self):
        self.assertEqual(self.ws.ids("zyxgood"), set(GOOD))
        for n in range(1, len(GOOD) + 1):
            self.assertEqual(len(self.ws.ids("zyxgood%d" % n)), 1, n)
        self.assertEqual(self.ws.count("zyxsecret"), 0)

    def test_every_bad_file_named_once(self):
        lines = self.result.err.splitlines()
        for rel, what in BAD.items():
            with self.subTest(rel=rel):
                named = [l for l in lines if l.startswith("newsdexd: " + self.ws.path(rel) + ":")]
                self.assertEqual(len(named), 1, self.result.err)
                self.assertIn(what, named[0])

    def test_database_is_sound(self):
        r = xapian_check(self.ws.db)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("No errors found", r.stdout)


class VanishingFilesTest(unittest.TestCase):
    def test_files_vanishing_mid_scan(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        for i in range(1500):
            ws.write("v/%04d.txt" % i, good(1000 + i))
        stop = threading.Event()

        def vanish():
            # Removes files from the end while newsdexd scans and reads from the start.
            for i in reversed(range(500, 1500)):
                if stop.is_set():
                    return
                try:
                    os.remove(ws.path("v/%04d.txt" % i))
                except OSError:
                    pass
        remover = threading.Thread(target=vanish)
        remover.start()
        try:
            r = ws.index("--workers", "2", "--no-entities")
        finally:
            stop.set()
            remover.join()
        self.assertIn(r.code, (0, 1), r)
        s = harness.parse_summary(r.out)
        self.assertIsNotNone(s, r)
        for line in r.err.splitlines():  # a vanished file is named once, if at all
            self.assertTrue(line.startswith("newsdexd: "), line)
            self.assertIn("No such file", line)
        self.assertEqual(len(r.err.splitlines()), len(set(r.err.splitlines())))
        self.assertEqual(xapian_check(ws.db).returncode, 0)
        # The next run brings the index in step with what is left.
        r = ws.index("--no-entities")
        self.assertEqual(r.code, 0, r)
        left = len(os.listdir(ws.path("v")))
        self.assertEqual(ws.count("zyxgood"), left)


class HostileDaemonTest(unittest.TestCase):
    def test_daemon_goes_on(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("seed.txt", article("Seed", "zyxseed"))
        daemon = Daemon(ws, "--rescan-interval", "2")
        self.addCleanup(daemon.cleanup)
        daemon.start()
        make_hostile_corpus(ws)
        # The daemon runs as the test's user: root reads the chmod 000 file too.
        readable = len(GOOD) + (1 if os.geteuid() == 0 else 0)
        wait_count(ws, "zyxgood", readable, timeout=60)
        daemon.wait_state("watching")
        ws.write("after.txt", article("After", "zyxafter"))
        wait_count(ws, "zyxafter", 1)
        self.assertTrue(daemon.running(), daemon.stderr())
        self.assertEqual(ws.count("zyxsecret"), 0)


if __name__ == "__main__":
    harness.main()
