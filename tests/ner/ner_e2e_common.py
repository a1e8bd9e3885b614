"""Helpers of the newsdex-ner end-to-end tests: where the binary and the data are."""
import os
import subprocess
import sys

BIN = os.environ.get("NEWSDEX_NER_BIN", "newsdex-ner")
SOURCE_DIR = os.environ.get("NEWSDEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("NEWSDEX_SHARED", os.path.join(SOURCE_DIR, "..", "shared"))
MODEL = os.path.join(SOURCE_DIR, "ner", "model", "newsdex-ner.model")
SKIP = 77


def run(*args, stdin=None):
    """Runs newsdex-ner; returns (exit status, stdout, stderr) as text."""
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def require_shared(*parts):
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        print(f"SKIP: {path} is absent (shared data not available)")
        sys.exit(SKIP)
    return path


def finish(failures):
    for f in failures:
        print("FAIL:", f)
    print(f"{'FAILED' if failures else 'OK'}")
    sys.exit(1 if failures else 0)
