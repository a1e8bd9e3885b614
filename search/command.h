// A newsdex subcommand, one per file (notmuch's way): its flags, each defined once
// with its name, help and default (ripgrep's way), what it checks once they are
// parsed, and what it runs. search/cli_main.cc builds only the command named on the
// command line, from command_table.cc, and runs it with an open database and a
// printer for the chosen format.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "search/format_version.h"
#include "search/printer.h"
#include "search/search_session.h"
#include "search/timings.h"

namespace newsdex {

// The output flags every command takes (only those that mean something to it are
// defined: see add_output_flags in command_flags.h).
struct OutputFlags {
  std::string db;
  std::string format = "text";
  bool null_separated = false;
  bool header = false;
  std::string color = "auto";
  bool stats = false;
  int format_version = kFormatVersion;  // --format-version N (json and jsonl)
  bool batch = false;                   // --batch: requests from stdin (batch_command.h)
  bool chart = false;                   // --chart: facets as a bar chart (chart.h)
};

// What a command runs with.
struct RunContext {
  SearchSession* session = nullptr;  // null for a command that does not open the database
  std::string db_path;
  Timings* timings = nullptr;  // --stats: phases are marked here
  std::FILE* out = nullptr;    // where the printer writes, for output that is no record
};

class Command {
 public:
  virtual ~Command() = default;
  // Adds the command's arguments and flags to `cmd`; the output flags go to `out`.
  virtual void define(CLI::App& cmd, OutputFlags& out) = 0;
  // Called once the command line is parsed: checks what CLI11 cannot (throws
  // UsageError, exit 2) and finishes the options.
  virtual void check() {}
  // Whether run() needs the database opened (and retried after a concurrent commit).
  virtual bool opens_database() const { return true; }
  // Whether run() marks its own phases for --stats; else its run is one phase.
  virtual bool marks_phases() const { return false; }
  // Writes the results to `out` only; returns the exit code (0 match, 1 none).
  virtual int run(const RunContext& context, Printer& out) = 0;
  // Whether the command takes --batch (search, count, facets).
  virtual bool takes_batch() const { return false; }
  // --batch: runs one request, a JSON object whose keys (batch_request.h) override the
  // flags of the command line for this request only, and prints it as run() does.
  // Throws UsageError for a key the command does not take or a value of the wrong type.
  virtual int run_request(const RunContext& context, const nlohmann::json& request, Printer& out);
};

struct CommandEntry {
  const char* name;
  const char* summary;  // one line, for newsdex --help
  std::unique_ptr<Command> (*make)();
};

// Every subcommand, in the order newsdex --help lists them.
const std::vector<CommandEntry>& command_table();

// The makers, each in its command's file.
std::unique_ptr<Command> make_search_command();
std::unique_ptr<Command> make_count_command();
std::unique_ptr<Command> make_facets_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_similar_command();
std::unique_ptr<Command> make_copies_command();
std::unique_ptr<Command> make_stats_command();
std::unique_ptr<Command> make_status_command();
std::unique_ptr<Command> make_graph_command();
std::unique_ptr<Command> make_config_command();

}  // namespace newsdex
