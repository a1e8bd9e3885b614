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

#include "commands.h"
#include "errors.h"
#include "facet_counter.h"
#include "index_database.h"
#include "printer.h"
#include "search_session.h"
#include "timings.h"

namespace {

using namespace newsdex;

struct GlobalOptions {
  std::string db;
  std::string format = "text";
  bool null_separated = false;
  bool header = false;
  std::string color = "auto";
  bool stats = false;
};

// A count or an offset: digits only, so "-1" is an error rather than a huge unsigned
// number, and at most `max`, so it cannot wrap round in Xapian's 32-bit document counts.
CLI::Validator whole_number(std::uint64_t max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const char* end = text.data() + text.size();
        const auto r = std::from_chars(text.data(), end, v);
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
          return "'" + text + "' is not a whole number (0 or more)";
        if (r.ec != std::errc() || r.ptr != end || v > max)
          return "'" + text + "' is too large (at most " + std::to_string(max) + ")";
        return {};
      },
      "N", "whole number");
}

// Xapian numbers documents with 32 bits: no count or offset can be larger.
constexpr std::uint64_t kMaxCount = std::numeric_limits<Xapian::doccount>::max();

void add_global(CLI::App& cmd, GlobalOptions& g) {
  cmd.add_option("--db", g.db, "database folder (default: $NEWSDEX_DB, else ./newsdex.db)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return text.empty() ? "the database path is empty" : std::string();
          },
          "DIR", "non-empty"));
  cmd.add_option("--format", g.format, "output: text, json, jsonl, tsv or paths")
      ->check(CLI::IsMember({"text", "json", "jsonl", "tsv", "paths"}));
  cmd.add_flag("-0,--null", g.null_separated, "paths: end each path with NUL, for xargs -0");
  cmd.add_flag("--header", g.header, "tsv: print a header line first");
  cmd.add_option("--color", g.color, "highlight with ANSI bold: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_flag("--stats", g.stats, "print where the time went to stderr, after the output");
}

void add_query(CLI::App& cmd, SearchOptions& o, std::vector<std::string>& words) {
  cmd.add_option("query", words, "query words, Xapian query syntax (see --help of search)");
  cmd.add_option("--filter", o.query.filters,
                 "FIELD:VALUE (person, place, org, source, section, year, month, day); "
                 "repeatable: one field ORs, different fields AND");
  cmd.add_flag("--filter-all", o.query.filter_all, "values of one filter field AND together");
  cmd.add_option("--since", o.query.since, "only articles dated on or after DATE (2018-04-01)");
  cmd.add_option("--until", o.query.until, "only articles dated on or before DATE");
  cmd.add_option("--since-rev", o.query.since_revision,
                 "only articles added or changed after database revision N (see stats)")
      ->check(whole_number(std::numeric_limits<std::uint64_t>::max() - 1));
}

