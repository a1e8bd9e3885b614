"""`cmake --install` into a temporary prefix, then the installed programs on their own:
run from an empty folder with the checkout and the build folder hidden (a private mount
namespace puts empty folders over them when the test may make one), they index and
search a corpus of the test's own, with the entities, aliases and schema the prefix
holds. Removing the prefix's schema then breaks newsdexd, naming the prefix's path: the
data came from there and from nowhere else."""

import os
import shutil
import subprocess
import tempfile
import unittest

import harness

BUILD_DIR = os.path.dirname(os.path.abspath(harness.BIN_DIR))
CMAKE = shutil.which("cmake")

ARTICLES = {
    "world/merkel-visit.txt": (
        "Merkel meets Macron in Berlin\n\n"
        "BERLIN (WIRE SERVICE) - German Chancellor Angela Merkel met French President "
        "Emmanuel Macron in Berlin on Monday to discuss the budget of the European Union. "
        "Merkel said the talks were constructive.\n"),
    "business/soybean-tariffs.txt": (
        "China targets U.S. soybeans in tariff dispute\n\n"
        "BEIJING (WIRE SERVICE) - China imposed tariffs on soybeans from the United States "
        "on Tuesday, a blow to farmers in Iowa. The U.S. trade representative said talks "
        "would continue.\n"),
    "sport/cup-final.txt": (
        "Underdogs win the cup final\n\n"
        "LONDON (SPORTS DESK) - The underdogs won the cup final at Wembley on Saturday "
        "after extra time.\n"),
}

INSTALLED = [
    "bin/newsdex", "bin/newsdexd", "bin/newsdex-ner",
    "share/newsdex/schemas/news.yaml", "share/newsdex/schemas/aliases.yaml",
    "share/newsdex/schemas/gazetteer.yaml", "share/newsdex/ner/model/newsdex-ner.model",
    "share/man/man1/newsdex.1", "share/man/man1/newsdex-ner.1", "share/man/man7/newsdex-query.7",
    "share/man/man8/newsdexd.8",
    "share/bash-completion/completions/newsdex", "share/bash-completion/completions/newsdexd",
    "share/bash-completion/completions/newsdex-ner",
    "share/zsh/vendor-completions/_newsdex", "share/zsh/vendor-completions/_newsdexd",
    "share/zsh/vendor-completions/_newsdex-ner",
    "share/fish/vendor_completions.d/newsdex.fish",
    "share/fish/vendor_completions.d/newsdexd.fish",
    "share/fish/vendor_completions.d/newsdex-ner.fish",
    "lib/systemd/system/newsdexd.service", "lib/systemd/system/newsdex-tcpsrv@.service",
    "lib/systemd/user/newsdexd.service", "lib/sysusers.d/newsdex.conf",
]


def can_hide():
    """Whether this process may make a private mount namespace (root, unshare(1))."""
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    r = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                       capture_output=True)
    return r.returncode == 0


