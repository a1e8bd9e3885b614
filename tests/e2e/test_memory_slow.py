"""Memory is bounded: indexing one huge article (with entities) takes at most ten times
its size beyond what a tiny one takes, whatever the text repeats: ordinary prose, one
name repeated a million times, invalid UTF-8 throughout. Peak RSS is read from the
kernel's accounting of the newsdexd process (a ratio, never a time)."""

import os
import random
import subprocess
import sys
import unittest

import harness

SIZE = 24 << 20  # bytes of each huge article
MAX_RATIO = 10


def peak_rss_bytes(args):
    """Runs `args` in a fresh Python whose only child it is; returns (exit, peak RSS)."""
    probe = ("import resource, subprocess, sys\n"
             "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
             " stderr=subprocess.DEVNULL).returncode\n"
             "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n")
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                         timeout=600, check=True).stdout.split()
    return int(out[0]), int(out[1])


def prose(seed):
    words = harness.corpus_text("world/kremlin-tweet-diplomacy.txt").split()
    rng = random.Random(seed)
    parts, size = [], 0
    while size < SIZE:
        line = " ".join(rng.choice(words) for _ in range(14)) + ".\n"
        parts.append(line)
        size += len(line)
    return "".join(parts).encode("utf-8")[:SIZE]


class MemoryBoundTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        tiny = os.path.join(ws.root, "tiny")
        os.makedirs(tiny)
        with open(os.path.join(tiny, "a.txt"), "w", encoding="utf-8") as f:
            f.write("Tiny\n\nA tiny article about Paul Smith in London.\n")
        code, cls.base = peak_rss_bytes(cls.indexer(tiny, os.path.join(ws.root, "tiny.db")))
        assert code == 0

    @staticmethod
    def indexer(corpus, db):
        return [harness.binary("newsdexd"), "--once", "--quiet", "--workers", "1",
                "--corpus", corpus, "--db", db]

    def check(self, name, body):
        folder = os.path.join(self.ws.root, name)
        os.makedirs(folder)
        with open(os.path.join(folder, "huge.txt"), "wb") as f:
            f.write(b"A huge article\n\n" + body)
        db = os.path.join(self.ws.root, name + ".db")
        code, peak = peak_rss_bytes(self.indexer(folder, db))
        self.assertEqual(code, 0)
        ratio = (peak - self.base) / len(body)
        print("  %s: %.0f MB article, peak RSS %.0f MB (base %.0f MB): %.1f x" %
              (name, len(body) / 1e6, peak / 1e6, self.base / 1e6, ratio), file=sys.stderr)
        self.assertLess(ratio, MAX_RATIO)
        self.assertEqual(int(self.ws.newsdex("count", "huge", db=db).out), 1)

    def test_prose(self):
        self.check("prose", prose(1))

    def test_repeated_names(self):
        line = b"Prime minister Paul Smith met Tony Blair of Acme Corp in London. "
        self.check("names", line * (SIZE // len(line)))

    def test_invalid_utf8(self):
        self.check("invalid", prose(2).replace(b" the ", b" th\xff "))


if __name__ == "__main__":
    harness.main()
