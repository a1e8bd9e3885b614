// The one indexing pipeline: every outcome classified (indexed, repaired, unchanged,
// empty, failed), documents to the calling thread's sink or to a store per worker,
// a stop request honoured between files, and a store's error rethrown.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include "core/stored_article.h"
#include "indexer/analysis_pool.h"
#include "tests/indexer/temp_corpus.h"

using namespace newsdex;
using newsdex::testing::article_text;
using newsdex::testing::news_schema;
using newsdex::testing::TempCorpus;

namespace {

// What the options' callbacks heard, by kind.
struct Heard {
  std::map<std::string, std::string> failures, warnings;
  std::map<std::string, bool> indexed;
  std::size_t progress_calls = 0;

  ReconcileOptions options(unsigned workers) {
    ReconcileOptions o;
    o.workers = workers;
    o.on_failure = [this](const std::string& p, const std::string& why) { failures[p] = why; };
    o.on_warning = [this](const std::string& p, const std::string& what) { warnings[p] = what; };
    o.on_indexed = [this](const std::string& p, bool added) { indexed[p] = added; };
    o.on_progress = [this](std::size_t, std::size_t) { ++progress_calls; };
    return o;
  }
};

// A corpus with one file of each kind of outcome.
void write_mixed_corpus(const TempCorpus& corpus) {
  corpus.write("world/a.txt", article_text("Summit in Helsinki", "Leaders met on Monday."));
  corpus.write("world/b.txt", article_text("Trade talks resume", "Negotiators returned."));
  corpus.write("sport/cafe.txt", article_text("Caf\xe9 owners", "Terrace rents soar."));  // Latin-1
  corpus.write("blank.txt", "  \n\t\n");
  corpus.write("binary.txt", std::string("\x7f"
                                         "ELF\0\0\0\0\x01\x02",
                                         10));
}

CorpusFile file_of(const TempCorpus& corpus, const std::string& relative) {
  for (auto& f : corpus.scan())
    if (f.relative == relative) return f;
  return {relative, 0, 0};  // not on disk
}

}  // namespace

TEST_CASE("pipeline: each outcome is classified, counted and reported") {
  TempCorpus corpus;
  write_mixed_corpus(corpus);
  auto files = corpus.scan();
  files.push_back({"gone.txt", 10, 0});  // scanned, then deleted before it was read
  Heard heard;
  std::set<std::string> written;
  PipelineSink sink;
  sink.write = [&](const std::string& path, std::vector<ArticleDocument>& docs) {
    CHECK(docs.size() == 1);
    CHECK(docs.front().id == path);
    written.insert(path);
    return path != "world/b.txt";  // b replaces a document the index held
  };
  sink.emptied = [](const std::string&) { return false; };

  const ReconcileSummary s = AnalysisPipeline(corpus.root(), news_schema(), {})
                                 .run(files, nullptr, heard.options(2), sink);
  CHECK(s.added == 2);
  CHECK(s.updated == 1);
  CHECK(s.repaired == 1);
  CHECK(s.failed == 2);
  CHECK(s.removed == 0);
  CHECK(s.unchanged == 0);
  CHECK_FALSE(s.cancelled);
  CHECK(written == std::set<std::string>{"world/a.txt", "world/b.txt", "sport/cafe.txt"});
  CHECK(heard.indexed == std::map<std::string, bool>{{"world/a.txt", true},
                                                     {"world/b.txt", false},
                                                     {"sport/cafe.txt", true}});
  CHECK(heard.failures.at("binary.txt") == "binary file, not text");
  CHECK(heard.failures.at("gone.txt").rfind("cannot read", 0) == 0);
  CHECK(heard.warnings.at("blank.txt") == "empty file, not indexed");
  CHECK(heard.warnings.count("sport/cafe.txt") == 1);
  CHECK(heard.progress_calls == files.size());
}

TEST_CASE("pipeline: an emptied file leaves the index when it was there") {
  TempCorpus corpus;
  corpus.write("blank.txt", "\n\n");
  std::vector<std::string> removed;
  ReconcileOptions options;
  options.on_removed = [&](const std::string& p) { removed.push_back(p); };
  PipelineSink sink;
  sink.emptied = [](const std::string&) { return true; };
  const auto s =
      AnalysisPipeline(corpus.root(), news_schema(), {}).run(corpus.scan(), nullptr, options, sink);
  CHECK(s.removed == 1);
  CHECK(removed == std::vector<std::string>{"blank.txt"});
}

TEST_CASE("pipeline: a file whose bytes hash as indexed is unchanged and not analysed") {
  TempCorpus corpus;
  const std::string text = article_text("Same words", "Nothing new here.");
  corpus.write("same.txt", text);
  corpus.write("edited.txt", text);
  IndexedFiles indexed;
  indexed["same.txt"] = {text.size(), 1, content_hash(text)};
  indexed["edited.txt"] = {text.size(), 1, content_hash("something else")};
  std::set<std::string> written;
  PipelineSink sink;
  sink.write = [&](const std::string& path, std::vector<ArticleDocument>&) {
    written.insert(path);
    return false;
  };
  const auto s = AnalysisPipeline(corpus.root(), news_schema(), {})
                     .run(corpus.scan(), &indexed, ReconcileOptions{}, sink);
  CHECK(s.unchanged == 1);
  CHECK(s.updated == 1);
  CHECK(written == std::set<std::string>{"edited.txt"});
}

