// newsdex: search a newsdex database from a shell. grep's exit codes: 0 match, 1 none,
// 2 usage or query error, 3 database problem; errors are one line on stderr.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>

#include "core/closest_match.h"
#include "core/config_flags.h"
#include "core/errors.h"
#include "core/index_database.h"
#include "search/batch_command.h"
#include "search/chart.h"
#include "search/cli_main.h"
#include "search/command.h"
#include "search/facet_counter.h"
#include "search/printer.h"
#include "search/search_session.h"
#include "search/timings.h"

namespace {

using namespace newsdex;

bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term && !std::strcmp(term, "dumb");
}

bool color_wanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !dumb_terminal();
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& entry : command_table()) names.push_back(entry.name);
  return names;
}

// "unknown command 'serch'; did you mean 'search'?" (git's and cargo's help).
std::string unknown_command(const std::string& typed) {
  const auto near = closest_match(typed, command_names());
  std::string message = "unknown command '" + typed + "'";
  if (near) return message + "; did you mean '" + *near + "'?";
  std::string list;
  for (const auto& name : command_names()) list += (list.empty() ? "" : ", ") + name;
  return message + " (commands: " + list + ")";
}

// The flags of `app` as typed: "--limit", "-n".
std::vector<std::string> flag_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    for (const auto& n : o->get_snames()) names.push_back("-" + n);
  }
  return names;
}

// The message for arguments CLI11 did not expect: a mistyped flag names the closest
// flag of the command ("unknown flag '--limt'; did you mean --limit?").
std::string unexpected_arguments(const CLI::App& app, const CLI::App* command,
                                 const CLI::ExtrasError& e) {
  const std::vector<std::string> extras = command ? command->remaining(true) : app.remaining(true);
  for (const auto& arg : extras) {
    if (arg.size() < 2 || arg[0] != '-') continue;
    const std::string flag = arg.substr(0, arg.find('='));
    // A short flag is one letter: any other letter is one edit away, and no evidence.
    const bool short_flag = flag.size() == 2 && flag[1] != '-';
    const auto near =
        short_flag ? std::nullopt : closest_match(flag, flag_names(command ? *command : app));
    std::string message = "unknown flag '" + flag + "'";
    if (command) message += " for " + command->get_name();
    if (near) message += "; did you mean " + *near + "?";
    return message;
  }
  return e.what();
}

// What CLI11 cannot check of the output flags: the version asked for, and the flags
// that belong to one format only. Throws Error.
void check_output_flags(const Command& command, const CLI::App& app, const OutputFlags& flags) {
  if (flags.format_version < kOldestFormatVersion)
    throw Error(kExitFormatTooOld, "format version " + std::to_string(flags.format_version) +
                                       " is too old (this newsdex writes " +
                                       std::to_string(kOldestFormatVersion) + " to " +
                                       std::to_string(kFormatVersion) + ")");
  if (flags.format_version > kFormatVersion)
    throw Error(kExitFormatTooNew, "format version " + std::to_string(flags.format_version) +
                                       " is too new (this newsdex writes " +
                                       std::to_string(kOldestFormatVersion) + " to " +
                                       std::to_string(kFormatVersion) + ")");
  if (flags.null_separated && flags.format != "paths")
    throw UsageError("-0 goes with --format paths only");
  if (flags.chart && flags.format != "text")
    throw UsageError("--chart draws in --format text only");
  if (flags.header && flags.format != "tsv")
    throw UsageError("--header goes with --format tsv only");
  if (flags.batch) {
    if (!command.takes_batch()) throw UsageError("this command takes no --batch");
    if (app.count("query") > 0)
      throw UsageError("--batch reads its queries from stdin: give none on the command line");
    if (app.count("--format") > 0 && flags.format != "json" && flags.format != "jsonl")
      throw UsageError("--batch writes one JSON object a line: --format json or jsonl only");
  }
}

}  // namespace

namespace {
constexpr const char* kVersionNumber = "0.1.0";
}  // namespace

