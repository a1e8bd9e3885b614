// Files that hold many articles, through the real loader, pipeline, writer, reconcile
// and watcher batches, read by a format of the test's own: each article is a document
// with the id "<file>#<key>" and the file's term; a file is added, updated, skipped and
// removed as a whole, and a plain-text file keeps its single document and id.
#include <doctest/doctest.h>

#include <xapian.h>

#include <set>
#include <sstream>

#include "core/article_formats.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "indexer/change_applier.h"
#include "indexer/corpus_scanner.h"
#include "indexer/index_writer.h"
#include "indexer/reconciler.h"
#include "indexer/shard_build.h"
#include "tests/indexer/temp_corpus.h"

using namespace newsdex;
using newsdex::testing::news_schema;
using newsdex::testing::TempCorpus;

namespace {

// "key|title|body" per line; lines starting "--" are comments; a line "!" makes the
// file unreadable; a line "?why" is a record that fails alone.
class LinesReader : public ArticleReader {
 public:
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t) override {
    std::vector<FileArticle> out;
    std::istringstream in{std::string(text)};
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.empty() || line.rfind("--", 0) == 0) continue;
      if (line == "!") throw std::runtime_error("a record the reader cannot read");
      if (line[0] == '?') {
        FileArticle bad;
        bad.line = number;
        bad.error = line.substr(1);
        out.push_back(std::move(bad));
        continue;
      }
      const auto bar1 = line.find('|'), bar2 = line.find('|', bar1 + 1);
      FileArticle a;
      a.key = line.substr(0, bar1);
      a.article.path = relative;
      a.article.title = line.substr(bar1 + 1, bar2 - bar1 - 1);
      a.article.body = line.substr(bar2 + 1);
      out.push_back(std::move(a));
    }
    return out;
  }
};

const Schema& lines_schema() {
  static const Schema schema = [] {
    register_format("test-lines", [](const Schema&) { return std::make_unique<LinesReader>(); });
    Schema s = news_schema();
    s.format = "test-lines";
    s.include_globs = {"*.lines"};
    return s;
  }();
  return schema;
}

struct Fixture {
  TempCorpus corpus;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  IndexWriter writer{db, 100};
  Reconciler reconciler{corpus.root(), lines_schema(), {}};
  std::map<std::string, std::string> warnings, failures;

  ReconcileOptions options() {
    ReconcileOptions o;
    o.workers = 2;
    o.allow_empty_corpus = true;
    o.on_warning = [this](const std::string& p, const std::string& w) { warnings[p] = w; };
    o.on_failure = [this](const std::string& p, const std::string& w) { failures[p] = w; };
    return o;
  }
  std::vector<CorpusFile> scan() const {
    return CorpusScanner(corpus.root(), lines_schema()).scan([](const std::string&) {});
  }
  ReconcileSummary reconcile() {
    return reconciler.run(scan(), read_indexed_files(db), writer, options());
  }
  std::set<std::string> ids() const {
    const auto all = ids_with_prefix(db, "");
    return {all.begin(), all.end()};
  }
  std::set<std::string> files() const {
    std::set<std::string> out;
    for (const auto& [path, fingerprint] : read_indexed_files(db)) out.insert(path);
    return out;
  }
  std::string title_of(const std::string& id) const {
    auto p = db.postlist_begin(id_term(id));
    REQUIRE(p != db.postlist_end(id_term(id)));
    return load_article(db.get_document(*p), false).title;
  }
};

}  // namespace

TEST_CASE("many articles: each article of a file is a document with its own id") {
  Fixture f;
  f.corpus.write("world/feed.lines", "a|Summit opens|Leaders met.\nb|Talks stall|No deal.\n");
  f.corpus.write("sport/one.lines", "x|Final|A late goal.\n");
  const auto s = f.reconcile();
  CHECK(s.added == 2);  // counted per file
  CHECK(f.ids() ==
        std::set<std::string>{"world/feed.lines#a", "world/feed.lines#b", "sport/one.lines#x"});
  CHECK(f.files() == std::set<std::string>{"world/feed.lines", "sport/one.lines"});
  CHECK(f.db.get_termfreq(file_term("world/feed.lines")) == 2);
  CHECK(f.title_of("world/feed.lines#b") == "Talks stall");
  CHECK(f.reconcile().unchanged == 2);  // skipped per file, by size and time
}

