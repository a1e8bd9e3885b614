// Reconciling a folder with its index: new, changed, deleted and unchanged files
// counted as the --once summary counts them, and an empty folder refused rather than
// emptying the index.
#include <doctest/doctest.h>

#include <xapian.h>

#include <set>

#include "core/errors.h"
#include "core/index_terms.h"
#include "indexer/index_writer.h"
#include "indexer/reconciler.h"
#include "tests/indexer/temp_corpus.h"

using namespace newsdex;
using newsdex::testing::article_text;
using newsdex::testing::news_schema;
using newsdex::testing::TempCorpus;

namespace {

// An in-memory index and the one writer, reconciled against a temporary corpus.
struct Fixture {
  TempCorpus corpus;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  IndexWriter writer{db, 100};
  Reconciler reconciler{corpus.root(), news_schema(), {}};
  std::vector<std::string> removed;

  ReconcileSummary reconcile(bool allow_empty = false) {
    ReconcileOptions options;
    options.workers = 2;
    options.allow_empty_corpus = allow_empty;
    options.on_removed = [this](const std::string& p) { removed.push_back(p); };
    return reconciler.run(corpus.scan(), read_indexed_files(db), writer, options);
  }

  std::set<std::string> ids() const {
    const auto all = ids_with_prefix(db, "");
    return {all.begin(), all.end()};
  }
};

}  // namespace

TEST_CASE("reconcile: a new folder is added, then found unchanged") {
  Fixture f;
  f.corpus.write("world/a.txt", article_text("Summit", "Leaders met."), 1600000000);
  f.corpus.write("sport/b.txt", article_text("Final", "A late goal."), 1600000000);
  auto s = f.reconcile();
  CHECK(s.added == 2);
  CHECK(s.changed() == 2);
  CHECK(f.ids() == std::set<std::string>{"world/a.txt", "sport/b.txt"});
  CHECK(f.writer.revision() == 1);  // one commit

  s = f.reconcile();
  CHECK(s.unchanged == 2);
  CHECK(s.changed() == 0);
  CHECK(f.writer.revision() == 1);  // nothing to commit
}

TEST_CASE("reconcile: added, updated, removed and unchanged files are each counted") {
  Fixture f;
  f.corpus.write("keep.txt", article_text("Keep", "Same as before."), 1600000000);
  f.corpus.write("edit.txt", article_text("Edit", "First version."), 1600000000);
  f.corpus.write("drop.txt", article_text("Drop", "Soon gone."), 1600000000);
  f.corpus.write("touch.txt", article_text("Touch", "Same bytes, new time."), 1600000000);
  REQUIRE(f.reconcile().added == 4);

  f.corpus.write("edit.txt", article_text("Edit", "Second, longer version."), 1600000100);
  f.corpus.remove("drop.txt");
  f.corpus.write("new.txt", article_text("New", "Just arrived."), 1600000100);
  f.corpus.write("touch.txt", article_text("Touch", "Same bytes, new time."), 1600000200);
  const auto s = f.reconcile();
  CHECK(s.added == 1);
  CHECK(s.updated == 1);
  CHECK(s.removed == 1);
  CHECK(s.unchanged == 2);  // keep.txt by size and time, touch.txt by its content hash
  CHECK(s.failed == 0);
  CHECK(f.removed == std::vector<std::string>{"drop.txt"});
  CHECK(f.ids() == std::set<std::string>{"keep.txt", "edit.txt", "touch.txt", "new.txt"});
}

TEST_CASE("reconcile: an empty folder does not empty the index unless allowed") {
  Fixture f;
  f.corpus.write("a.txt", article_text("A", "Text."));
  f.corpus.write("b.txt", article_text("B", "Text."));
  REQUIRE(f.reconcile().added == 2);
  f.corpus.remove("a.txt");
  f.corpus.remove("b.txt");

  CHECK_THROWS_AS(f.reconcile(), UsageError);
  CHECK(f.ids().size() == 2);

  const auto s = f.reconcile(/*allow_empty=*/true);
  CHECK(s.removed == 2);
  CHECK(f.ids().empty());
}

TEST_CASE("reconcile: an empty folder and an empty index are no error") {
  Fixture f;
  const auto s = f.reconcile();
  CHECK(s.changed() == 0);
  CHECK(s.unchanged == 0);
}
