// What a document stores: the article's fields round-trip through its header and body slots,
// name lists through their slots, fingerprints through theirs; and the document the
// builder makes carries the terms and values of the layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/document_builder.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "tests/unit/test_index.h"

using namespace newsdex;
using newsdex::testing::make_article;
using newsdex::testing::news_schema;

namespace {

Article round_trip(const Article& a) {
  Xapian::Document doc;
  store_article(a, doc);
  return load_article(doc);
}

}  // namespace

TEST_CASE("stored data: every field of an article round-trips") {
  Article a = make_article(
      "world/kremlin-tweet-diplomacy.txt", "Kremlin: “We do not practice tweet diplomacy”",
      "UNITED STATES (OBSERVATORY) –\xC2\xA0Moscow…\n\nSecond \"quoted\" \\ para.\n", "20180412",
      "OBSERVATORY", "world");
  a.dateline_place = "United States";
  a.date_from_text = false;
  a.people = {{"Donald Trump", "donald trump"}, {"Dmitry Peskov", "dmitry peskov"}};
  a.places = {{"Moscow", "moscow"}, {"United States", "united states"}};
  a.orgs = {{"Twitter", "twitter"}};

  const Article b = round_trip(a);
  CHECK(b.path == a.path);
  CHECK(b.title == a.title);
  CHECK(b.body == a.body);
  CHECK(b.date == a.date);
  CHECK(b.date_from_text == a.date_from_text);
  CHECK(b.source == a.source);
  CHECK(b.dateline_place == a.dateline_place);
  CHECK(b.section == a.section);
  auto canon = [](const std::vector<NamedEntity>& v) {
    std::vector<std::string> out;
    for (const auto& n : v) out.push_back(n.canonical);
    return out;
  };
  CHECK(canon(b.people) == std::vector<std::string>{"Donald Trump", "Dmitry Peskov"});
  CHECK(canon(b.places) == std::vector<std::string>{"Moscow", "United States"});
  CHECK(canon(b.orgs) == std::vector<std::string>{"Twitter"});
}

TEST_CASE("stored data: an empty article round-trips") {
  const Article a = make_article("politics/empty.txt", "", "");
  const Article b = round_trip(a);
  CHECK(b.path == "politics/empty.txt");
  CHECK(b.title.empty());
  CHECK(b.body.empty());
  CHECK(b.people.empty());
}

TEST_CASE("stored data: data newsdex did not write is refused") {
  CHECK_THROWS_AS(decode_article_header("not json at all"), std::runtime_error);
  CHECK_THROWS_AS(decode_article_header(""), std::runtime_error);
  CHECK_THROWS_AS(decode_article_header("[1,2,3]"), std::runtime_error);
  CHECK_THROWS_AS(decode_article_header("{\"path\":\"a\"} trailing"), std::runtime_error);
  // A document of another program: data, and no header slot.
  Xapian::Document doc;
  doc.set_data("{\"path\":\"a\"}\nbody");
  CHECK_THROWS_AS(load_article(doc), std::runtime_error);
}

TEST_CASE("stored data: without its body when the caller asks for the header alone") {
  Xapian::Document doc;
  store_article(make_article("a/b.txt", "Title", "The body.\n"), doc);
  const Article a = load_article(doc, false);
  CHECK(a.path == "a/b.txt");
  CHECK(a.title == "Title");
  CHECK(a.body.empty());
  CHECK(load_article(doc).body == "The body.\n");
}

TEST_CASE("stored data: the content hash covers the header and the body") {
  auto hash = [](const Article& a) {
    Xapian::Document doc;
    store_article(a, doc);
    return stored_content_hash(doc);
  };
  const Article a = make_article("a/b.txt", "Title", "The body.\n");
  Article retitled = a;
  retitled.title = "Other";
  Article rewritten = a;
  rewritten.body = "Another body.\n";
  CHECK(hash(a) == hash(a));
  CHECK(hash(a) != hash(retitled));
  CHECK(hash(a) != hash(rewritten));
  // One text split in two places is not the same content.
  Article moved = a;
  moved.title = "Title\nThe";
  moved.body = " body.\n";
  CHECK(hash(a) != hash(moved));
  CHECK(content_hash("headerbody") == content_hash("body", content_hash("header")));
}

