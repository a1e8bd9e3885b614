"""The configuration file (core/config.h), read by newsdex and newsdexd: where it is
found ($NEWSDEX_CONFIG, $XDG_CONFIG_HOME/newsdex/config, ~/.config/newsdex/config), each
level of the precedence flag > environment > file > built-in for the database, the
corpus, --limit, --format and --color, errors with FILE:LINE, and `newsdex config
get/set/list`."""

import os
import unittest

import harness


class ConfigTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        assert harness.sample_workspace(cls).code == 0

    def setUp(self):
        self.home = os.path.join(self.ws.root, "home-%s" % self._testMethodName)
        os.makedirs(self.home)
        self.cwd = os.path.join(self.home, "cwd")
        os.makedirs(self.cwd)
        self.file = os.path.join(self.home, ".config", "newsdex", "config")

    def env(self, **extra):
        env = {"HOME": self.home, "XDG_CONFIG_HOME": "", "NEWSDEX_CONFIG": ""}
        env.update(extra)
        return env

    def write(self, text, path=None):
        path = path or self.file
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def newsdex(self, *args, **env):
        return harness.run([harness.binary("newsdex"), *args], env=self.env(**env), cwd=self.cwd)

    def newsdexd(self, *args, **env):
        return harness.run([harness.binary("newsdexd"), "--once", "--quiet", *args],
                           env=self.env(**env), cwd=self.cwd)

    # --- the database: flag > NEWSDEX_DB > file > ./newsdex.db ---------------------------

    def test_database_at_each_level(self):
        other = os.path.join(self.home, "elsewhere.db")  # does not exist
        # built-in: ./newsdex.db in the working folder, absent here
        r = self.newsdex("count", "kremlin")
        self.assertEqual(r.code, 3, r)
        self.assertIn("newsdex.db", r.err)
        # the file
        self.write("db = %s\n" % self.ws.db)
        self.assertEqual(self.newsdex("count", "kremlin").code, 0)
        # the environment beats the file
        r = self.newsdex("count", "kremlin", NEWSDEX_DB=other)
        self.assertEqual(r.code, 3, r)
        self.assertIn(other, r.err)
        # the flag beats the environment
        r = self.newsdex("count", "kremlin", "--db", self.ws.db, NEWSDEX_DB=other)
        self.assertEqual(r.code, 0, r)

    def test_a_path_relative_or_with_tilde_is_below_home(self):
        os.symlink(self.ws.db, os.path.join(self.home, "news.db"))
        for value in ("~/news.db", "news.db"):
            with self.subTest(value=value):
                self.write("db = %s\n" % value)
                self.assertEqual(self.newsdex("count", "kremlin").code, 0)

    # --- output defaults: flag > file > built-in -------------------------------------

    def test_limit_and_format_at_each_level(self):
        self.write("db = %s\n" % self.ws.db)
        builtin = self.newsdex("search", "")
        self.assertEqual(builtin.code, 0, builtin)
        self.assertTrue(builtin.out.startswith("1. "), builtin)  # text
        self.write("db = %s\nlimit = 1\nformat = paths\n" % self.ws.db)
        r = self.newsdex("search", "")
        self.assertEqual(len(r.lines()), 1, r)
        self.assertTrue(r.out.startswith("/"), r)
        r = self.newsdex("search", "", "-n", "2", "--format", "tsv")
        self.assertEqual(len(r.lines()), 2, r)
        self.assertEqual(len(r.lines()[0].split("\t")), 5, r)
        # --help shows the default in force
        self.assertIn("=1 ", self.newsdex("search", "--help").out)
        # `count` does not offer paths: its own default stands
        r = self.newsdex("count", "kremlin")
        self.assertEqual(r.code, 0, r)
        self.assertRegex(r.out, r"^[0-9]+\n$")

    def test_color_at_each_level(self):
        self.write("db = %s\ncolor = always\n" % self.ws.db)
        self.assertIn("\x1b[", self.newsdex("search", "kremlin").out)
        self.assertNotIn("\x1b[", self.newsdex("search", "kremlin", "--color", "never").out)
        # NO_COLOR (the environment) beats the file
        self.assertNotIn("\x1b[", self.newsdex("search", "kremlin", NO_COLOR="1").out)

    # --- newsdexd: database and corpus from the file ---------------------------------

    def test_newsdexd_reads_db_and_corpus(self):
        db = os.path.join(self.home, "from-config.db")
        self.write("db = %s\ncorpus = %s\n" % (db, self.ws.corpus))
        r = self.newsdexd()
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["added"], self.count_files())
        self.assertTrue(os.path.isdir(db))
        # NEWSDEX_CORPUS beats the file: an empty folder is refused, the index kept
        empty = os.path.join(self.home, "empty")
        os.makedirs(empty)
        r = self.newsdexd(NEWSDEX_CORPUS=empty)
        self.assertEqual(r.code, 2, r)
        self.assertIn(empty, r.err)

    def count_files(self):
        return sum(len(files) for _, _, files in os.walk(self.ws.corpus))

    # --- where the file is ------------------------------------------------------------

    def test_xdg_config_home_and_newsdex_config(self):
        xdg = os.path.join(self.home, "xdg")
        self.write("db = %s\n" % self.ws.db, os.path.join(xdg, "newsdex", "config"))
        self.assertEqual(self.newsdex("count", "kremlin", XDG_CONFIG_HOME=xdg).code, 0)
        self.assertEqual(self.newsdex("count", "kremlin").code, 3)  # ~/.config has none
        named = os.path.join(self.home, "my.conf")
        self.write("db = %s\n" % self.ws.db, named)
        self.assertEqual(self.newsdex("count", "kremlin", NEWSDEX_CONFIG=named).code, 0)
        self.assertEqual(self.newsdex("config", "get", "db", NEWSDEX_CONFIG=named).out.strip(),
                         self.ws.db)

    # --- errors -----------------------------------------------------------------------

    def test_errors_name_file_and_line(self):
        cases = [("db = x\nlimt = 3\n", ":2: unknown key 'limt'"),
                 ("# comment\n\nformat = yaml\n", ":3: format: 'yaml' is not one of"),
                 ("limit = -1\n", ":1: limit: '-1' is not a whole number"),
                 ("limit 3\n", ":1: expected 'key = value'"),
                 ("limit = 3\nlimit = 4\n", ":2: limit is already set on line 1")]
        for text, message in cases:
            with self.subTest(text=text):
                self.write(text)
                for r in (self.newsdex("count", "kremlin", "--db", self.ws.db), self.newsdexd()):
                    self.assertEqual(r.code, 2, r)
                    self.assertEqual(r.out, "", r)
                    self.assertEqual(len(r.err.splitlines()), 1, r)
                    self.assertIn(self.file + message, r.err)

    # --- newsdex config get/set/list --------------------------------------------------

    def test_config_get_set_list(self):
        self.assertEqual(self.newsdex("config", "list").code, 1)
        self.assertEqual(self.newsdex("config", "get", "limit").code, 1)
        self.write("# my defaults\nlimit = 5\n")
        self.assertEqual(self.newsdex("config", "set", "format", "tsv").code, 0)
        self.assertEqual(self.newsdex("config", "set", "limit", "7").code, 0)
        r = self.newsdex("config", "get", "limit")
        self.assertEqual((r.code, r.out), (0, "7\n"), r)
        with open(self.file, encoding="utf-8") as f:
            self.assertEqual(f.read(), "# my defaults\nlimit = 7\nformat = tsv\n")
        r = self.newsdex("config", "list", "--format", "json")
        self.assertEqual(r.json(), {"format_version": 1, "limit": "7", "format": "tsv"})
        r = self.newsdex("config", "list", "--format", "tsv")
        self.assertEqual(r.lines(), ["limit\t7", "format\ttsv"])
        # no value: removed
        self.assertEqual(self.newsdex("config", "set", "format").code, 0)
        self.assertEqual(self.newsdex("config", "get", "format").code, 1)
        # values are checked as the programs check them; unknown keys refused
        for args in (["set", "limit", "x"], ["set", "colour", "always"], ["get", "colour"],
                     ["set", "color", "sometimes"]):
            with self.subTest(args=args):
                r = self.newsdex("config", *args)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(len(r.err.splitlines()), 1, r)
        # a file with an unknown key can be mended with config itself
        self.write("limit = 3\nbogus = 1\n")
        self.assertEqual(self.newsdex("count", "kremlin", "--db", self.ws.db).code, 2)
        self.assertEqual(self.newsdex("config", "set", "bogus").code, 0)
        self.assertEqual(self.newsdex("count", "kremlin", "--db", self.ws.db).code, 0)

    def test_set_creates_the_file_and_its_folders(self):
        xdg = os.path.join(self.home, "new-xdg")
        r = self.newsdex("config", "set", "db", "~/news.db", XDG_CONFIG_HOME=xdg)
        self.assertEqual(r.code, 0, r)
        with open(os.path.join(xdg, "newsdex", "config"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "db = ~/news.db\n")


if __name__ == "__main__":
    harness.main()