int newsdex::search_main(int argc, char** argv) {
  // `newsdex --version` is what a script calls to see that newsdex is there: answered
  // first, before CLI11 is built (its parse and version exception cost as much again as
  // the rest of main(): callgrind), and before the clock is read or a string built (each
  // touches pages that nothing else of this call needs: docs/performance.md, "Start-up").
  if (argc == 2 && !std::strcmp(argv[1], "--version")) {
    std::printf("newsdex %s (JSON format version %d)\n", kVersionNumber, kFormatVersion);
    return kExitOk;
  }
  Timings timings;  // from here: the loader and static initialisers ran before main()
  const std::string version = std::string("newsdex ") + kVersionNumber + " (JSON format version " +
                              std::to_string(kFormatVersion) + ")";
  OutputFlags flags;

  CLI::App app{
      "newsdex: search a folder of articles indexed by newsdexd.\n"
      "Exit status: 0 match, 1 no match, 2 usage or query error, 3 database problem,\n"
      "20 --format-version older than newsdex can write, 21 newer than it knows."};
  app.set_version_flag("--version", version);
  app.footer(
      "Scripts: every JSON object carries format_version (--format-version N asks for one);\n"
      "search, count and facets --batch answer one query or JSON request a line of stdin,\n"
      "one JSON line each, in one process. `newsdex COMMAND --help` lists a command's "
      "flags.");
  app.require_subcommand(1);

  // Only the command named on the command line is built: CLI11 options are costly to
  // construct, and every call of newsdex pays for them. Without a command, every one is
  // built for the list of `newsdex --help`, none for --version (building them all was
  // a third of the instructions of `newsdex --version`: scripts/bench --batch).
  const char* named = argc > 1 ? argv[1] : "";
  const auto& table = command_table();
  const bool one_named = std::any_of(table.begin(), table.end(), [&](const CommandEntry& e) {
    return e.name == std::string_view(named);
  });
  if (!one_named && argc > 1 && named[0] != '-') {
    std::fprintf(stderr, "newsdex: %s\n", unknown_command(named).c_str());
    return kExitUsage;
  }
  const bool lists_commands =
      argc == 1 || !std::strcmp(named, "--help") || !std::strcmp(named, "-h");
  const bool asks_version = !std::strcmp(named, "--version");
  if (argc == 1 || (!one_named && !lists_commands && !asks_version)) {
    // No command, or a flag before it that newsdex does not know (`newsdex --versoin`).
    std::string message = "a command is required";
    if (argc > 1) {
      const std::string flag = std::string(named).substr(0, std::string(named).find('='));
      const auto near = closest_match(flag, {"--help", "--version"});
      message = "unknown flag '" + flag + "'" + (near ? "; did you mean " + *near + "?" : "");
    }
    std::string list;
    for (const auto& name : command_names()) list += (list.empty() ? "" : ", ") + name;
    std::fprintf(stderr, "newsdex: %s (commands: %s; see newsdex --help)\n", message.c_str(),
                 list.c_str());
    return kExitUsage;
  }
  std::unique_ptr<Command> command;
  CLI::App* command_app = nullptr;
  for (const auto& entry : table) {
    if (one_named ? entry.name != std::string_view(named) : !lists_commands) continue;
    CLI::App* cmd = app.add_subcommand(entry.name, entry.summary);
    std::unique_ptr<Command> made = entry.make();
    made->define(*cmd, flags);
    if (one_named) command = std::move(made), command_app = cmd;
  }
  // The configuration file's defaults (core/config.h); `config` itself edits the file,
  // so that a broken one can be mended with it.
  if (command_app && std::string_view(named) != "config") {
    try {
      apply_config_defaults(*command_app, load_user_config());
    } catch (const Error& e) {
      std::fprintf(stderr, "newsdex: %s\n", e.what());
      return e.code();
    }
  }

  try {
    // CLI11 reads "-0" as a number, a query word, where the command has no -0 flag
    // (count, stats, graph): it is the NUL flag of paths, given where it cannot apply.
    if (command_app && !command_app->get_option_no_throw("-0")) {
      for (int i = 2; i < argc && std::strcmp(argv[i], "--"); ++i)
        if (!std::strcmp(argv[i], "-0"))
          throw UsageError("-0 goes with --format paths only (" + std::string(named) +
                           " has no paths format)");
    }
    app.parse(argc, argv);
    if (!command) throw CLI::RequiredError("A subcommand");
    command->check();
    check_output_flags(*command, *command_app, flags);
  } catch (const CLI::ExtrasError& e) {
    std::fprintf(stderr, "newsdex: %s\n", unexpected_arguments(app, command_app, e).c_str());
    return kExitUsage;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return kExitUsage;
  } catch (const Error& e) {
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return e.code();
  }
  RunContext context;
  if (flags.stats) context.timings = &timings;
  timings.mark("parse");

  PrintOptions po;
  parse_format(flags.format, po.format);
  po.color = po.format == OutputFormat::Text && color_wanted(flags.color);
  po.null_separated = flags.null_separated;
  po.header = flags.header;
  po.format_version = flags.format_version;
  if (flags.chart) {
    po.chart = true;
    // Blocks where a terminal shows them; '#' in a pipe, a file, or on request.
    po.chart_blocks = flags.color == "always" ||
                      (flags.color == "auto" && isatty(STDOUT_FILENO) && !dumb_terminal());
    po.columns = terminal_columns();
  }
  const std::string db_path = resolve_db_path(flags.db);
  context.db_path = db_path;

  // Output is buffered in full and written only on success, so an error leaves stdout
  // empty and a retry after a concurrent commit never prints twice.
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* mem = open_memstream(&buffer, &size);
  int code = kExitOk;
  try {
    context.out = mem;
    if (flags.batch) {
      // Answers go to stdout as they are ready, flushed whenever every request read so
      // far is answered (batch_command.cc): the buffer stays empty.
      code = run_batch(*command, context, flags.format_version, stdin, stdout);
      timings.mark("batch");
    } else if (!command->opens_database()) {
      auto printer = make_printer(po, mem);
      code = command->run(context, *printer);
      timings.mark(named);
    } else {
      SearchSession session(db_path);
      context.session = &session;
      timings.mark("open");
      for (int attempt = 0;; ++attempt) {
        std::rewind(mem);
        auto printer = make_printer(po, mem);
        try {
          code = command->run(context, *printer);
          if (!command->marks_phases()) timings.mark(named);
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          // newsdexd committed while we read: read the new revision and start over.
          if (attempt >= 10) throw;
          session.reopen();
        }
      }
    }
  } catch (const Error& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return e.code();
  } catch (const Xapian::DatabaseError& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s: %s\n", db_path.c_str(), e.get_description().c_str());
    return kExitDatabase;
  } catch (const Xapian::Error& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.get_description().c_str());
    return kExitDatabase;
  } catch (const std::exception& e) {
    std::fclose(mem);
    std::free(buffer);
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return kExitDatabase;
  }
  std::fflush(mem);
  const long written = std::ftell(mem);
  std::fclose(mem);
  std::fwrite(buffer, 1, static_cast<std::size_t>(written), stdout);
  std::free(buffer);
  if (flags.stats) {
    std::fflush(stdout);
    timings.mark("output");
    std::fprintf(stderr, "newsdex: stats: %s\n", timings.summary().c_str());
  }
  return code;
}
