"""Shared helpers of the end-to-end tests: a temporary copy of corpus/, the real
newsdexd and newsdex binaries run with timeouts, their stdout, stderr and exit status
captured, and the temporary folder removed whatever happens.

Environment (set by tests/e2e/tests.cmake):
  NEWSDEX_BIN         the folder holding newsdexd and newsdex
  NEWSDEX_SOURCE_DIR  the repository root (its corpus/ is copied, never written)

A test file calls harness.main(): exit 0 on success, 1 on failure, 77 when the
binaries are missing (skipped).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SKIP = 77
TIMEOUT = 120  # seconds for one command: generous, never a measured assertion

SOURCE_DIR = os.environ.get(
    "NEWSDEX_SOURCE_DIR",
    os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BIN_DIR = os.environ.get("NEWSDEX_BIN", os.path.join(SOURCE_DIR, "build", "bin"))
CORPUS = os.path.join(SOURCE_DIR, "corpus")

# No configuration file of the user's may change what the programs do under test: every
# process started from here looks for one where there is none (tests of the file set
# NEWSDEX_CONFIG or XDG_CONFIG_HOME themselves).
os.environ.pop("NEWSDEX_CONFIG", None)
os.environ["XDG_CONFIG_HOME"] = os.path.join(tempfile.gettempdir(), "newsdex-e2e-no-config")

SUMMARY_RE = re.compile(
    r"^newsdexd: added (\d+), updated (\d+), removed (\d+), unchanged (\d+), failed (\d+) "
    r"in ([0-9.]+) s \(([0-9.]+) docs/s\)$")

# The fields of the contract (docs/cli-contract.md).
TOP_FIELDS = ["query", "total", "total_is_exact", "offset", "results", "facets", "suggestion"]
RESULT_FIELDS = ["rank", "id", "path", "title", "date", "source", "score", "snippet", "entities"]
ENTITY_FIELDS = ["person", "place", "org"]


def layout_version():
    """The index layout version this source tree writes (core/layout.h)."""
    with open(os.path.join(SOURCE_DIR, "core", "layout.h"), encoding="utf-8") as f:
        m = re.search(r"kVersion = (\d+);", f.read())
    return int(m.group(1))


def binary(name):
    return os.path.join(BIN_DIR, name)


def have_binaries():
    return all(os.access(binary(n), os.X_OK) for n in ("newsdexd", "newsdex"))


class Result:
    """What a command did: exit status, stdout and stderr (text, or bytes if raw)."""

    def __init__(self, args, code, out, err):
        self.args, self.code, self.out, self.err = args, code, out, err

    def __repr__(self):
        return "$ %s\nexit %d\n--- stdout\n%s\n--- stderr\n%s" % (
            " ".join(self.args), self.code, self.out, self.err)

    def json(self):
        return json.loads(self.out)

    def lines(self):
        return self.out.splitlines()


def run(args, env=None, cwd=None, raw=False, preexec_fn=None, input=None):
    """Runs a command with a timeout; never raises on a nonzero exit."""
    full_env = dict(os.environ)
    # Deterministic, colourless, no progress line, no stray configuration.
    for key in ("NEWSDEX_DB", "NEWSDEX_CORPUS", "NO_COLOR"):
        full_env.pop(key, None)
    full_env["TERM"] = "dumb"
    if env:
        full_env.update(env)
    p = subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, timeout=TIMEOUT,
                       preexec_fn=preexec_fn, input=input)
    if raw:
        return Result(args, p.returncode, p.stdout, p.stderr)
    return Result(args, p.returncode, p.stdout.decode("utf-8", "replace"),
                  p.stderr.decode("utf-8", "replace"))


class Workspace:
    """A temporary folder with a copy of corpus/ and a database path inside it."""

    def __init__(self, copy_corpus=True):
        self.root = tempfile.mkdtemp(prefix="newsdex-e2e-")
        self.corpus = os.path.join(self.root, "corpus")
        self.db = os.path.join(self.root, "newsdex.db")
        if copy_corpus:
            # corpus/formats/ holds one sample of each format (test_corpus_formats.py);
            # the tests of plain-text behaviour count and read the plain-text articles.
            shutil.copytree(CORPUS, self.corpus,
                            ignore=lambda d, names: ["formats"] if d == CORPUS else [])
        else:
            os.makedirs(self.corpus)

    def path(self, relative):
        return os.path.join(self.corpus, relative)

    def write(self, relative, data):
        full = self.path(relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(full, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
            f.write(data)
        return full

    def index(self, *extra, db=None, corpus=None, newsdexd=None, **kw):
        return run([newsdexd or binary("newsdexd"), "--once", "--quiet", "--corpus",
                    corpus or self.corpus, "--db", db or self.db, *extra], **kw)

    def runnable_by_anyone(self, name):
        """A copy of binary `name` and of the shipped schema inside the workspace, for a
        command run as another user (nobody): the checkout may lie where only its owner
        can reach it (/root is 0700 on a fresh Debian). Returns (binary, schema)."""
        folder = os.path.join(self.root, "bin")
        os.makedirs(folder, exist_ok=True)
        exe = shutil.copy(binary(name), os.path.join(folder, name))
        schema = shutil.copy(os.path.join(SOURCE_DIR, "schemas", "news.yaml"),
                             os.path.join(folder, "news.yaml"))
        # The entity model too, for a run with entities (NEWSDEX_NER_MODEL=self.model).
        self.model = shutil.copy(os.path.join(SOURCE_DIR, "ner", "model", "newsdex-ner.model"),
                                 os.path.join(folder, "newsdex-ner.model"))
        for path, mode in ((self.root, 0o755), (folder, 0o755), (exe, 0o755), (schema, 0o644),
                           (self.model, 0o644)):
            os.chmod(path, os.stat(path).st_mode & 0o777 | mode)  # only ever widened
        return exe, schema

    def newsdex(self, *args, db=None, **kw):
        cmd, rest = args[0], list(args[1:])
        return run([binary("newsdex"), cmd, "--db", db or self.db, *rest], **kw)

    def search_json(self, *args, **kw):
        return self.newsdex("search", "--format", "json", "--limit", "1000", *args, **kw)

    def ids(self, *query_and_flags, **kw):
        """The ids (corpus-relative paths) of every matching article, copies of one
        story included (--no-collapse); asserts exit 0 or 1."""
        r = self.search_json("--no-collapse", *query_and_flags, **kw)
        if r.code == 1:
            return set()
        if r.code != 0:
            raise AssertionError("search failed: %r" % r)
        return {h["id"] for h in r.json()["results"]}

    def count(self, *args):
        """`newsdex count --no-collapse`: the matching articles, every copy of a story
        (as facets and the graph count them, and as a grep of the files would)."""
        r = self.newsdex("count", "--no-collapse", *args)
        if r.code not in (0, 1):
            raise AssertionError("count failed: %r" % r)
        return int(r.out.strip())

    def cleanup(self):
        # Undo chmod 000 tricks so that everything can be removed.
        for dirpath, dirnames, filenames in os.walk(self.root):
            for name in dirnames + filenames:
                full = os.path.join(dirpath, name)
                if os.path.islink(full):
                    continue  # Linux cannot chmod a link; its target is not ours
                try:
                    os.chmod(full, 0o700)
                except OSError:
                    pass
        shutil.rmtree(self.root, ignore_errors=True)


def parse_summary(text):
    """The counts of newsdexd's summary line, as a dict; None if there is no such line."""
    for line in text.splitlines():
        m = SUMMARY_RE.match(line)
        if m:
            keys = ["added", "updated", "removed", "unchanged", "failed"]
            return dict(zip(keys, map(int, m.groups()[:5])))
    return None