namespace {

// A store per worker that counts what it took; `fail_on` makes add throw for a path.
struct CountingStores {
  std::atomic<int> stores{0}, finished{0};
  std::mutex mutex;
  std::set<std::string> ids;
  std::string fail_on;

  class Store : public WorkerStore {
   public:
    explicit Store(CountingStores& owner) : owner_(owner) {}
    void add(Xapian::Document& doc) override {
      const std::string id = load_article(doc, false).path;
      if (id == owner_.fail_on) throw std::runtime_error("disk full");
      std::lock_guard lock(owner_.mutex);
      owner_.ids.insert(id);
    }
    void finish() override { ++owner_.finished; }

   private:
    CountingStores& owner_;
  };

  std::function<std::unique_ptr<WorkerStore>()> factory() {
    return [this] {
      ++stores;
      return std::make_unique<Store>(*this);
    };
  }
};

}  // namespace

TEST_CASE("pipeline: with worker stores every document goes to a store, not the sink") {
  TempCorpus corpus;
  for (int i = 0; i < 40; ++i)
    corpus.write("f" + std::to_string(i) + ".txt",
                 article_text("Title " + std::to_string(i), "B."));
  CountingStores stores;
  bool sink_called = false;
  PipelineSink sink;
  sink.write = [&](const std::string&, std::vector<ArticleDocument>&) {
    sink_called = true;
    return true;
  };
  ReconcileOptions options;
  options.workers = 2;
  const auto s = AnalysisPipeline(corpus.root(), news_schema(), {})
                     .run(corpus.scan(), nullptr, options, sink, stores.factory());
  CHECK(s.added == 40);
  CHECK_FALSE(sink_called);
  CHECK(stores.ids.size() == 40);
  CHECK(stores.stores == 2);
  CHECK(stores.finished == 2);  // each worker finished its store once
}

TEST_CASE("pipeline: a store's error stops the run and is rethrown") {
  TempCorpus corpus;
  for (int i = 0; i < 10; ++i)
    corpus.write("f" + std::to_string(i) + ".txt", article_text("T", "B."));
  CountingStores stores;
  stores.fail_on = "f3.txt";
  CHECK_THROWS_WITH_AS(
      AnalysisPipeline(corpus.root(), news_schema(), {})
          .run(corpus.scan(), nullptr, ReconcileOptions{}, PipelineSink{}, stores.factory()),
      "disk full", std::runtime_error);
}

TEST_CASE("pipeline: the sink's error is rethrown") {
  TempCorpus corpus;
  corpus.write("a.txt", article_text("T", "B."));
  PipelineSink sink;
  sink.write = [](const std::string&, std::vector<ArticleDocument>&) -> bool {
    throw std::runtime_error("no space left");
  };
  CHECK_THROWS_WITH_AS(AnalysisPipeline(corpus.root(), news_schema(), {})
                           .run(corpus.scan(), nullptr, ReconcileOptions{}, sink),
                       "no space left", std::runtime_error);
}

TEST_CASE("pipeline: should_stop ends the run early, and what was analysed is written") {
  TempCorpus corpus;
  // More files than the queue between a worker and the caller holds (64 per worker),
  // so the worker cannot have analysed them all before the first stop poll.
  constexpr int kFiles = 300;
  for (int i = 0; i < kFiles; ++i)
    corpus.write("f" + std::to_string(i) + ".txt", article_text("Title", "Body."));
  std::size_t written = 0;
  PipelineSink sink;
  sink.write = [&](const std::string&, std::vector<ArticleDocument>&) {
    ++written;
    return true;
  };
  ReconcileOptions options;
  options.workers = 1;
  options.should_stop = [] { return true; };
  const auto s =
      AnalysisPipeline(corpus.root(), news_schema(), {}).run(corpus.scan(), nullptr, options, sink);
  CHECK(s.cancelled);
  CHECK(s.added == written);
  CHECK(written >= 1);
  CHECK(written < kFiles);
}

TEST_CASE("pipeline: a file that cannot be read is one failure, not the end of the run") {
  TempCorpus corpus;
  corpus.write("a.txt", article_text("T", "B."));
  std::vector<CorpusFile> files{file_of(corpus, "missing.txt"), file_of(corpus, "a.txt")};
  Heard heard;
  PipelineSink sink;
  sink.write = [](const std::string&, std::vector<ArticleDocument>&) { return true; };
  const auto s = AnalysisPipeline(corpus.root(), news_schema(), {})
                     .run(files, nullptr, heard.options(1), sink);
  CHECK(s.failed == 1);
  CHECK(s.added == 1);
  CHECK(heard.failures.count("missing.txt") == 1);
}
