"""newsdex folds the names typed in filters through the alias list the index was built
with, which the database records: not through whatever alias file lies around when the
search runs."""

import os

import harness


class StoredAliasTest(harness.IndexedCorpusTest):

    @classmethod
    def prepare(cls, ws):
        # The shipped list plus one alias of our own.
        with open(os.path.join(harness.SOURCE_DIR, "schemas", "aliases.yaml"),
                  encoding="utf-8") as f:
            text = f.read()
        cls.aliases = os.path.join(ws.root, "aliases.yaml")
        with open(cls.aliases, "w", encoding="utf-8") as f:
            f.write(text.replace("place:\n", "place:\n  Moscow: [Moskva]\n", 1))
        cls.index_env = {"NEWSDEX_NER_ALIASES": cls.aliases}

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        cls.prepare(ws)
        cls.first_index = ws.index(env=cls.index_env)
        # The same corpus with the shipped list only.
        cls.plain_db = os.path.join(ws.root, "plain.db")
        cls.plain_index = ws.index(db=cls.plain_db)

    def test_indexes_succeed(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)
        self.assertEqual(self.plain_index.code, 0, self.plain_index)

    def test_an_alias_of_the_index_resolves_without_the_alias_file(self):
        moscow = self.ws.ids("--filter", "place:Moscow")
        self.assertTrue(moscow)
        # No NEWSDEX_NER_ALIASES here: the list comes from the database.
        self.assertEqual(self.ws.ids("--filter", "place:Moskva"), moscow)
        self.assertEqual(self.ws.ids("place:moskva"), moscow)
        self.assertEqual(self.ws.count("--filter", "place:Moskva"), len(moscow))
        # The shipped aliases are recorded too.
        us = self.ws.ids("--filter", "place:United States")
        self.assertTrue(us)
        self.assertEqual(self.ws.ids("--filter", "place:U.S."), us)

    def test_an_alias_file_at_search_time_changes_nothing(self):
        moscow = self.ws.ids("--filter", "place:Moscow", db=self.plain_db)
        self.assertTrue(moscow)
        # The plain index never knew Moskva, and naming our list now does not teach it.
        self.assertEqual(self.ws.ids("--filter", "place:Moskva", db=self.plain_db), set())
        self.assertEqual(self.ws.ids("--filter", "place:Moskva", db=self.plain_db,
                                     env={"NEWSDEX_NER_ALIASES": self.aliases}), set())
        us = self.ws.ids("--filter", "place:United States", db=self.plain_db)
        self.assertTrue(us)
        self.assertEqual(self.ws.ids("--filter", "place:U.S.", db=self.plain_db), us)

    def test_an_alias_list_that_is_not_utf8_is_refused_naming_file_and_line(self):
        bad = os.path.join(self.ws.root, "bad-aliases.yaml")
        with open(bad, "wb") as f:
            f.write(b"place:\n  United States: [US]\n  Caf\xe9: [Cafe]\n")
        r = self.ws.index(db=os.path.join(self.ws.root, "bad.db"),
                          env={"NEWSDEX_NER_ALIASES": bad})
        self.assertEqual(r.code, 2, r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertIn(bad + ": aliases: line 3: a name that is not UTF-8", r.err)


if __name__ == "__main__":
    harness.main()
