// newsdex stats: what the index holds.
#include <signal.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/layout.h"
#include "core/term_walk.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/facet_counter.h"

namespace newsdex {

namespace {

int run_stats(SearchSession& s, Printer& out) {
  Xapian::Database& db = s.db();
  Record r;
  r["database"] = s.db_path();
  r["corpus"] = s.corpus_root();
  r["documents"] = db.get_doccount();
  r["revision"] = stored_revision(db);
  r["layout_version"] = layout::kVersion;
  r["schema"] = s.schema().name;
  r["language"] = s.schema().language;
  r["term_occurrences"] = db.get_total_length();
  r["average_length"] = db.get_avlength();
  const std::string first = db.get_value_lower_bound(layout::kDateSlot);
  const std::string last = db.get_value_upper_bound(layout::kDateSlot);
  r["first_date"] = display_date(first);
  r["last_date"] = display_date(last);
  Record facets = Record::object();
  for (const Field* f : facet_fields()) {
    if (f->is_date()) continue;  // a timeline: its size says nothing
    std::uint64_t n = 0;
    for_each_term(db, std::string(f->prefix), [&](const std::string&, Xapian::doccount) { ++n; });
    facets[std::string(f->name)] = n;
  }
  r["distinct_values"] = facets;
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(s.db_path(), ec))
    if (e.is_regular_file(ec)) bytes += e.file_size(ec);
  r["size_bytes"] = bytes;
  out.record(r);
  return kExitOk;
}

class StatsCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "tsv"});
  }
  int run(const RunContext& c, Printer& out) override { return run_stats(*c.session, out); }
};

}  // namespace

std::unique_ptr<Command> make_stats_command() {
  return std::make_unique<StatsCommand>();
}

}  // namespace newsdex