TEST_CASE("many articles: an edited file updates its articles and drops the gone ones") {
  Fixture f;
  f.corpus.write("feed.lines", "a|One|x\nb|Two|y\nc|Three|z\n", 1600000000);
  REQUIRE(f.reconcile().added == 1);
  f.corpus.write("feed.lines", "a|One again|x\nc|Three|z\nd|Four|w\n", 1600000100);
  const auto s = f.reconcile();
  CHECK(s.updated == 1);
  CHECK(s.added == 0);
  CHECK(f.ids() == std::set<std::string>{"feed.lines#a", "feed.lines#c", "feed.lines#d"});
  CHECK(f.title_of("feed.lines#a") == "One again");
  CHECK(f.db.get_doccount() == 3);
}

TEST_CASE("many articles: an edited file rewrites only the articles that changed") {
  Fixture f;
  f.corpus.write("feed.lines", "a|One|x\nb|Two|y\nc|Three|z\n", 1600000000);
  REQUIRE(f.reconcile().added == 1);
  auto revision_of = [&](const std::string& id) {
    auto p = f.db.postlist_begin(id_term(id));
    REQUIRE(p != f.db.postlist_end(id_term(id)));
    return f.db.get_document(*p).get_value(layout::kRevisionSlot);
  };
  auto docid_of = [&](const std::string& id) { return *f.db.postlist_begin(id_term(id)); };
  const std::string first = revision_of("feed.lines#a");
  const auto c_docid = docid_of("feed.lines#c");
  f.corpus.write("feed.lines", "a|One|x\nb|Two, edited|y\nc|Three|z\nd|Four|w\n", 1600000100);
  const auto s = f.reconcile();
  CHECK(s.updated == 1);
  const auto& changes = f.writer.last_changes();
  CHECK(changes.unchanged == 2);
  CHECK(changes.updated == 1);
  CHECK(changes.added == 1);
  CHECK(changes.removed == 0);
  CHECK(revision_of("feed.lines#a") == first);  // untouched: --since-rev does not list it
  CHECK(revision_of("feed.lines#c") == first);
  CHECK(docid_of("feed.lines#c") == c_docid);
  CHECK(revision_of("feed.lines#b") != first);
  CHECK(revision_of("feed.lines#d") != first);
  // The kept articles carry the file's new fingerprint: the next run skips the file.
  CHECK(f.reconcile().unchanged == 1);

  f.corpus.write("feed.lines", "a|One|x\nd|Four|w\n", 1600000200);
  CHECK(f.reconcile().updated == 1);
  CHECK(f.writer.last_changes().removed == 2);
  CHECK(f.writer.last_changes().unchanged == 2);
  CHECK(f.ids() == std::set<std::string>{"feed.lines#a", "feed.lines#d"});
  CHECK(f.reconcile().unchanged == 1);
}

TEST_CASE("many articles: a record that fails is reported with its line, the others indexed") {
  Fixture f;
  f.corpus.write("feed.lines", "a|One|x\n?not a record\nb|Two|y\n");
  const auto s = f.reconcile();
  CHECK(s.added == 1);
  CHECK(s.failed_records == 1);
  CHECK(f.failures.at("feed.lines") == "line 2: not a record");
  CHECK(f.ids() == std::set<std::string>{"feed.lines#a", "feed.lines#b"});

  f.corpus.write("all-bad.lines", "?first\n?second\n");
  const auto t = f.reconcile();
  CHECK(t.failed == 1);
  CHECK(f.failures.at("all-bad.lines") == "line 1: first (and 1 more record)");
}

TEST_CASE("many articles: a deleted file takes all its articles out of the index") {
  Fixture f;
  f.corpus.write("feed.lines", "a|One|x\nb|Two|y\n");
  f.corpus.write("keep.lines", "k|Kept|z\n");
  REQUIRE(f.reconcile().added == 2);
  f.corpus.remove("feed.lines");
  const auto s = f.reconcile();
  CHECK(s.removed == 1);
  CHECK(f.ids() == std::set<std::string>{"keep.lines#k"});
  CHECK(f.db.get_termfreq(file_term("feed.lines")) == 0);
}

