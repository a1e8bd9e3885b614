#!/usr/bin/env python3
"""Helpers for scripts/bench (stdlib only). Subcommands:

  corpus-stats DIR                    -> "FILES BYTES" of the articles (*.txt, not README*)
  fts5-load DIR DB                    SQLite FTS5 loader (porter tokenizer, bm25 title x3)
  commands TOOL TARGET BIN            -> one command line per query (shell words, for hyperfine -N)
  counts TOOL TARGET BIN              -> one match count per query ("-" when unknown)
  rss FILE                            -> peak RSS in MB from /usr/bin/time -v output
  in-process TARGET BIN RUNS OUT      run each query RUNS times with newsdex --stats and
                                      write the in-process ms (per query, a list) to OUT
  report ...                          see cmd_report
"""
import json
import os
import re
import shlex
import sqlite3
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def queries():
    out = []
    with open(os.path.join(HERE, "queries.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, nd, quest, recoll, fts, section = line.split("\t")
            out.append(dict(kind=kind, newsdex=nd, quest=quest, recoll=recoll, fts=fts,
                            section=None if section == "-" else section))
    return out


def articles(root):
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for f in sorted(files):
            if f.endswith(".txt") and not f.startswith((".", "README")):
                yield os.path.join(d, f)


def cmd_corpus_stats(root):
    n = b = 0
    for p in articles(root):
        n += 1
        b += os.path.getsize(p)
    print(n, b)


def cmd_fts5_load(root, db):
    """One transaction; path and section stored but not indexed; title and body indexed
    with the porter stemmer over unicode61 (case and diacritics folded)."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, section UNINDEXED, "
                "title, body, tokenize='porter unicode61 remove_diacritics 2')")
    con.execute("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(0, 0, 3.0, 1.0)')")

    def rows():
        for p in articles(root):
            with open(p, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            title, _, body = text.lstrip("\n").partition("\n")
            rel = os.path.relpath(p, root)
            yield rel, os.path.basename(os.path.dirname(p)), title, body

    with con:
        con.executemany("INSERT INTO docs(path, section, title, body) VALUES (?, ?, ?, ?)", rows())
    con.execute("INSERT INTO docs(docs) VALUES('optimize')")
    con.commit()
    con.close()


def fts_sql(q, count=False):
    match = q["fts"].replace("'", "''")
    where = f"docs MATCH '{match}'"
    if q["section"]:
        where += f" AND section = '{q['section']}'"
    if count:
        return f"SELECT count(*) FROM docs WHERE {where};"
    return ("SELECT path, title, snippet(docs, 3, '[', ']', '...', 16), rank FROM docs "
            f"WHERE {where} ORDER BY rank LIMIT 10;")


def command(tool, target, binary, q):
    """The command a script would run for query q, as a list of words."""
    if tool in ("newsdex", "newsdex-noent"):
        return [binary, "search", *shlex.split(q["newsdex"]), "--db", target, "--format", "json"]
    if tool == "quest":
        # omindex gives text/plain files no title and no folder term: title: and the
        # section filter have no equivalent, so quest gets the words alone.
        words = q["quest"].replace("title:", "")
        return [binary, "-d", target, "-m", "10", "-o", "and", "-f", "default,wildcard", words]
    if tool == "recoll":
        query = q["recoll"] + (f" dir:{q['section']}" if q["section"] else "")
        return [binary, "-c", target, "-A", "-n", "10", query]
    if tool == "fts5":
        return [binary, "-readonly", target, fts_sql(q)]
    raise SystemExit(f"bench.py: unknown tool {tool}")


def cmd_commands(tool, target, binary):
    for q in queries():
        print(shlex.join(command(tool, target, binary, q)))


def count(tool, target, binary, q):
    try:
        if tool in ("newsdex", "newsdex-noent"):
            # `count` is exact (search -n 0 reports Xapian's estimate for AND queries)
            args, words = shlex.split(q["newsdex"]), []
            while args:
                a = args.pop(0)
                if a == "--facet":
                    args.pop(0)
                else:
                    words.append(a)
            r = subprocess.run([binary, "count", *words, "--db", target], capture_output=True, text=True)
            return r.stdout.strip() or "-"
        if tool == "quest":
            cmd = command(tool, target, binary, q)
            cmd[cmd.index("-m") + 1] = "0"
            cmd[-1:-1] = ["-c", "100000000"]
            r = subprocess.run(cmd, capture_output=True, text=True)
            m = re.search(r"(\d+) matches", r.stdout)
            return m.group(1) if m else "-"
        if tool == "recoll":
            query = q["recoll"] + (f" dir:{q['section']}" if q["section"] else "")
            r = subprocess.run([binary, "-c", target, "-Q", query], capture_output=True, text=True)
            m = re.search(r"(\d+) results", r.stdout + r.stderr)
            return m.group(1) if m else "-"
        if tool == "fts5":
            r = subprocess.run([binary, "-readonly", target, fts_sql(q, count=True)],
                               capture_output=True, text=True)
            return r.stdout.strip() or "-"
    except (OSError, ValueError, KeyError):
        pass
    return "-"


def cmd_counts(tool, target, binary):
    for q in queries():
        print(count(tool, target, binary, q))


def cmd_rss(path):
    """-> "RSS_MB CPU_S" from /usr/bin/time -v output."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    u = re.search(r"User time \(seconds\): ([\d.]+)", text)
    s = re.search(r"System time \(seconds\): ([\d.]+)", text)
    cpu = float(u.group(1)) + float(s.group(1)) if u and s else float("nan")
    print(f"{int(m.group(1)) / 1024:.0f}" if m else "-", f"{cpu:.2f}")


def cmd_in_process(target, binary, runs, out_path):
    """Time inside the process (main() to output), as `newsdex --stats` reports it: the
    whole-process time less the dynamic loader and process start-up."""
    per_query = []
    for q in queries():
        cmd = command("newsdex", target, binary, q) + ["--stats"]
        times = []
        for _ in range(int(runs) + 1):  # the first run warms the page cache, as hyperfine's
            r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, check=False)
            m = re.search(r"stats: ([\d.]+) ms in process", r.stderr)
            if not m:
                raise SystemExit(f"bench.py: no --stats line from {shlex.join(cmd)}: {r.stderr}")
            times.append(float(m.group(1)))
        per_query.append(times[1:])
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(per_query, f)


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def load_hyperfine(path):
    """-> list (one per query) of lists of run times in ms."""
    with open(path, encoding="utf-8") as f:
        return [[t * 1000 for t in r["times"]] for r in json.load(f)["results"]]


def load_hyperfine_cpu(path):
    """-> list (one per query) of mean CPU time (user + system) in ms."""
    with open(path, encoding="utf-8") as f:
        return [(r["user"] + r["system"]) * 1000 for r in json.load(f)["results"]]


def fmt(x, digits=1):
    if x is None or x != x:
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or a != a or b != b or b == 0:
        return "n/a"
    return f"{a / b:.2f}"


def cmd_report(spec_path):
    """spec: JSON written by scripts/bench: {"title", "header": [lines], "tools": [{"name",
    "label", "docs", "bytes", "index_s", "size_mb", "rss_mb", "hyperfine", "counts",
    "notes"}], "corpus_bytes", "footer": [lines]}. Prints Markdown."""
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    qs = queries()
    tools = spec["tools"]
    for t in tools:
        runs = load_hyperfine(t["hyperfine"]) if t.get("hyperfine") and os.path.exists(t["hyperfine"]) else None
        t["per_query"] = [statistics.mean(r) for r in runs] if runs else None
        t["all_runs"] = [x for r in runs for x in r] if runs else None
        t["query_mean"] = statistics.mean(t["per_query"]) if runs else None
        t["p50"] = percentile(t["all_runs"], 50) if runs else None
        t["p95"] = percentile(t["all_runs"], 95) if runs else None
        t["query_cpu"] = statistics.mean(load_hyperfine_cpu(t["hyperfine"])) if runs else None
        s = t.get("index_s")
        t["docs_s"] = t["docs"] / s if s else None
        t["mb_s"] = spec["corpus_bytes"] / 1e6 / s if s else None
    ref = tools[0]
    out = [f"## {spec['title']}", ""]
    out += spec.get("header", [])
    out.append("")
    names = [t["label"] for t in tools]
    out.append("| figure | " + " | ".join(names) + " | " +
               " | ".join(f"{ref['label']} / {t['label']}" for t in tools[1:]) + " |")
    out.append("|---" * (1 + len(tools) + len(tools) - 1) + "|")
    rows = [("documents indexed", "docs", 0, False),
            ("indexing wall time (s)", "index_s", 2, True),
            ("indexing CPU time, user + system (s)", "index_cpu_s", 2, True),
            ("indexing docs/s", "docs_s", 0, True),
            ("indexing MB/s", "mb_s", 2, True),
            ("index size on disk (MB)", "size_mb", 1, True),
            ("peak RSS while indexing (MB)", "rss_mb", 0, True),
            ("query process, mean of 20 (ms)", "query_mean", 1, True),
            ("query process, p50 (ms)", "p50", 1, True),
            ("query process, p95 (ms)", "p95", 1, True),
            ("query process CPU, user + system, mean (ms)", "query_cpu", 1, True)]
    for label, key, digits, with_ratio in rows:
        vals = [t.get(key) for t in tools]
        cells = [fmt(v, digits) if isinstance(v, (int, float)) else "n/a" for v in vals]
        rs = [ratio(vals[0], v) if with_ratio and isinstance(v, (int, float)) else "" for v in vals[1:]]
        out.append(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(rs) + " |")
    out.append("")
    out.append("Per query: mean ms per whole process (matches in brackets; "
               "\"–\" = the tool has no equivalent and ran the closest query):")
    out.append("")
    out.append("| # | kind | newsdex query | " + " | ".join(names) + " |")
    out.append("|---" * (3 + len(tools)) + "|")
    for i, q in enumerate(qs):
        cells = []
        for t in tools:
            if not t["per_query"]:
                cells.append("n/a")
                continue
            c = t["counts"][i] if t.get("counts") and i < len(t["counts"]) else "-"
            mark = ""
            if t["name"] == "quest" and (q["section"] or "title:" in q["quest"]):
                mark = "–"
            if t["name"] == "recoll" and "title:" in q["recoll"]:
                mark = "–"
            if t["name"] != "newsdex" and t["name"] != "newsdex-noent" and "--facet" in q["newsdex"]:
                mark += "†"
            cells.append(f"{fmt(t['per_query'][i])} ({c}){mark}")
        nd = q["newsdex"].replace("|", "\\|")
        out.append(f"| {i + 1} | {q['kind']} | `{nd}` | " + " | ".join(cells) + " |")
    out.append("")
    out.append("† facets: n/a for the peer (it ran the query without facets). "
               "– quest: omindex gives plain-text files no title and no folder term, so "
               "`title:` and the section filter ran as the bare words; recoll gives plain-text files "
               "no title either (`title:` finds nothing).")
    out += [""] + spec.get("footer", [])
    print("\n".join(out))


def cmd_scale_report(spec_path):
    """Scale mode: one tool, whole-process times with p50/p95 and facet times."""
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    qs = queries()
    runs = load_hyperfine(spec["hyperfine"])
    allr = [x for r in runs for x in r]
    per = [statistics.mean(r) for r in runs]
    out = [f"## {spec['title']}", ""] + spec.get("header", []) + [""]
    s = spec["index_s"]
    out += ["| figure | value |", "|---|---|",
            f"| articles | {spec['docs']:,} |",
            f"| corpus size (MB) | {spec['corpus_bytes'] / 1e6:,.1f} |",
            f"| make-corpus time (s) | {spec.get('make_s', 'reused')} |",
            f"| indexing wall time (s) | {s:,.1f} |",
            f"| indexing CPU time, user + system (s) | {spec.get('index_cpu_s', 0):,.1f} |",
            f"| indexing docs/s | {spec['docs'] / s:,.0f} |",
            f"| indexing MB/s | {spec['corpus_bytes'] / 1e6 / s:,.2f} |",
            f"| index size on disk (MB) | {spec['size_mb']:,.1f} |",
            f"| peak RSS while indexing (MB) | {spec['rss_mb']} |",
            f"| 20 queries, whole process: mean / p50 / p95 (ms) | {statistics.mean(allr):,.1f} / "
            f"{percentile(allr, 50):,.1f} / {percentile(allr, 95):,.1f} |",
            f"| 20 queries, whole process CPU (user + system), mean (ms) | "
            f"{statistics.mean(load_hyperfine_cpu(spec['hyperfine'])):,.1f} |",
            f"| {spec.get('process_label', 'process start')} (ms) | {spec.get('process_ms', 'n/a')} |"]
    if spec.get("in_process"):
        with open(spec["in_process"], encoding="utf-8") as f:
            inside = [x for r in json.load(f) for x in r]
        out.append(f"| 20 queries, in process (`newsdex --stats`): mean / p50 / p95 (ms) | "
                   f"{statistics.mean(inside):,.1f} / {percentile(inside, 50):,.1f} / "
                   f"{percentile(inside, 95):,.1f} |")
    for label, path in spec.get("facets", []):
        r = load_hyperfine(path)[0]
        cpu = load_hyperfine_cpu(path)[0]
        out.append(f"| {label}: mean / p50 / p95 (ms); CPU | {statistics.mean(r):,.1f} / "
                   f"{percentile(r, 50):,.1f} / {percentile(r, 95):,.1f}; {cpu:,.1f} |")
    out += ["", "| # | kind | newsdex query | mean ms | matches |", "|---|---|---|---|---|"]
    for i, q in enumerate(qs):
        c = spec["counts"][i] if i < len(spec.get("counts", [])) else "-"
        nd = q["newsdex"].replace("|", "\\|")
        out.append(f"| {i + 1} | {q['kind']} | `{nd}` | {fmt(per[i])} | {c} |")
    out += [""] + spec.get("footer", [])
    print("\n".join(out))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    {"corpus-stats": cmd_corpus_stats, "fts5-load": cmd_fts5_load, "commands": cmd_commands,
     "counts": cmd_counts, "rss": cmd_rss, "in-process": cmd_in_process, "report": cmd_report,
     "scale-report": cmd_scale_report}[cmd](*args)


if __name__ == "__main__":
    main()