def summary_rate(text):
    """(seconds, docs/s) of newsdexd's summary line; None if there is no such line."""
    for line in text.splitlines():
        m = SUMMARY_RE.match(line)
        if m:
            return float(m.group(6)), float(m.group(7))
    return None


def corpus_files():
    """Every article of corpus/ (relative paths) that newsdexd indexes: the files the
    shipped schema selects, less those with no text at all (reported, not indexed)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(CORPUS):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and not (dirpath == CORPUS and d == "formats")]
        for name in filenames:
            if name.startswith(".") or name.startswith("README") or name.endswith("~"):
                continue
            full = os.path.join(dirpath, name)
            if (name.endswith(".txt") or name.endswith(".md")) and has_text(full):
                out.append(os.path.relpath(full, CORPUS))
    return sorted(out)


def has_text(path):
    with open(path, "rb") as f:
        return f.read().strip() != b""


def read_corpus(relative):
    with open(os.path.join(CORPUS, relative), "rb") as f:
        return f.read()


def class_workspace(cls, **kw):
    """A workspace shared by the tests of class `cls` (as cls.ws), removed after the last
    one, or at once when setUpClass fails after this call."""
    cls.ws = Workspace(**kw)
    cls.addClassCleanup(cls.ws.cleanup)
    return cls.ws


# A few articles of corpus/ that tests needing only a small index copy.
SAMPLE_ARTICLES = ("world/kremlin-tweet-diplomacy.txt",
                   "business/2018-04-04-china-targets-us-soybeans.txt",
                   "politics/2018-07-16-trump-putin-helsinki-summit.txt")


def sample_workspace(cls, articles=SAMPLE_ARTICLES):
    """A class workspace (cls.ws) holding `articles` copied from corpus/, indexed;
    returns newsdexd's result."""
    ws = class_workspace(cls, copy_corpus=False)
    for rel in articles:
        ws.write(rel, read_corpus(rel))
    return ws.index()


