#!/usr/bin/env python3
"""scripts/bench --batch (issue #17 point 6): 1,000 queries on one corpus as one
`newsdex search --batch` process, as 1,000 `newsdex search` processes and as 1,000
`quest` processes; and the start-up of one call (`newsdex --version` against `quest
--version`). Prints a Markdown report; asserts nothing.

  batch.py CORPUS NEWSDEX_DB OMEGA_DB NEWSDEX_BIN [--queries N] [--startup-runs N]

The queries are the corpus's own words: two words of the title of every k-th article
(k spreading N queries over the corpus), searched for with AND (newsdex's default, and
quest -o and), 10 results each; newsdex writes JSON with snippets, quest its own text
without snippets. Wall time from a monotonic clock around the processes; CPU time is
the children's user + system time (getrusage), the figure least disturbed by other load.
Each batch is run three times and the middle run (by wall time) reported; the loops of
processes run once, their thousand processes averaging the load over seconds. Start-up
commands are run in turn, each run of one followed by a run of the others.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

STOP = set("""a an and are as at be but by for from has have in into is it its of on or
said says that the their this to was were will with after over up out new more than""".split())


def make_queries(corpus, n):
    files = []
    for d, dirs, names in os.walk(corpus):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for name in sorted(names):
            if name.endswith(".txt") and not name.upper().startswith("README"):
                files.append(os.path.join(d, name))
    step = max(1, len(files) // n)
    out = []
    for path in files[::step]:
        with open(path, encoding="utf-8", errors="replace") as f:
            title = f.readline()
        words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", title) if w.lower() not in STOP]
        if words:
            out.append(" ".join(words[:2]))
        if len(out) == n:
            break
    while len(out) < n:  # a corpus smaller than n: go round again
        out.append(out[len(out) % max(1, len(out))])
    return out


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn):
    cpu0, t0 = children_cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, children_cpu() - cpu0


def run_each(commands):
    def go():
        for c in commands:
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return timed(go)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("newsdex_db")
    p.add_argument("omega_db")
    p.add_argument("newsdex")
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--startup-runs", type=int, default=300)
    a = p.parse_args()
    quest = shutil.which("quest")
    queries = make_queries(a.corpus, a.queries)
    n = len(queries)
    print(f"bench: {n} queries, e.g. {queries[:3]}", file=sys.stderr)

    # Warm the page cache and the binaries first.
    subprocess.run([a.newsdex, "count", queries[0], "--db", a.newsdex_db], capture_output=True)
    subprocess.run([quest, "-d", a.omega_db, queries[0]], capture_output=True)

    batch_input = ("\n".join(queries) + "\n").encode()

    def batch(*flags):
        def go():
            r = subprocess.run([a.newsdex, "search", "--batch", "--db", a.newsdex_db, *flags],
                               input=batch_input, capture_output=True)
            answered = r.stdout.count(b"\n")
            if answered != n:
                raise SystemExit(f"bench: the batch answered {answered} of {n} queries")
        # The run of median wall time of three: a batch takes under a second, so one
        # run is at the mercy of a moment's load, where a loop of 1,000 processes
        # averages it out over several seconds.
        runs = sorted(timed(go) for _ in range(3))
        return runs[1]
    batch_s, batch_cpu = batch()
    bare_s, bare_cpu = batch("--no-snippet")
    proc_s, proc_cpu = run_each(
        [[a.newsdex, "search", q, "--db", a.newsdex_db, "--format", "json"] for q in queries])
    quest_s, quest_cpu = run_each(
        [[quest, "-d", a.omega_db, "-m", "10", "-o", "and", q] for q in queries])

    def startup(cmds):
        # Round-robin, not one command's runs then the next's: this machine's load
        # drifts over seconds, and a drift must fall on every command alike.
        times = [[] for _ in cmds]
        for _ in range(a.startup_runs):
            for cmd, t in zip(cmds, times):
                t0 = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
                t.append(time.perf_counter() - t0)
        return [(statistics.median(t) * 1000, min(t) * 1000) for t in times]
    (nd_med, nd_min), (q_med, q_min), (true_med, true_min) = startup(
        [[a.newsdex, "--version"], [quest, "--version"], ["/bin/true"]])

    def row(label, s, cpu):
        return (f"| {label} | {s:.2f} | {s / n * 1000:.2f} | {cpu:.2f} | "
                f"{proc_s / s:.1f}x ({proc_cpu / cpu:.1f}x) | {quest_s / s:.1f}x "
                f"({quest_cpu / cpu:.1f}x) |")
    print(f"## {n} queries on {os.path.basename(a.corpus.rstrip('/'))}\n")
    print("| how | wall s | ms a query | CPU s | faster than newsdex processes: wall (CPU) "
          "| faster than quest processes: wall (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(row("`newsdex search --batch` (one process, JSON with snippets)", batch_s, batch_cpu))
    print(row("`newsdex search --batch --no-snippet` (as quest: no snippets)", bare_s, bare_cpu))
    print(row(f"{n} `newsdex search --format json` processes", proc_s, proc_cpu))
    print(row(f"{n} `quest -o and` processes (no snippets)", quest_s, quest_cpu))
    print()
    print(f"## Start-up: median (fastest) of {a.startup_runs} runs each, taken in turn, ms\n")
    print("| command | median | fastest |")
    print("| --- | ---: | ---: |")
    print(f"| `newsdex --version` | {nd_med:.2f} | {nd_min:.2f} |")
    print(f"| `quest --version` | {q_med:.2f} | {q_min:.2f} |")
    print(f"| `/bin/true` (process creation alone) | {true_med:.2f} | {true_min:.2f} |")


if __name__ == "__main__":
    main()