TEST_CASE("stored data: keys newsdex does not know are skipped, nested ones too") {
  const Article a = decode_article_header(
      R"({"path":"p.txt","extra":{"title":"no","person":["No"]},"words":3,"title":"T",)"
      R"("person":["Ann Lee"],"later":[1,"x"]})");
  CHECK(a.path == "p.txt");
  CHECK(a.title == "T");
  REQUIRE(a.people.size() == 1);
  CHECK(a.people[0].canonical == "Ann Lee");
}

// A header with no backslash is read without the JSON parser (stored_article.cc); one
// with an escape anywhere goes to the parser. Both must read the same article.
TEST_CASE("stored data: the plain header reader and the parser read the same fields") {
  const std::vector<std::string> headers = {
      R"({"date":"20180412","date_from_text":true,"location":["Moscow","Syria"],)"
      R"("org":[],"path":"a/b.txt","person":["Ann Lee"],"place":"MOSCOW","section":"a",)"
      R"("source":"WIRE","title":"Café “quoted”"})",
      R"({"author":["A B","C"],"date":"","date_from_text":false,"language":"de",)"
      R"("location":[],"org":["NATO"],"path":"x.html","person":[],"place":"",)"
      R"("section":"","source":"","title":"T","topic":["t1"],"url":"https://e.x/1",)"
      R"("words":12,"score":-1.5e3,"gone":null,"flag":true})",
      R"({})", R"({"path":"p","path":"q","person":["One"],"person":["Two"]})"};
  for (const auto& h : headers) {
    // The same header, once without a backslash and once with an escape the plain
    // reader must leave to the parser.
    const std::string& plain = h;
    REQUIRE(plain.find('\\') == std::string::npos);
    const std::string escaped =
        plain == "{}" ? R"({"z":"\n"})" : plain.substr(0, plain.size() - 1) + R"(,"z":"\n"})";
    const Article a = decode_article_header(plain);
    const Article b = decode_article_header(escaped);
    CAPTURE(plain);
    CHECK(a.path == b.path);
    CHECK(a.title == b.title);
    CHECK(a.date == b.date);
    CHECK(a.date_from_text == b.date_from_text);
    CHECK(a.source == b.source);
    CHECK(a.dateline_place == b.dateline_place);
    CHECK(a.section == b.section);
    CHECK(a.url == b.url);
    CHECK(a.language == b.language);
    CHECK(a.authors == b.authors);
    CHECK(a.topics == b.topics);
    auto canon = [](const std::vector<NamedEntity>& v) {
      std::vector<std::string> out;
      for (const auto& n : v) out.push_back(n.canonical);
      return out;
    };
    CHECK(canon(a.people) == canon(b.people));
    CHECK(canon(a.places) == canon(b.places));
    CHECK(canon(a.orgs) == canon(b.orgs));
  }
  const Article first = decode_article_header(headers[0]);
  CHECK(first.title == "Caf\xC3\xA9 “quoted”");
  CHECK(first.date_from_text);
  const Article second = decode_article_header(headers[1]);
  CHECK(second.authors == std::vector<std::string>{"A B", "C"});
  CHECK(second.url == "https://e.x/1");
  // Malformed plain headers are refused, not half read.
  for (const char* bad : {R"({"path":"a",})", R"({"path":"a")", R"({"path":["a",]})",
                          R"({"path":"a"}})", R"({"path":tru})", R"({"path" "a"})"})
    CHECK_THROWS_AS(decode_article_header(bad), std::runtime_error);
}

TEST_CASE("stored data: name lists and fingerprints round-trip") {
  const std::vector<NamedEntity> names = {
      {"Donald Trump", ""}, {"Xi Jinping", ""}, {"São Paulo", ""}};
  CHECK(decode_name_list(encode_name_list(names)) ==
        std::vector<std::string>{"Donald Trump", "Xi Jinping", "São Paulo"});
  CHECK(decode_name_list(encode_name_list({})).empty());

  const Fingerprint f{4194304, 1712345678123456789LL, 0xFEEDFACECAFEBEEFull};
  CHECK(decode_fingerprint(encode_fingerprint(f)) == f);
  CHECK(decode_fingerprint("garbage") == Fingerprint{});
  CHECK(decode_fingerprint("") == Fingerprint{});
}

TEST_CASE("content_hash: equal bytes equal hashes, one byte changes it") {
  CHECK(content_hash("abc") == content_hash(std::string("abc")));
  CHECK(content_hash("abc") != content_hash("abd"));
  CHECK(content_hash("") != content_hash(std::string(1, '\0')));
}

