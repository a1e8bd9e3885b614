// Tests through the public API with the shipped model (in the repository, no shared data).
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <thread>

#include "core/ner/entity_tagger.h"

using namespace newsdex::ner;

namespace {

const std::string kModel = std::string(NEWSDEX_SOURCE_DIR) + "/ner/model/newsdex-ner.model";

const EntityTagger& tagger() {
  static const std::unique_ptr<EntityTagger> t = EntityTagger::load(kModel);
  return *t;
}

const char* kArticle =
    "President Donald Trump met Russian President Vladimir Putin in Helsinki on Monday.\n\n"
    "Trump said the talks with Putin went well, according to the White House. "
    "On Saturday, the U.S. and Britain announced new sanctions.\n";

}  // namespace

TEST_CASE("extract finds typed, canonical entities with exact byte offsets") {
  std::string text = kArticle;
  std::vector<Entity> entities = tagger().extract(text);
  std::set<std::pair<std::string, std::string>> found;  // (type, canonical)
  for (const Entity& e : entities) {
    CHECK(text.substr(e.start, e.end - e.start) == e.text);
    found.emplace(entity_type_name(e.type), e.canonical);
    CHECK(e.text != "Saturday");
    CHECK(e.text != "Monday");
  }
  CHECK(found.count({"person", "Donald Trump"}));
  CHECK(found.count({"person", "Vladimir Putin"}));
  CHECK(found.count({"place", "Helsinki"}));
  CHECK(found.count({"place", "United States"}));
  CHECK(found.count({"place", "United Kingdom"}));
  for (const Entity& e : entities) {
    if (e.text == "Trump") CHECK(e.canonical == "Donald Trump");
  }
}

TEST_CASE("a middle initial without its full stop does not cut a name in two") {
  // The model tags "George W Bush" B-PER O B-PER; "John F Kennedy" it tags as one span.
  std::set<std::string> people;
  for (const Entity& e : tagger().extract("President George W Bush met Michael J Fox in "
                                          "Washington on Friday. Later Bush spoke to reporters."))
    if (e.type == EntityType::Person) people.insert(e.canonical);
  CHECK(people == std::set<std::string>{"George W. Bush", "Michael J Fox"});
}

TEST_CASE("extract is safe to call from several threads at once") {
  std::vector<Entity> expected = tagger().extract(kArticle);
  std::vector<std::vector<Entity>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&r] {
      for (int k = 0; k < 20; ++k) r = tagger().extract(kArticle);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    REQUIRE(r.size() == expected.size());
    for (std::size_t k = 0; k < r.size(); ++k) {
      CHECK(r[k].canonical == expected[k].canonical);
      CHECK(r[k].start == expected[k].start);
      CHECK(r[k].type == expected[k].type);
    }
  }
}

TEST_CASE("odd input gives no entities rather than an error") {
  CHECK(tagger().extract("").empty());
  CHECK(tagger().extract("   \n\n").empty());
  CHECK_NOTHROW(tagger().extract(std::string("\xFF\xFE\x00 abc", 7)));
}

TEST_CASE("entity type names are the facet names") {
  CHECK(std::string(entity_type_name(EntityType::Person)) == "person");
  CHECK(std::string(entity_type_name(EntityType::Place)) == "place");
  CHECK(std::string(entity_type_name(EntityType::Org)) == "org");
  CHECK(std::string(entity_type_name(EntityType::Misc)) == "misc");
}

TEST_CASE("a missing model is an error naming the file, and the environment picks the model") {
  CHECK_THROWS_WITH_AS(EntityTagger::load("/nonexistent/x.model"),
                       doctest::Contains("/nonexistent/x.model"), std::runtime_error);
  setenv("NEWSDEX_NER_MODEL", "/some/where.model", 1);
  CHECK(default_model_path() == "/some/where.model");
  unsetenv("NEWSDEX_NER_MODEL");
  CHECK(default_model_path().ends_with("ner/model/newsdex-ner.model"));
}