def drop_to_nobody():
    """preexec_fn: run the child as nobody (root reads any file; nobody does not)."""
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


def test_workspace(test, **kw):
    """A workspace for one test (as test.ws), removed when the test ends."""
    test.ws = Workspace(**kw)
    test.addCleanup(test.ws.cleanup)
    return test.ws


def indexed_in_batches(cls, articles, orders):
    """One workspace per entry of `orders` (each a list of batches of names of
    `articles`, {name: text}), each batch written and indexed in its own newsdexd run;
    removed when the test class ends. For checks that the index does not depend on the
    order or the runs the files came in."""
    spaces = []
    for batches in orders:
        ws = Workspace(copy_corpus=False)
        cls.addClassCleanup(ws.cleanup)
        for batch in batches:
            for name in batch:
                ws.write(name, articles[name])
            r = ws.index()
            if r.code != 0:
                raise AssertionError(r)
        spaces.append(ws)
    return spaces


class IndexedCorpusTest(unittest.TestCase):
    """Base class: one workspace, the corpus indexed once for the whole test class."""

    index_args = ()

    @classmethod
    def setUpClass(cls):
        ws = class_workspace(cls)
        cls.prepare(ws)
        cls.first_index = ws.index(*cls.index_args)

    @classmethod
    def prepare(cls, ws):
        """Hook: change the corpus copy before the first index."""


def main():
    if not have_binaries():
        print("newsdexd/newsdex not found in %s: skipped" % BIN_DIR, file=sys.stderr)
        sys.exit(SKIP)
    program = unittest.main(exit=False, verbosity=2)
    sys.exit(0 if program.result.wasSuccessful() else 1)


# --- What the corpus says, read straight from its files (the tests' oracle) ---------

def corpus_text(relative):
    """A corpus file as text; mojibake is left as it is on disk."""
    return read_corpus(relative).decode("utf-8", "replace")


def title_and_body(relative):
    """Title: the first non-empty line; body: the rest (stripped)."""
    lines = corpus_text(relative).split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1:]).strip()
    return "", ""


_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def words(text):
    """Lower-cased words in order: close enough to the ICU segmentation for the words
    the tests ask about (plain letters, no digits or dots)."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def files_with(pattern, flags=re.IGNORECASE, where="all"):
    """Corpus files whose text (or title, or body) matches a regular expression."""
    rx = re.compile(pattern, flags)
    out = set()
    for rel in corpus_files():
        title, body = title_and_body(rel)
        text = {"all": title + "\n" + body, "title": title, "body": body}[where]
        if rx.search(text):
            out.add(rel)
    return out


_DATELINE_RE = re.compile(r"^\s*([A-Z][A-Z .,'\-]{1,50}?)\s*\(([^)\n]{1,60})\)\s*(?:–|—|-{1,2})")


def dateline(relative):
    """(PLACE, SOURCE) of the dateline opening the body or one of its first lines."""
    _, body = title_and_body(relative)
    for line in body[:400].split("\n"):
        m = _DATELINE_RE.match(line)
        if m:
            return m.group(1).strip(), m.group(2).strip()
    return None


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]


def _month(word):
    w = word.lower().rstrip(".")
    for i, m in enumerate(_MONTHS):
        if w == m or (3 <= len(w) <= 4 and w != "may" and m.startswith(w)):
            return i + 1
    return 0


def find_date(text):
    """The first date written 2018-04-12, April 12, 2018 or 12 April 2018, as
    YYYY-MM-DD, or None."""
    import datetime
    rx = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
                    r"|\b([A-Za-z][A-Za-z.]*)[ ,]+(\d{1,2})[ ,]+(\d{4})(?!\d)"
                    r"|(?<!\d)(\d{1,2})[ ,]+([A-Za-z][A-Za-z.]*)[ ,]+(\d{4})(?!\d)")
    for m in rx.finditer(text):
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif m.group(4):
            y, mo, d = int(m.group(6)), _month(m.group(4)), int(m.group(5))
        else:
            y, mo, d = int(m.group(9)), _month(m.group(8)), int(m.group(7))
        try:
            return datetime.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def text_date(relative):
    """The date an article gives in its title or near its start, or None."""
    title, body = title_and_body(relative)
    return find_date(title) or find_date(body.encode("utf-8")[:400].decode("utf-8", "ignore"))