TEST_CASE("document builder: terms and values of the layout") {
  TextAnalyzer analyzer(news_schema().language);
  DocumentBuilder builder(news_schema());
  Article a = make_article("world/2018-04-14-strike.txt", "Allies strike Syria",
                           "DAMASCUS (OBSERVATORY) – Missiles were launched.", "20180414",
                           "OBSERVATORY", "world");
  a.people = {{"Donald Trump", "donald trump"}};
  a.places = {{"Syria", ""}};
  const Fingerprint fp{10, 20, 30};
  Xapian::Document doc = builder.build(a, fp, analyzer);

  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  auto has = [&](const std::string& t) {
    return std::find(terms.begin(), terms.end(), t) != terms.end();
  };
  CHECK(has("Qworld/2018-04-14-strike.txt"));
  CHECK(has("Ssyria"));    // title words, prefixed
  CHECK(has("syria"));     // and unprefixed
  CHECK(has("missiles"));  // body words
  CHECK(has("Zmissil"));   // stems
  CHECK(has("ZSsyria"));   // stemmed title words
  CHECK(has("XSobservatory"));
  CHECK(has("XKworld"));
  CHECK(has("XPdonald trump"));
  CHECK(has("XLsyria"));  // folded from the canonical name when no key is given
  CHECK(has("D20180414"));
  CHECK(has("M201804"));
  CHECK(has("Y2018"));
  CHECK_FALSE(has("Smissiles"));  // body words are not title words

  CHECK(doc.get_value(layout::kDateSlot) == "20180414");
  CHECK(doc.get_value(layout::kYearSlot) == "2018");
  CHECK(doc.get_value(layout::kMonthSlot) == "2018-04");
  CHECK(doc.get_value(layout::kSourceSlot) == "OBSERVATORY");
  CHECK(doc.get_value(layout::kSectionSlot) == "world");
  CHECK(decode_name_list(doc.get_value(layout::kPersonSlot)) ==
        std::vector<std::string>{"Donald Trump"});
  CHECK(decode_fingerprint(doc.get_value(layout::kFingerprintSlot)) == fp);
  CHECK(load_article(doc).title == "Allies strike Syria");
  CHECK(doc.get_data().empty());  // the article is in its value slots

  // The title counts title_weight times in the unprefixed text.
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if (*t == "allies") CHECK(t.get_wdf() == news_schema().title_weight);
    if (*t == "missiles") CHECK(t.get_wdf() == news_schema().body_weight);
  }
}

TEST_CASE("document builder: a phrase cannot span the title and the body") {
  newsdex::testing::TestIndex ix;
  ix.add(make_article("a.txt", "Title ends with trade", "war begins the body"));
  CHECK(ix.search("trade war") == std::set<std::string>{"a.txt"});
  CHECK(ix.search("\"trade war\"").empty());
}

TEST_CASE("document builder: terms stay within Xapian's limit, and the check counts zeros twice") {
  // The limit as Glass applies it: 245 bytes, a zero byte stored as two.
  CHECK_FALSE(exceeds_xapian_limit(std::string(245, 'a')));
  CHECK(exceeds_xapian_limit(std::string(246, 'a')));
  CHECK(exceeds_xapian_limit(std::string(240, 'a') + std::string(6, '\0')));
  CHECK_FALSE(exceeds_xapian_limit(std::string(122, '\0')));
  CHECK(exceeds_xapian_limit(std::string(123, '\0')));

  // What would be too long takes the digest form, so a build reports nothing: a very
  // long path, name and date become bounded terms.
  TextAnalyzer analyzer(news_schema().language);
  DocumentBuilder builder(news_schema());
  Article a = make_article(std::string(300, 'p') + ".txt", "Title", "Body words.", "20180414",
                           std::string(300, 's'), std::string(300, 'k'));
  a.people = {{std::string(300, 'n'), ""}};
  const Xapian::Document doc = builder.build(a, Fingerprint{}, analyzer);
  CHECK(builder.oversized_term_bytes() == 0);
  std::size_t longest = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    CHECK_FALSE(exceeds_xapian_limit(*t));
    longest = std::max(longest, (*t).size());
  }
  CHECK(longest == kMaxTermBytes);  // the long ones are digests, at the bound exactly
}
