"""The man pages and shell completions the build writes (tools/gen-docs) against the
programs themselves: every flag that `--help` of each command lists appears in the man
page and in the bash, zsh and fish completions; the man pages render without warnings;
and bash's completion, run as bash runs it, offers the subcommands, each command's
flags, the --format values of that command, the facet fields and the filter fields."""

import os
import re
import shutil
import subprocess
import unittest

import harness

DOCS = os.path.join(os.path.dirname(os.path.abspath(harness.BIN_DIR)), "docs")


def read(relative):
    with open(os.path.join(DOCS, relative), encoding="utf-8") as f:
        return f.read()


def help_flags(*args):
    r = harness.run(list(args) + ["--help"])
    assert r.code == 0, r
    return sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", r.out)))


def subcommands(program):
    r = harness.run([harness.binary(program), "--help"])
    assert r.code == 0, r
    section = r.out.split("Subcommands:")[1]
    return re.findall(r"^  ([a-z-]+)  ", section, re.M)


def facet_fields():
    """The facet fields as `newsdex search --help` lists them under --facet."""
    r = harness.run([harness.binary("newsdex"), "search", "--help"])
    text = " ".join(r.out.split())
    return sorted(re.search(r"count FIELD values over all matches \(([^)]*)\)",
                            text).group(1).split(", "))


def complete(program, *words):
    """What bash's completion of `program` offers for the last of `words`."""
    script = os.path.join(DOCS, "completions", "bash", program)
    line = " ".join("'%s'" % w for w in (program,) + words)
    code = ('source "%s"; COMP_WORDS=(%s); COMP_CWORD=%d; _%s; printf "%%s\\n" "${COMPREPLY[@]}"'
            % (script, line, len(words), program.replace("-", "_")))
    r = harness.run(["bash", "--norc", "--noprofile", "-c", code])
    assert r.code == 0, r
    return sorted(w for w in r.out.split("\n") if w)


@unittest.skipUnless(os.path.isdir(DOCS), "docs not built")
class GeneratedDocsTest(unittest.TestCase):
    def assert_everywhere(self, flags, man, program, what):
        for flag in flags:
            with self.subTest(what=what, flag=flag):
                self.assertIn(flag.replace("-", "\\-"), man)
                self.assertIn(flag, read("completions/bash/" + program))
                self.assertIn(flag, read("completions/zsh/_" + program))
                self.assertIn("-l " + flag[2:], read("completions/fish/%s.fish" % program))

    def test_every_flag_of_newsdex_help_is_documented_and_completed(self):
        man = read("man/man1/newsdex.1")
        commands = subcommands("newsdex")
        self.assertIn("search", commands)
        for command in commands:
            self.assertIn('.SS "newsdex %s"' % command, man)
            self.assert_everywhere(help_flags(harness.binary("newsdex"), command), man,
                                   "newsdex", command)

    def test_every_flag_of_newsdexd_help_is_documented_and_completed(self):
        self.assert_everywhere(help_flags(harness.binary("newsdexd")), read("man/man8/newsdexd.8"),
                               "newsdexd", "newsdexd")

    def test_every_flag_of_newsdex_ner_help_is_documented_and_completed(self):
        ner = harness.binary("newsdex-ner")
        man = read("man/man1/newsdex-ner.1")
        for command in subcommands("newsdex-ner"):
            self.assertIn('.SS "newsdex-ner %s"' % command, man)
            self.assert_everywhere(help_flags(ner, command), man, "newsdex-ner", command)

    @unittest.skipUnless(shutil.which("man"), "man not installed")
    def test_man_pages_render_without_warnings(self):
        for page in ("man1/newsdex.1", "man8/newsdexd.8", "man1/newsdex-ner.1",
                     "man7/newsdex-query.7"):
            with self.subTest(page=page):
                r = harness.run(["man", "--warnings", "-E", "UTF-8", "-l", os.path.join(DOCS, "man", page)],
                                env={"MANPAGER": "cat", "MANWIDTH": "100"})
                self.assertEqual(r.code, 0, r)
                self.assertEqual(r.err, "", r)
                self.assertIn("NAME", r.out)

    def test_bash_completes_subcommands_flags_and_values(self):
        self.assertEqual(complete("newsdex", "se"), ["search"])
        self.assertEqual(complete("newsdex", "search", "--format", ""),
                         ["json", "jsonl", "paths", "text", "tsv"])
        self.assertEqual(complete("newsdex", "count", "--format", ""), ["json", "text"])
        self.assertEqual(complete("newsdex", "search", "--sort", ""),
                         ["-date", "date", "relevance"])
        self.assertIn("--facet-limit", complete("newsdex", "search", "--fa"))
        self.assertNotIn("--facet-limit", complete("newsdex", "count", "--fa"))
        self.assertIn("person", facet_fields())
        self.assertEqual(complete("newsdex", "facets", ""), facet_fields())
        self.assertEqual(complete("newsdex", "facets", "person", "--db", "x", ""), [])
        self.assertEqual(complete("newsdex", "search", "--facet", "person,pl"), ["person,place"])
        self.assertEqual(complete("newsdex", "search", "--filter", "pl"), ["place:"])
        self.assertEqual(complete("newsdexd", "--co"),
                         ["--commit-every", "--commit-interval", "--corpus", "--corpus-moved"])
        self.assertEqual(complete("newsdex-ner", "t"), ["tag", "text", "train"])

    @unittest.skipUnless(shutil.which("zsh"), "zsh not installed")
    def test_zsh_completion_parses(self):
        for program in ("newsdex", "newsdexd", "newsdex-ner"):
            r = harness.run(["zsh", "-n", os.path.join(DOCS, "completions", "zsh", "_" + program)])
            self.assertEqual(r.code, 0, r)

    @unittest.skipUnless(shutil.which("fish"), "fish not installed")
    def test_fish_completes_subcommands_and_values(self):
        script = os.path.join(DOCS, "completions", "fish", "newsdex.fish")

        def complete_fish(line):
            r = harness.run(["fish", "--no-config", "-c",
                             "source %s; complete -C '%s'" % (script, line)])
            self.assertEqual(r.code, 0, r)
            return sorted(l.split("\t")[0] for l in r.lines())

        self.assertEqual(complete_fish("newsdex se"), ["search"])
        self.assertEqual(complete_fish("newsdex count --format "), ["json", "text"])
        self.assertEqual(complete_fish("newsdex facets "), facet_fields())

    @unittest.skipUnless(shutil.which("fish"), "fish not installed")
    def test_fish_completion_parses(self):
        for program in ("newsdex", "newsdexd", "newsdex-ner"):
            r = harness.run(["fish", "-n", os.path.join(DOCS, "completions", "fish",
                                                        program + ".fish")])
            self.assertEqual(r.code, 0, r)


if __name__ == "__main__":
    harness.main()
