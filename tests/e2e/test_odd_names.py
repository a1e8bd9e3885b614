"""File names are printed as they are (issue #12): a name that is not UTF-8 comes out of
--format paths, -0 and tsv as its bytes, so xargs finds the file; JSON keeps "id" and
"path" as text (U+FFFD for the bad bytes) and adds "id_bytes" and "path_bytes", the
exact bytes in base64. Text output never writes a name's control characters (terminal
escape sequences) or stray bytes raw: it shows them as \\x1b, \\u009b, \\xe9."""

import base64
import json
import os
import unittest

import harness

LATIN1 = b"world/caf\xe9-zqlatin.txt"  # "café" saved by a Latin-1 system
# ESC ] 0 ; ... BEL sets a terminal's title; ESC [ 2 J clears it; U+009B is CSI.
ESCAPES = b"world/evil-\x1b]0;owned\x07-\x1b[2J-\xc2\x9b31m.txt"
PLAIN = "world/plain-zqplain.txt"


def text_of(raw_path):
    """A path as a str that subprocess turns back into the same bytes."""
    return os.fsdecode(raw_path)


class OddNamesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        ws.write(text_of(LATIN1), b"Latin name\n\nThe word zqoddword sits in a Latin-1 name, near zqshared.\n")
        ws.write(text_of(ESCAPES), b"Escapes name\n\nThe word zqoddword sits in a hostile name.\n")
        ws.write(PLAIN, "Plain name\n\nThe word zqoddword sits in a plain name, near zqshared.\n")
        cls.indexed = ws.index()
        cls.raw_corpus = os.fsencode(ws.corpus)

    def raw_file(self, rel):
        return self.raw_corpus + b"/" + rel

    def search(self, *args):
        r = self.ws.newsdex("search", "zqoddword", "-n", "10", *args, raw=True)
        self.assertEqual(r.code, 0, r)
        return r.out

    def test_all_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)
        self.assertEqual(self.ws.count("zqoddword"), 3)

    def test_paths_are_the_bytes_of_the_names(self):
        want = {self.raw_file(LATIN1), self.raw_file(ESCAPES), self.raw_file(PLAIN.encode())}
        nul = self.search("--format", "paths", "-0")
        self.assertTrue(nul.endswith(b"\0"), nul)
        got = set(nul[:-1].split(b"\0"))
        self.assertEqual(got, want)
        for path in got:
            self.assertTrue(os.path.isfile(path), path)  # what xargs -0 ls does
        self.assertEqual(set(self.search("--format", "paths").splitlines()), want)

    def test_tsv_keeps_the_bytes(self):
        rows = [line.split(b"\t") for line in self.search("--format", "tsv").splitlines()]
        self.assertEqual({row[3] for row in rows},
                         {self.raw_file(LATIN1), self.raw_file(ESCAPES),
                          self.raw_file(PLAIN.encode())})

    def test_json_adds_base64_bytes_only_for_names_that_are_not_utf8(self):
        for fmt in ("json", "jsonl"):
            with self.subTest(format=fmt):
                out = self.search("--format", fmt).decode("utf-8")  # valid UTF-8 throughout
                if fmt == "json":
                    hits = json.loads(out)["results"]
                else:
                    hits = [json.loads(line) for line in out.splitlines()]
                by_title = {h["title"]: h for h in hits}
                latin = by_title["Latin name"]
                self.assertEqual(base64.b64decode(latin["id_bytes"]), LATIN1)
                self.assertEqual(base64.b64decode(latin["path_bytes"]), self.raw_file(LATIN1))
                self.assertEqual(latin["id"], LATIN1.decode("utf-8", "replace"))
                self.assertEqual(latin["path"], self.raw_file(LATIN1).decode("utf-8", "replace"))
                # Valid UTF-8, control characters and all: the text is exact, no _bytes.
                for title, rel in (("Escapes name", ESCAPES), ("Plain name", PLAIN.encode())):
                    hit = by_title[title]
                    self.assertEqual(hit["id"], rel.decode("utf-8"))
                    self.assertEqual(hit["path"], self.raw_file(rel).decode("utf-8"))
                    self.assertNotIn("id_bytes", hit)
                    self.assertNotIn("path_bytes", hit)

    def test_text_escapes_control_characters_and_stray_bytes(self):
        for color in ("never", "always"):
            with self.subTest(color=color):
                out = self.search("--format", "text", "--color", color)
                # The only ESC bytes are the printer's own bold and dim (m sequences).
                self.assertNotIn(b"\x1b]", out)
                self.assertNotIn(b"\x1b[2J", out)
                self.assertNotIn(b"\x07", out)
                self.assertNotIn(b"\xc2\x9b", out)
                self.assertNotIn(b"\xe9", out)
                out.decode("utf-8")  # nothing that is not UTF-8 is left
                self.assertIn(b"evil-\\x1b]0;owned\\x07-\\x1b[2J-\\u009b31m.txt", out)
                self.assertIn(b"caf\\xe9-zqlatin.txt", out)

    def test_show_and_similar_find_the_names_by_their_bytes(self):
        r = self.ws.newsdex("show", text_of(LATIN1), "--format", "paths", raw=True)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, self.raw_file(LATIN1) + b"\n")
        r = self.ws.newsdex("show", text_of(ESCAPES), raw=True)
        self.assertEqual(r.code, 0, r)
        self.assertNotIn(b"\x07", r.out)
        self.assertIn(b"\\x07", r.out)
        # More like this excludes the document itself, found by its id term's bytes.
        r = self.ws.newsdex("similar", text_of(LATIN1), "--format", "paths", "-0", raw=True)
        self.assertEqual(r.code, 0, r)
        got = set(r.out[:-1].split(b"\0"))
        self.assertNotIn(self.raw_file(LATIN1), got)
        self.assertIn(self.raw_file(PLAIN.encode()), got)


if __name__ == "__main__":
    harness.main()
