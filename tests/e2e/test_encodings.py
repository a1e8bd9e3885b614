"""Text is text: UTF-16 with or without a byte-order mark, UTF-8 with a mark and an
article with stray NUL bytes are read as text and found by their words; real binary
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
    }
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

    def test_conversions_reported(self):
        err = self.result.err
        line = [l for l in err.splitlines() if self.ws.path("utf16le-bare.txt") in l]
        self.assertEqual(len(line), 1, err)
        self.assertIn("read as UTF-16LE", line[0])
        line = [l for l in err.splitlines() if self.ws.path("stray-nul.txt") in l]
        self.assertIn("NUL byte", line[0])


if __name__ == "__main__":
    harness.main()
