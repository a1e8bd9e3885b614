"""Something to look at (issue #17 point 7): facets month and year list every period
between the first and the last (and over --since/--until), the empty ones with 0;
--chart draws the counts as bars (ASCII '#' in a pipe or with --color never, Unicode
blocks with --color always, as wide as $COLUMNS); newsdex graph writes entity
co-occurrence as DOT that parses by Graphviz's grammar and as JSON, with counts equal
to those of `newsdex count`."""

import json
import re
import unittest

import harness


def months_between(first, last):
    y, m = map(int, first.split("-"))
    out = []
    while "%04d-%02d" % (y, m) <= last:
        out.append("%04d-%02d" % (y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --- a parser of the DOT language (graphviz.org/doc/info/lang.html), enough of it to
# read any graph newsdex could write, and strict: anything else is an error.
TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|^#[^\n]*|(?P<str>"(?:[^"\\]|\\.)*")'
                   r'|(?P<id>[A-Za-z_\x80-\uffff][A-Za-z_0-9\x80-\uffff]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))'
                   r'|(?P<op>--|->|[{}\[\];,=:])', re.S | re.M)


def tokens(text):
    at, out = 0, []
    while at < len(text):
        m = TOKEN.match(text, at)
        if not m:
            raise ValueError("DOT: cannot read %r" % text[at:at + 20])
        at = m.end()
        if m.group("str"):
            out.append(("id", re.sub(r'\\(["\\])', r"\1", m.group("str")[1:-1])))
        elif m.group("id"):
            out.append(("id", m.group("id")))
        elif m.group("op"):
            out.append(("op", m.group("op")))
    return out


def parse_dot(text):
    """Returns (nodes: {id: attrs}, edges: [(a, b, attrs)], graph attrs)."""
    t = tokens(text)
    i = 0

    def peek():
        return t[i] if i < len(t) else (None, None)

    def take(kind, value=None):
        nonlocal i
        k, v = peek()
        if k != kind or (value is not None and v != value):
            raise ValueError("DOT: expected %s %s, got %r at token %d" % (kind, value, (k, v), i))
        i += 1
        return v

    def attr_list():
        attrs = {}
        while peek() == ("op", "["):
            take("op", "[")
            while peek() != ("op", "]"):
                key = take("id")
                take("op", "=")
                attrs[key] = take("id")
                if peek()[1] in (",", ";"):
                    take("op")
            take("op", "]")
        return attrs

    if peek() == ("id", "strict"):
        take("id")
    kind = take("id")
    if kind not in ("graph", "digraph"):
        raise ValueError("DOT: not a graph")
    edge_op = "--" if kind == "graph" else "->"
    if peek()[0] == "id":
        take("id")
    take("op", "{")
    nodes, edges, graph_attrs = {}, [], {}
    while peek() != ("op", "}"):
        first = take("id")
        if first in ("graph", "node", "edge") and peek() == ("op", "["):
            attrs = attr_list()
            if first == "graph":
                graph_attrs.update(attrs)
        elif peek() == ("op", "="):
            take("op", "=")
            graph_attrs[first] = take("id")
        elif peek() == ("op", edge_op):
            chain = [first]
            while peek() == ("op", edge_op):
                take("op", edge_op)
                chain.append(take("id"))
            attrs = attr_list()
            for a, b in zip(chain, chain[1:]):
                edges.append((a, b, attrs))
        else:
            nodes.setdefault(first, {}).update(attr_list())
        if peek() == ("op", ";"):
            take("op", ";")
    take("op", "}")
    if i != len(t):
        raise ValueError("DOT: text after the graph")
    return nodes, edges, graph_attrs


class VisualTest(harness.IndexedCorpusTest):

    def test_index(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)

    def months(self, *args):
        r = self.ws.newsdex("facets", "month", *args, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return [(v["value"], v["count"]) for v in r.json()["values"]]

    # --- zero-filled timelines ---------------------------------------------------------------

    def test_months_are_filled_between_the_first_and_the_last(self):
        values = self.months("trade")
        names = [v for v, _ in values]
        self.assertEqual(names, months_between(names[0], names[-1]))
        self.assertIn(0, [c for _, c in values])  # the trade stories leave some month empty
        self.assertEqual(sum(c for _, c in values), self.ws.count("trade"))
        for value, count in values:
            self.assertEqual(count, self.ws.count("trade", "--filter", "month:" + value))

    def test_since_and_until_bound_the_timeline(self):
        values = self.months("trade", "--since", "2017-11-05", "--until", "2019-03")
        self.assertEqual([v for v, _ in values], months_between("2017-11", "2019-03"))
        self.assertEqual(values[0], ("2017-11", 0))
        r = self.ws.newsdex("facets", "year", "--since", "2015", "--format", "json")
        years = [v["value"] for v in r.json()["values"]]
        self.assertEqual(years[0], "2015")
        self.assertEqual(years, [str(y) for y in range(2015, int(years[-1]) + 1)])

    def test_search_facets_are_filled_too(self):
        r = self.ws.newsdex("search", "trade", "--facet", "month", "-n", "0", "--format", "json")
        names = [v["value"] for v in r.json()["facets"]["month"]]
        self.assertEqual(names, months_between(names[0], names[-1]))
        text = self.ws.newsdex("facets", "month", "trade")
        self.assertRegex(text.out, r"\n +0  \d{4}-\d\d\n")

    # --- charts ------------------------------------------------------------------------

    def test_chart_in_a_pipe_is_ascii_and_fits_columns(self):
        for columns in ("40", "80", "132"):
            r = self.ws.newsdex("facets", "place", "--chart", "-n", "8",
                                env={"COLUMNS": columns})
            self.assertEqual(r.code, 0, r)
            lines = r.lines()
            self.assertEqual(lines[0], "place (articles)")
            counts = self.ws.newsdex("facets", "place", "-n", "8", "--format", "json").json()
            values = counts["values"]
            self.assertEqual(len(lines) - 1, len(values))
            largest = values[0]["count"]
            widest = max(len(line) for line in lines[1:])
            self.assertLessEqual(widest, int(columns))
            bars = [len(line) - len(line.rstrip("#")) for line in lines[1:]]
            self.assertGreater(bars[0], int(columns) // 3)  # the largest fills the line
            for line, v, bar in zip(lines[1:], values, bars):
                self.assertTrue(line.isascii(), line)
                self.assertIn(" %d " % v["count"], line + " ")
                self.assertGreaterEqual(bar, 1)
                # Bars are in proportion, to half a column.
                self.assertLessEqual(abs(bar - v["count"] / largest * bars[0]), 1.0, line)

    def test_chart_in_blocks_on_request(self):
        r = self.ws.newsdex("facets", "month", "trade", "--chart", "--color", "always",
                            env={"COLUMNS": "60"})
        self.assertEqual(r.code, 0, r)
        self.assertIn("\u2588", r.out)
        self.assertNotIn("#", r.out.replace("\x1b[1m", ""))
        self.assertRegex(r.out, r"\n  \d{4}-\d\d +0\n")  # an empty month: no bar
        r = self.ws.newsdex("facets", "month", "trade", "--chart", "--color", "never")
        self.assertIn("#", r.out)
        self.assertTrue(r.out.isascii())

    def test_search_facets_as_a_chart(self):
        r = self.ws.newsdex("search", "trade", "-n", "1", "--facet", "place,month", "--chart",
                            env={"COLUMNS": "50"})
        self.assertEqual(r.code, 0, r)
        lines = r.lines()
        chart = lines[lines.index("place (articles)") + 1:lines.index("month (articles)") - 1]
        self.assertTrue(chart)
        self.assertTrue(all(line.rstrip("#") != line and len(line) <= 50 for line in chart), r)
        plain = self.ws.newsdex("search", "trade", "-n", "1", "--facet", "place,month")
        self.assertNotIn("#", plain.out.split("place")[1])

    def test_chart_is_a_text_format(self):
        for args in (["facets", "place"], ["search", "trade", "--facet", "place"]):
            r = self.ws.newsdex(*args, "--chart", "--format", "json")
            self.assertEqual((r.code, r.out), (2, ""), r)
            self.assertIn("--chart", r.err)

    # --- graph --------------------------------------------------------------------------

    def graph_json(self, *args):
        r = self.ws.newsdex("graph", *args, "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def test_graph_counts_equal_filtered_counts(self):
        g = self.graph_json("trump", "--min-count", "1", "--limit", "12")
        self.assertEqual(g["matches"], self.ws.count("trump"))
        self.assertEqual(g["fields"], ["person", "place", "org"])
        self.assertTrue(g["nodes"])
        self.assertLessEqual(len(g["nodes"]), 12)
        ids = {n["id"] for n in g["nodes"]}
        self.assertEqual(len(ids), len(g["nodes"]))
        counts = [n["count"] for n in g["nodes"]]
        self.assertEqual(counts, sorted(counts, reverse=True))
        for n in g["nodes"]:
            self.assertEqual(n["id"], n["type"] + ":" + n["name"])
            self.assertEqual(n["count"], self.ws.count(
                "trump", "--filter", "%s:%s" % (n["type"], n["name"])), n)
        self.assertTrue(g["edges"])
        names = {n["id"]: n for n in g["nodes"]}
        for e in g["edges"][:15]:
            a, b = names[e["source"]], names[e["target"]]
            both = self.ws.count("trump", "--filter-all", "--filter", "%s:%s" % (a["type"], a["name"]),
                                 "--filter", "%s:%s" % (b["type"], b["name"]))
            self.assertEqual(e["count"], both, e)
            self.assertLessEqual(e["count"], min(a["count"], b["count"]))

    def test_graph_fields_limit_and_min_count(self):
        g = self.graph_json("", "--field", "person,org", "--min-count", "3", "--limit", "0")
        self.assertEqual(g["fields"], ["person", "org"])
        self.assertTrue(all(n["type"] in ("person", "org") for n in g["nodes"]))
        self.assertTrue(all(n["count"] >= 3 for n in g["nodes"]))
        self.assertTrue(all(e["count"] >= 3 for e in g["edges"]))
        g2 = self.graph_json("", "--field", "person", "--field", "org", "--min-count", "3",
                             "--limit", "0")
        self.assertEqual(g, g2)
        r = self.ws.newsdex("graph", "trump", "--field", "month")
        self.assertEqual((r.code, r.out), (2, ""), r)

    def test_graph_dot_parses_and_equals_the_json(self):
        r = self.ws.newsdex("graph", "trump", "--min-count", "1")
        self.assertEqual(r.code, 0, r)
        nodes, edges, attrs = parse_dot(r.out)
        g = self.graph_json("trump", "--min-count", "1")
        self.assertEqual(set(nodes), {n["id"] for n in g["nodes"]})
        for n in g["nodes"]:
            self.assertEqual(nodes[n["id"]]["label"], n["name"])
            self.assertEqual(nodes[n["id"]]["type"], n["type"])
            self.assertEqual(int(nodes[n["id"]]["count"]), n["count"])
        self.assertEqual(sorted((a, b, int(at["count"])) for a, b, at in edges),
                         sorted((e["source"], e["target"], e["count"]) for e in g["edges"]))
        self.assertEqual(attrs["label"], "trump")

    def test_dot_escapes_names(self):
        self.assertEqual(parse_dot('graph g { "a \\"b\\" \\\\c" [label="q"]; x; }')[0],
                         {"a \"b\" \\c": {"label": "q"}, "x": {}})
        with self.assertRaises(ValueError):
            parse_dot('graph g { "a" -- ; }')


if __name__ == "__main__":
    harness.main()
