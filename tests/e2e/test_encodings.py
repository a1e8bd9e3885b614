"""Text is text: UTF-16 with or without a byte-order mark, UTF-8 with a mark, Latin-1
and Windows-1252 (declared or detected) and an article with stray NUL bytes are read as
text, counted in the summary and found by their words with their accents; real binary
files are still skipped and named."""

import unittest

import harness

TEXT = "Encoded article {n}\n\nThe café word zyxenc{n} appears in this body.\n"


class EncodingsTest(unittest.TestCase):
    FILES = {
        "utf16le-bom.txt": b"\xff\xfe" + TEXT.format(n=1).encode("utf-16-le"),
        "utf16be-bom.txt": b"\xfe\xff" + TEXT.format(n=2).encode("utf-16-be"),
        "utf16le-bare.txt": TEXT.format(n=3).encode("utf-16-le"),
        "utf16be-bare.txt": TEXT.format(n=4).encode("utf-16-be"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + TEXT.format(n=5).encode("utf-8"),
        "stray-nul.txt": TEXT.format(n=6).encode("utf-8").replace(b"word", b"word\x00", 1),
        # No declaration: ICU's detector reads the accents as Latin-1 / Windows-1252.
        "latin1.txt": (TEXT.format(n=7) + "Le président a déclaré que la réforme était "
                       "nécessaire; les députés ont manifesté à l'Assemblée.\n").encode("latin-1"),
        # Declared in an HTML-style head, with Windows-1252's curly quotes.
        "cp1252.txt": (TEXT.format(n=8) + '<meta charset="windows-1252">\n'
                       "\u201cGrüße aus München\u201d, sagte der Bürgermeister.\n").encode("cp1252"),
    }
    CONVERTED = ("utf16le-bom.txt", "utf16be-bom.txt", "utf16le-bare.txt", "utf16be-bare.txt",
                 "latin1.txt", "cp1252.txt")
    BINARY = {
        "image.txt": b"\x89PNG\r\n\x1a\n" + b"IHDR looks like text after the signature " * 20,
        "program.txt": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8,
        "nul-soup.txt": b"\x00" * 4096,
    }

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, data in {**cls.FILES, **cls.BINARY}.items():
            ws.write(name, data)
        cls.result = ws.index("--no-entities")

    def test_text_files_indexed_binary_ones_failed(self):
        s = harness.parse_summary(self.result.out)
        self.assertEqual((s["added"], s["failed"]), (len(self.FILES), len(self.BINARY)), self.result)
        self.assertEqual(self.result.code, 1, self.result)
        for name in self.BINARY:
            lines = [l for l in self.result.err.splitlines() if self.ws.path(name) in l]
            self.assertEqual(len(lines), 1, self.result.err)
            self.assertIn("binary", lines[0])

    def test_each_found_by_its_words_and_title(self):
        for n, name in enumerate(self.FILES, start=1):
            with self.subTest(name=name):
                self.assertEqual(self.ws.ids("zyxenc%d" % n), {name})
                # The accent came through the conversion: "cafe" finds "café".
                self.assertIn(name, self.ws.ids("cafe"))
                r = self.ws.newsdex("show", name, "--format", "json")
                self.assertEqual(r.code, 0, r)
                self.assertEqual(r.json()["title"], "Encoded article %d" % n)

    def test_conversions_counted_in_the_summary(self):
        self.assertIn("newsdexd: %d files read from another charset, 0 records failed alone"
                      % len(self.CONVERTED), self.result.out)

    def test_accents_of_legacy_charsets_searchable(self):
        for word in ("président", "president", "réforme", "députés"):
            self.assertEqual(self.ws.ids(word), {"latin1.txt"}, word)
        for word in ("grüße", "münchen", "bürgermeister", "munchen"):
            self.assertEqual(self.ws.ids(word), {"cp1252.txt"}, word)
        body = self.ws.newsdex("show", "cp1252.txt", "--format", "json").json()["body"]
        self.assertIn("\u201cGrüße aus München\u201d", body)
        for name, charset in (("latin1.txt", "read as"), ("cp1252.txt", "read as windows-1252")):
            line = [l for l in self.result.err.splitlines() if self.ws.path(name) in l]
            self.assertEqual(len(line), 1, self.result.err)
            self.assertIn(charset, line[0])

    def test_conversions_reported(self):
        err = self.result.err
        line = [l for l in err.splitlines() if self.ws.path("utf16le-bare.txt") in l]
        self.assertEqual(len(line), 1, err)
        self.assertIn("read as UTF-16LE", line[0])
        line = [l for l in err.splitlines() if self.ws.path("stray-nul.txt") in l]
        self.assertIn("NUL byte", line[0])


if __name__ == "__main__":
    harness.main()
