"""Chinese and Japanese end to end: whatever ICU's dictionary makes of a CJK text, a
query for any word in it finds it (documents are indexed as character unigrams and
bigrams, a query's CJK word is the phrase of its bigrams), phrases work inside CJK
text, and characters that appear but not side by side do not match."""

import unittest

import harness

ARTICLES = {
    "zh/trade.txt": (
        "中美贸易战影响全球经济\n\n"
        "多位经济学家认为，中美贸易战将导致全球经济增长放缓。商务部表示，关税措施会提高"
        "企业的生产成本，出口企业已经开始寻找新的市场。\n"),
    "zh/weather.txt": (
        "台风登陆广东沿海\n\n"
        "今年第十号台风于周二凌晨在广东沿海登陆，当地政府已经转移了数万名居民。"
        "气象部门预计，未来三天仍有强降雨。\n"),
    "ja/rain.txt": (
        "気象庁が大雨特別警報を発表\n\n"
        "気象庁は十日、九州北部の各県に大雨特別警報を発表した。河川の氾濫や土砂災害に"
        "最大級の警戒を呼びかけている。住民には早めの避難が求められている。\n"),
    "en/markets.txt": (
        "Markets slow as the trade war goes on\n\n"
        "Economists expect growth to slow as tariffs bite, traders said on Tuesday.\n"),
}


class CjkTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in ARTICLES.items():
            ws.write(name, text)
        cls.result = ws.index("--no-entities")

    def test_index_succeeds(self):
        self.assertEqual(self.result.code, 0, self.result)

    def test_every_word_is_found(self):
        for word, expected in (("贸易战", {"zh/trade.txt"}), ("经济学家", {"zh/trade.txt"}),
                               ("放缓", {"zh/trade.txt"}), ("気象庁", {"ja/rain.txt"}),
                               ("台风", {"zh/weather.txt"}), ("警報", {"ja/rain.txt"}),
                               ("避難", {"ja/rain.txt"}), ("土砂災害", {"ja/rain.txt"})):
            with self.subTest(word=word):
                self.assertEqual(self.ws.ids(word), expected)

    def test_one_character_and_title_words(self):
        self.assertEqual(self.ws.ids("战"), {"zh/trade.txt"})
        self.assertEqual(self.ws.ids("title:気象庁"), {"ja/rain.txt"})
        self.assertEqual(self.ws.ids("title:放缓"), set())  # in the body only

    def test_phrases_inside_cjk_text(self):
        self.assertEqual(self.ws.ids('"全球经济增长放缓"'), {"zh/trade.txt"})
        # Words the user spaced apart inside quotes are still one run of text.
        self.assertEqual(self.ws.ids('"经济增长 放缓"'), {"zh/trade.txt"})
        self.assertEqual(self.ws.ids('"大雨特別警報"'), {"ja/rain.txt"})

    def test_characters_not_side_by_side_do_not_match(self):
        # Every character of these is in the article, never in this order.
        self.assertEqual(self.ws.ids("增长经济"), set())
        self.assertEqual(self.ws.ids("放缓贸易"), set())
        self.assertEqual(self.ws.ids("庁気象"), set())
        self.assertEqual(self.ws.ids("地震"), set())  # not in any article

    def test_cjk_with_latin_words_and_operators(self):
        self.assertEqual(self.ws.ids("贸易战 OR trade"), {"zh/trade.txt", "en/markets.txt"})
        self.assertEqual(self.ws.ids("经济 NOT 贸易战"), set())
        self.assertEqual(self.ws.ids("沿海 NOT 贸易"), {"zh/weather.txt"})

    def test_languages_are_detected(self):
        r = self.ws.newsdex("facets", "language", "--format", "json")
        self.assertEqual(r.code, 0, r)
        values = {v["value"]: v["count"] for v in r.json()["values"]}
        self.assertEqual(values, {"zh": 2, "ja": 1, "en": 1})

    def test_count_matches_search(self):
        self.assertEqual(self.ws.count("贸易战"), 1)


if __name__ == "__main__":
    harness.main()
