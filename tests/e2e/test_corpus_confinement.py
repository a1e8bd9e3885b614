"""newsdexd reads nothing outside the corpus folder unless told to, and writes a
database no more readable than the folder it indexes."""

import os
import stat
import unittest

import harness
from daemon_harness import Daemon, article, wait_count


def modes_below(folder):
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            out[full] = stat.S_IMODE(os.lstat(full).st_mode)
    out[folder] = stat.S_IMODE(os.stat(folder).st_mode)
    return out


class SymlinkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        cls.secret = os.path.join(ws.root, "secret.txt")
        with open(cls.secret, "w", encoding="utf-8") as f:
            f.write(article("Secret title", "zyxsecret password text"))
        ws.write("world/real.txt", article("Real article", "zyxinside text"))
        os.symlink(cls.secret, ws.path("outside.txt"))
        os.symlink("world/real.txt", ws.path("inside-link.txt"))
        os.symlink(ws.corpus, ws.path("world/loop"))  # a link to a folder: never followed
        cls.result = ws.index("--no-entities")

    def test_outside_link_not_indexed_and_named_once(self):
        r = self.result
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.ws.count("zyxsecret"), 0)
        lines = [l for l in r.err.splitlines() if "outside.txt" in l]
        self.assertEqual(len(lines), 1, r.err)
        self.assertIn("outside the corpus", lines[0])
        self.assertEqual(self.ws.newsdex("show", "outside.txt").code, 1)

    def test_inside_link_indexed_once(self):
        self.assertEqual(self.ws.ids("zyxinside"), {"world/real.txt"})
        self.assertEqual(harness.parse_summary(self.result.out)["added"], 1, self.result)

    def test_flag_follows_for_one_run(self):
        db = os.path.join(self.ws.root, "followed.db")
        r = self.ws.index("--no-entities", "--follow-symlinks", db=db)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(int(self.ws.newsdex("count", "zyxsecret", db=db).out), 1)
        # The flag is not stored: the next run without it removes the file again.
        r = self.ws.index("--no-entities", db=db)
        self.assertEqual(harness.parse_summary(r.out)["removed"], 1, r)
        self.assertEqual(int(self.ws.newsdex("count", "zyxsecret", db=db).out), 0)

    def test_schema_setting_follows(self):
        schema = os.path.join(self.ws.root, "follow.yaml")
        with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(schema, "w", encoding="utf-8") as f:
            f.write(text.replace("files:\n", "files:\n  follow_symlinks: true\n", 1))
        db = os.path.join(self.ws.root, "schema-followed.db")
        r = self.ws.index("--no-entities", "--schema", schema, db=db)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(int(self.ws.newsdex("count", "zyxsecret", db=db).out), 1)


class WatchedSymlinkTest(unittest.TestCase):
    def test_link_made_while_watching_is_not_followed(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("seed.txt", article("Seed", "zyxseed text"))
        secret = os.path.join(ws.root, "secret.txt")
        with open(secret, "w", encoding="utf-8") as f:
            f.write(article("Secret", "zyxsecret text"))
        daemon = Daemon(ws, "--no-entities")
        self.addCleanup(daemon.cleanup)
        daemon.start()
        os.symlink(secret, ws.path("late-link.txt"))
        ws.write("after.txt", article("After", "zyxafter text"))
        wait_count(ws, "zyxafter", 1)
        self.assertEqual(ws.count("zyxsecret"), 0)
        self.assertTrue(daemon.running(), daemon.stderr())


class DatabasePermissionsTest(unittest.TestCase):
    def check(self, corpus_mode, allowed):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("a.txt", article("An article", "zyxperm text"))
        os.chmod(ws.corpus, corpus_mode)
        old = os.umask(0o022)
        try:
            r = ws.index("--no-entities")
        finally:
            os.umask(old)
        self.assertEqual(r.code, 0, r)
        for path, mode in modes_below(ws.db).items():
            with self.subTest(path=path):
                self.assertEqual(mode & ~allowed, 0, "%s is %o" % (path, mode))

    def test_private_corpus_gives_private_database(self):
        self.check(0o700, 0o700)

    def test_group_corpus_gives_group_readable_database(self):
        self.check(0o750, 0o750)


if __name__ == "__main__":
    harness.main()
