"""Dates as people write them (issue 16, point 8): date:2018-04..2018-05 in the
query language, open ends, --since 2018-04, and times before today (--since 7d,
date:7d..)."""

import datetime
import unittest

import harness

TODAY = datetime.date.today()
TEN_DAYS_AGO = TODAY - datetime.timedelta(days=10)


def article(title, date):
    return "%s\n\n%s — The council met about the harbour.\n" % (title, date.isoformat())


ARTICLES = {
    "april.txt": article("April harbour", datetime.date(2018, 4, 10)),
    "april-end.txt": article("End of April harbour", datetime.date(2018, 4, 30)),
    "may.txt": article("May harbour", datetime.date(2018, 5, 31)),
    "june.txt": article("June harbour", datetime.date(2018, 6, 1)),
    "today.txt": article("Today's harbour", TODAY),
    "ten-days.txt": article("Harbour ten days ago", TEN_DAYS_AGO),
}
RECENT = {"today.txt", "ten-days.txt"}


class DateRangesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in ARTICLES.items():
            ws.write(name, text)
        cls.indexed = ws.index("--no-entities")

    def setUp(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_months_in_the_query_language(self):
        self.assertEqual(self.ws.ids("harbour date:2018-04..2018-05"),
                         {"april.txt", "april-end.txt", "may.txt"})
        self.assertEqual(self.ws.ids("date:2018-04..2018-04"), {"april.txt", "april-end.txt"})
        self.assertEqual(self.ws.ids("date:2018..2018"), set(ARTICLES) - RECENT)

    def test_open_ends(self):
        self.assertEqual(self.ws.ids("date:2018-05.."), {"may.txt", "june.txt"} | RECENT)
        self.assertEqual(self.ws.ids("date:..2018-04"), {"april.txt", "april-end.txt"})

    def test_since_and_until_take_months(self):
        self.assertEqual(self.ws.ids("harbour", "--since", "2018-05", "--until", "2018-05"),
                         {"may.txt"})
        self.assertEqual(self.ws.ids("harbour", "--since", "2018-06", "--until", "2018"),
                         {"june.txt"})

    def test_times_before_today(self):
        self.assertEqual(self.ws.ids("harbour", "--since", "7d"), {"today.txt"})
        self.assertEqual(self.ws.ids("harbour", "--since", "1w"), {"today.txt"})
        self.assertEqual(self.ws.ids("harbour", "--since", "14d"), RECENT)
        self.assertEqual(self.ws.ids("harbour", "--since", "today"), {"today.txt"})
        self.assertEqual(self.ws.ids("harbour", "--until", "7d"), set(ARTICLES) - {"today.txt"})
        self.assertEqual(self.ws.ids("date:7d.."), {"today.txt"})
        self.assertEqual(self.ws.ids("date:14d..7d"), {"ten-days.txt"})
        # A year back covers both recent articles, and none of 2018 (unless the
        # machine's clock is in 2019).
        self.assertEqual(self.ws.ids("harbour", "--since", "1y") & RECENT, RECENT)
        self.assertEqual(self.ws.count("harbour", "--since", "2m"), 2)

    def test_count_and_facets_take_the_same_dates(self):
        self.assertEqual(self.ws.count("date:2018-04..2018-05"), 3)
        r = self.ws.newsdex("facets", "month", "date:2018-04..2018-05", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.lines(), ["month\t2018-04\t2", "month\t2018-05\t1"])

    def test_malformed_dates_are_one_line_errors(self):
        for args in (["date:2018-13..2018-14"], ["date:soon.."], ["date:7x.."],
                     ["harbour", "--since", "7x"], ["harbour", "--until", "2018-02-30"],
                     ["harbour", "--since", "last-week"]):
            with self.subTest(args=args):
                r = self.ws.newsdex("search", *args)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(r.out, "")
                self.assertEqual(len(r.err.splitlines()), 1, r.err)
                self.assertRegex(r.err, r"^newsdex: malformed date")


if __name__ == "__main__":
    harness.main()