TEST_CASE("many articles: a file with none is empty, one the reader refuses fails whole") {
  Fixture f;
  f.corpus.write("none.lines", "\n\n");  // no text at all: empty before any reader
  f.corpus.write("comments.lines", "-- no records yet\n");
  f.corpus.write("bad.lines", "a|One|x\n!\n");
  const auto s = f.reconcile();
  CHECK(s.failed == 1);
  CHECK(s.added == 0);
  CHECK(f.failures.at("bad.lines").find("cannot read") != std::string::npos);
  CHECK(f.warnings.at("none.lines") == "empty file, not indexed");
  CHECK(f.warnings.at("comments.lines") == "no article in the file, not indexed");
  CHECK(f.ids().empty());  // not even the readable article of bad.lines
}

TEST_CASE("many articles: keys with '#' and very long paths keep ids and files apart") {
  Fixture f;
  const std::string folder(230, 'd');  // the file term takes its digest form
  f.corpus.write(folder + "/feed.lines", "a|One|x\nb|Two|y\n");
  f.corpus.write("odd.lines", "x#1|Hash|x\n50%|Percent|y\n");
  REQUIRE(f.reconcile().added == 2);
  CHECK(f.files() == std::set<std::string>{folder + "/feed.lines", "odd.lines"});
  const auto ids = f.ids();
  CHECK(ids.count("odd.lines#x%231") == 1);
  CHECK(ids.count("odd.lines#50%25") == 1);
  CHECK(ids.count(folder + "/feed.lines#a") == 1);
  CHECK(file_of_keyed_id("odd.lines#x%231") == "odd.lines");

  std::filesystem::remove_all(std::filesystem::path(f.corpus.root()) / folder);
  CHECK(f.reconcile().removed == 1);
  CHECK(f.files() == std::set<std::string>{"odd.lines"});
  CHECK(f.db.get_doccount() == 2);
}

TEST_CASE("many articles: a watched folder removed or changed moves all its articles") {
  Fixture f;
  f.corpus.write("world/feed.lines", "a|One|x\nb|Two|y\n");
  f.corpus.write("world/more.lines", "c|Three|z\n");
  REQUIRE(f.reconcile().added == 2);
  CorpusScanner scanner(f.corpus.root(), lines_schema());
  ChangeApplier applier(scanner, lines_schema(), f.reconciler, f.db, f.writer);

  f.corpus.write("world/feed.lines", "a|One|x\n", 1700000000);  // b is gone from the file
  ChangeBatch edited;
  edited.files = {"world/feed.lines"};
  CHECK(applier.apply(edited, f.options()).updated == 1);
  CHECK(f.ids() == std::set<std::string>{"world/feed.lines#a", "world/more.lines#c"});

  std::filesystem::remove_all(std::filesystem::path(f.corpus.root()) / "world");
  ChangeBatch gone;
  gone.folders = {"world"};
  const auto s = applier.apply(gone, f.options());
  CHECK(s.removed == 2);
  CHECK(f.db.get_doccount() == 0);
}

TEST_CASE("many articles: a first build in shards holds every article and its file") {
  TempCorpus corpus, scratch;
  std::vector<CorpusFile> files;
  for (int i = 0; i < 5; ++i)
    corpus.write("f" + std::to_string(i) + ".lines", "a|One|x\nb|Two|y\n");
  files = CorpusScanner(corpus.root(), lines_schema()).scan([](const std::string&) {});
  ReconcileOptions options;
  options.workers = 2;
  const std::string out = scratch.root() + "/merged";
  const auto s =
      build_in_shards(corpus.root(), lines_schema(), {}, files, out + "-work", out, 3, 1, options);
  CHECK(s.added == 5);
  {
    Xapian::Database merged(out);
    CHECK(merged.get_doccount() == 10);
    CHECK(read_indexed_files(merged).size() == 5);
    CHECK(merged.get_termfreq(file_term("f3.lines")) == 2);
  }
}

TEST_CASE("plain text: one document per file, its id the path, no file term") {
  TempCorpus corpus;
  corpus.write("world/a.txt", "Summit opens\n\nLeaders met.\n");
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  IndexWriter writer(db, 10);
  Reconciler reconciler(corpus.root(), news_schema(), {});
  const auto s = reconciler.run(corpus.scan(), {}, writer, ReconcileOptions{});
  CHECK(s.added == 1);
  CHECK(ids_with_prefix(db, "") == std::vector<std::string>{"world/a.txt"});
  CHECK(db.get_termfreq(file_term("world/a.txt")) == 0);
  CHECK(read_indexed_files(db).count("world/a.txt") == 1);
}