@unittest.skipUnless(CMAKE, "cmake not found")
class InstalledPrefixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="newsdex-install-")
        cls.prefix = os.path.join(cls.root, "prefix")
        cls.install = harness.run([CMAKE, "--install", BUILD_DIR, "--prefix", cls.prefix])
        cls.hidden = can_hide()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def setUp(self):
        self.assertEqual(self.install.code, 0, self.install)
        self.work = tempfile.mkdtemp(dir=self.root)
        self.empty = os.path.join(self.work, "cwd")
        os.makedirs(self.empty)
        self.corpus = os.path.join(self.work, "news")
        for relative, text in ARTICLES.items():
            full = os.path.join(self.corpus, relative)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        self.db = os.path.join(self.work, "news.db")

    def installed(self, name, *args):
        """Runs PREFIX/bin/NAME from an empty folder, with no data path in the environment
        and, when possible, the checkout and the build folder covered by empty folders."""
        command = [os.path.join(self.prefix, "bin", name), *args]
        if self.hidden:
            hide = "".join('mount -t tmpfs none "%s" && ' % d
                           for d in (BUILD_DIR, harness.SOURCE_DIR))  # inner first
            command = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                       hide + 'exec "$@"', "sh", *command]
        env = {"NEWSDEX_DATA_DIR": "", "NEWSDEX_NER_MODEL": "", "NEWSDEX_NER_ALIASES": "",
               "XDG_CONFIG_HOME": self.empty, "NEWSDEX_CONFIG": ""}
        return harness.run(command, cwd=self.empty, env=env)

    def test_the_layout(self):
        for relative in INSTALLED:
            self.assertTrue(os.path.isfile(os.path.join(self.prefix, relative)), relative)
        for name in ("newsdex", "newsdexd", "newsdex-ner"):
            self.assertTrue(os.access(os.path.join(self.prefix, "bin", name), os.X_OK), name)

    def test_units_name_the_installed_binary(self):
        for unit in ("system/newsdexd.service", "user/newsdexd.service"):
            with open(os.path.join(self.prefix, "lib/systemd", unit), encoding="utf-8") as f:
                text = f.read()
            self.assertIn("ExecStart=%s/bin/newsdexd " % self.prefix, text, unit)
            self.assertNotIn("@", text.split("ExecStart=")[1].split("\n")[0], unit)

    def test_no_path_of_the_checkout_is_compiled_in(self):
        for name in ("newsdex", "newsdexd", "newsdex-ner"):
            with open(os.path.join(self.prefix, "bin", name), "rb") as f:
                data = f.read()
            self.assertNotIn(harness.SOURCE_DIR.encode() + b"/schemas", data, name)
            self.assertNotIn(harness.SOURCE_DIR.encode() + b"/ner/model", data, name)

    def test_index_and_search_from_an_empty_folder(self):
        r = self.installed("newsdexd", "--once", "--quiet", "--corpus", self.corpus, "--db", self.db)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["added"], len(ARTICLES), r)
        r = self.installed("newsdex", "search", "soybeans", "--db", self.db, "--format", "paths")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.lines(), [os.path.join(self.corpus, "business/soybean-tariffs.txt")])
        # The tagger's model from the prefix found the people...
        r = self.installed("newsdex", "facets", "person", "--db", self.db, "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertIn("person\tAngela Merkel\t1", r.lines(), r)
        # ...and the prefix's alias list resolves a query's alias: US is United States.
        r = self.installed("newsdex", "count", "--db", self.db, "place:US")
        self.assertEqual((r.code, r.out.strip()), (0, "1"), r)

    def test_the_tagger_alone_uses_the_prefix_model(self):
        command = [os.path.join(self.prefix, "bin", "newsdex-ner"), "text"]
        r = subprocess.run(command, input=b"Angela Merkel visited Paris.\n", capture_output=True,
                           cwd=self.empty, timeout=harness.TIMEOUT,
                           env={k: v for k, v in os.environ.items()
                                if not k.startswith("NEWSDEX_")})
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(b"Angela Merkel", r.stdout)

    def test_without_the_prefix_data_it_fails_naming_the_prefix(self):
        # A copy of the prefix, less its default schema: newsdexd must fail and say
        # where it looked, which is only inside the prefix.
        copy = os.path.join(self.work, "copy")
        shutil.copytree(self.prefix, copy, symlinks=True)
        os.remove(os.path.join(copy, "share/newsdex/schemas/news.yaml"))
        saved, self.prefix = self.prefix, copy
        try:
            r = self.installed("newsdexd", "--once", "--quiet", "--corpus", self.corpus,
                               "--db", self.db)
        finally:
            self.prefix = saved
        self.assertEqual(r.code, 2, r)
        self.assertIn(os.path.join(copy, "share/newsdex/schemas/news.yaml"), r.err)
        self.assertFalse(os.path.exists(self.db))


if __name__ == "__main__":
    harness.main()