struct SubcommandSpec {
  std::string name;
  std::string description;
  std::function<void(CLI::App&)> define;
};

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
  GlobalOptions g;
  SearchOptions o;
  std::vector<std::string> words;
  std::string id, field;

  CLI::App app{
      "newsdex: search a folder of articles indexed by newsdexd.\n"
      "Exit status: 0 match, 1 no match, 2 usage or query error, 3 database problem."};
  app.set_version_flag("--version", "newsdex 0.1.0");
  app.require_subcommand(1);

  bool no_snippet = false;
  // Each subcommand with its options. Only the one named on the command line is built:
  // CLI11 options are costly to construct, and every call of newsdex pays for them.
  const std::vector<SubcommandSpec> specs = {
      {"search", "ranked matches with snippets and facets",
       [&](CLI::App& cmd) {
         cmd.footer(
             "Query language (Xapian's): words (stemmed), \"exact phrase\", AND OR NOT, +must "
             "-not,\na NEAR b, prefix*, title:word, person:\"Donald Trump\", place:Syria, "
             "org:NATO,\nsource:Reuters, section:sport, year:2018, month:2018-04, "
             "date:2018-04-01..2018-04-30.\nPut -- before a query that starts with '-'.");
         add_global(cmd, g);
         add_query(cmd, o, words);
         cmd.add_option("-n,--limit", o.limit, "results to show (default 10)")
             ->check(whole_number(kMaxCount));
         cmd.add_option("--offset", o.offset, "skip this many results first")
             ->check(whole_number(kMaxCount));
         cmd.add_option("--facet", o.facets,
                        "count FIELD values over all matches (person,place,...)")
             ->delimiter(',');
         cmd.add_option("--facet-limit", o.facet_limit, "values per facet (default 10)")
             ->check(whole_number(kMaxCount));
         cmd.add_option("--sort", o.sort, "relevance, date (oldest first) or -date (newest first)")
             ->check(CLI::IsMember({"relevance", "date", "-date"}));
         cmd.add_option("--snippet-chars", o.snippet_chars, "snippet length in bytes (default 200)")
             ->check(CLI::Range(20, 100000));
         cmd.add_flag("--no-snippet", no_snippet, "no snippets (faster)");
       }},
      {"count", "print the exact number of matches",
       [&](CLI::App& cmd) {
         add_global(cmd, g);
         add_query(cmd, o, words);
       }},
      {"facets", "top values of one facet over the matches",
       [&](CLI::App& cmd) {
         add_global(cmd, g);
         cmd.add_option("field", field, "person, place, org, source, section, year or month")
             ->required();
         add_query(cmd, o, words);
         cmd.add_option("--facet-limit,-n,--limit", o.facet_limit, "values to show (default 20)")
             ->check(whole_number(kMaxCount));
         cmd.add_flag("--significant", o.significant,
                      "rank by how much more often a value occurs in the matches than overall");
       }},
      {"show", "one document: fields, entities, terms, text",
       [&](CLI::App& cmd) {
         add_global(cmd, g);
         cmd.add_option("id", id, "document id (path below the corpus) or file path")->required();
       }},
      {"similar", "documents like this one",
       [&](CLI::App& cmd) {
         add_global(cmd, g);
         cmd.add_option("id", id, "document id (path below the corpus) or file path")->required();
         cmd.add_option("-n,--limit", o.limit, "results to show (default 10)")
             ->check(whole_number(kMaxCount));
       }},
      {"stats", "documents, revision, facet sizes, database size",
       [&](CLI::App& cmd) { add_global(cmd, g); }},
      {"status", "the indexing daemon's status file", [&](CLI::App& cmd) { add_global(cmd, g); }},
  };
  const char* named = argc > 1 ? argv[1] : "";
  const bool one_named = std::any_of(specs.begin(), specs.end(),
                                     [&](const SubcommandSpec& s) { return s.name == named; });
  std::string chosen;
  for (const auto& spec : specs) {
    if (one_named && spec.name != named) continue;
    CLI::App* cmd = app.add_subcommand(spec.name, spec.description);
    spec.define(*cmd);
    cmd->final_callback([&chosen, name = spec.name] { chosen = name; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsdex: %s\n", e.what());
    return kExitUsage;
  }
  if (chosen == "facets" && app.get_subcommand("facets")->count("--facet-limit") == 0)
    o.facet_limit = 20;
  o.snippets = !no_snippet;
  o.query.text = join_words(words);
  if (chosen == "facets" && o.significant && matches_everything(o.query)) {
    // Significance compares the matches with the whole corpus: without a query or a
    // filter they are the whole corpus, and nothing stands out.
    std::fprintf(stderr, "newsdex: facets --significant needs a query or a filter\n");
    return kExitUsage;
  }
  if (g.stats) o.timings = &timings;
  timings.mark("parse");

  PrintOptions po;
  parse_format(g.format, po.format);
  po.color = po.format == OutputFormat::Text && color_wanted(g.color);
  po.null_separated = g.null_separated;
  po.header = g.header;
  const std::string db_path = resolve_db_path(g.db);

  // Output is buffered in full and written only on success, so an error leaves stdout
  // empty and a retry after a concurrent commit never prints twice.
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* mem = open_memstream(&buffer, &size);
  int code = kExitOk;
  try {
    if (chosen == "status") {
      auto printer = make_printer(po, mem);
      code = run_status(db_path, *printer);
      timings.mark("status");
    } else {
      SearchSession session(db_path);
      timings.mark("open");
      for (int attempt = 0;; ++attempt) {
        std::rewind(mem);
        auto printer = make_printer(po, mem);
        try {
          if (chosen == "search")
            code = run_search(session, o, *printer);
          else if (chosen == "count")
            code = run_count(session, o, *printer);
          else if (chosen == "facets")
            code = run_facets(session, field, o, *printer);
          else if (chosen == "show")
            code = run_show(session, id, *printer);
          else if (chosen == "similar")
            code = run_similar(session, id, o, *printer);
          else
            code = run_stats(session, *printer);
          if (chosen != "search") timings.mark(chosen);  // search marks its own phases
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
  if (g.stats) {
    std::fflush(stdout);
    timings.mark("output");
    std::fprintf(stderr, "newsdex: stats: %s\n", timings.summary().c_str());
  }
  return code;
}
