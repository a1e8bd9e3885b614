// The spelling dictionary's one rule — a word is there with its article count when at
// least two articles hold it — whether the index was built at once from its terms or
// changed article by article, added, replaced and deleted in any order.
#include <doctest/doctest.h>
#include <xapian.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "indexer/spelling_data.h"
#include "tests/indexer/temp_corpus.h"

using namespace newsdex;

namespace {

using Dictionary = std::map<std::string, Xapian::doccount>;

Dictionary dictionary_of(const Xapian::Database& db) {
  Dictionary d;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) d[*w] = w.get_termfreq();
  return d;
}

// What the rule says the dictionary of `db` must be.
Dictionary rule_of(const Xapian::Database& db) {
  Dictionary d;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
    if (is_spelling_word(*t) && t.get_termfreq() >= kMinSpellingArticles) d[*t] = t.get_termfreq();
  return d;
}

Xapian::Document article(const std::string& id, const std::vector<std::string>& words) {
  Xapian::Document doc;
  doc.add_boolean_term("Q" + id);
  for (const auto& w : words) doc.add_term(w);
  return doc;
}

}  // namespace

TEST_CASE("spelling: words of one article are left out, the others counted by article") {
  testing::TempCorpus dir;
  Xapian::WritableDatabase db(dir.root() + "/db", Xapian::DB_CREATE);
  db.add_document(article("a", {"election", "budget", "zq", "2018", "slipp"}));
  db.add_document(article("b", {"election", "budget"}));
  db.add_document(article("c", {"election"}));
  add_spelling_from_terms(db);
  db.commit();
  CHECK(dictionary_of(db) == Dictionary{{"budget", 2}, {"election", 3}});
}

TEST_CASE("spelling: changes article by article keep the rule a first build gives") {
  testing::TempCorpus dir;
  Xapian::WritableDatabase db(dir.root() + "/db", Xapian::DB_CREATE);
  const std::vector<std::string> vocabulary = {"alpha", "bravo",   "charlie", "delta",
                                               "echo",  "foxtrot", "golf"};
  std::mt19937 random(7);
  auto some_words = [&] {
    std::vector<std::string> words;
    for (const auto& w : vocabulary)
      if (random() % 3 == 0) words.push_back(w);
    return words;
  };
  for (int step = 0; step < 300; ++step) {
    const std::string id = "doc" + std::to_string(random() % 12);
    SpellingChanges spelling(db);
    spelling.note_holders("Q" + id);
    if (random() % 4 == 0) {
      db.delete_document("Q" + id);
    } else {
      const Xapian::Document doc = article(id, some_words());
      spelling.note(doc);
      db.replace_document("Q" + id, doc);
    }
    spelling.apply(db);
    if (step % 50 == 49) db.commit();
    // The uncommitted state keeps the rule too: the next change reads it.
    REQUIRE(dictionary_of(db) == rule_of(db));
  }
  db.commit();
  const Dictionary incremental = dictionary_of(db);
  CHECK_FALSE(incremental.empty());

  // The same articles built at once give the same dictionary.
  Xapian::WritableDatabase fresh(dir.root() + "/fresh", Xapian::DB_CREATE);
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
    fresh.add_document(db.get_document(*p));
  add_spelling_from_terms(fresh);
  fresh.commit();
  CHECK(dictionary_of(fresh) == incremental);
}
