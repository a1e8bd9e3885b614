// newsdex stats (what the index holds) and newsdex status (what the daemon says).
#include <signal.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands.h"
#include "errors.h"
#include "facet_counter.h"
#include "index_database.h"
#include "layout.h"
#include "term_walk.h"

namespace newsdex {

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

int run_status(const std::string& db_path, Printer& out) {
  const std::string file = db_path + "/status.json";
  std::ifstream in(file);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec))
      throw DatabaseError(db_path + ": no such database (create it with newsdexd --once)");
    throw Error(kExitNoMatch, file + ": no status file (newsdexd has not run in watch mode here)");
  }
  std::stringstream text;
  text << in.rdbuf();
  Record r = Record::parse(text.str(), nullptr, false);
  if (r.is_discarded() || !r.is_object()) throw DatabaseError(file + ": unreadable status file");
  // The file holds what the daemon last wrote; whether it still runs is checked here,
  // so that one killed with SIGKILL does not look alive. Shown right after its pid.
  Record shown = Record::object();
  for (const auto& [key, value] : r.items()) {
    shown[key] = value;
    if (key == "pid" && value.is_number_integer()) {
      const auto pid = static_cast<pid_t>(value.get<long>());
      shown["running"] = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
    }
  }
  out.record(shown);
  return kExitOk;
}

}  // namespace newsdex
