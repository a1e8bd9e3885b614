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

#include "core/config_flags.h"
#include "core/errors.h"
#include "core/index_database.h"
#include "search/command.h"
#include "search/facet_counter.h"
#include "search/printer.h"
#include "search/search_session.h"
#include "search/timings.h"

namespace {

using namespace newsdex;

bool color_wanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && !std::strcmp(term, "dumb"));
}

}  // namespace

int main(int argc, char** argv) {
  Timings timings;  // from here: the loader and static initialisers ran before main()
  OutputFlags flags;

  CLI::App app{
      "newsdex: search a folder of articles indexed by newsdexd.\n"
      "Exit status: 0 match, 1 no match, 2 usage or query error, 3 database problem."};
  app.set_version_flag("--version", "newsdex 0.1.0");
  app.require_subcommand(1);

  // Only the command named on the command line is built: CLI11 options are costly to
  // construct, and every call of newsdex pays for them.
  const char* named = argc > 1 ? argv[1] : "";
  const auto& table = command_table();
  const bool one_named = std::any_of(table.begin(), table.end(), [&](const CommandEntry& e) {
    return e.name == std::string_view(named);
  });
  std::unique_ptr<Command> command;
  CLI::App* command_app = nullptr;
  for (const auto& entry : table) {
    if (one_named && entry.name != std::string_view(named)) continue;
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
    app.parse(argc, argv);
    if (!command) throw CLI::RequiredError("A subcommand");
    command->check();
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
    if (!command->opens_database()) {
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
