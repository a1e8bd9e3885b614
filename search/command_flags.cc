#include "search/command_flags.h"

#include <algorithm>
#include <charconv>

#include "core/fields.h"

namespace newsdex {

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

void add_output_flags(CLI::App& cmd, OutputFlags& out, std::initializer_list<const char*> formats,
                      bool highlights) {
  cmd.add_option("--db", out.db, "database folder (default: $NEWSDEX_DB, else ./newsdex.db)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return text.empty() ? "the database path is empty" : std::string();
          },
          "DIR", "non-empty"));
  std::vector<std::string> names(formats.begin(), formats.end());
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  cmd.add_option("--format", out.format, "output: " + list)
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  cmd.add_option("--format-version", out.format_version,
                 "the JSON output version the script was written for (" +
                     std::to_string(kOldestFormatVersion) + " to " +
                     std::to_string(kFormatVersion) + "; exit 20 too old, 21 too new)")
      ->capture_default_str();
  const auto offers = [&](const char* name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  if (offers("paths"))
    cmd.add_flag("-0,--null", out.null_separated, "paths: end each line with NUL, for xargs -0");
  if (offers("tsv")) cmd.add_flag("--header", out.header, "tsv: print a header line first");
  if (highlights)
    cmd.add_option("--color", out.color, "highlight with ANSI bold: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_flag("--stats", out.stats, "print where the time went to stderr, after the output");
}

void add_query_flags(CLI::App& cmd, QueryRequest& query, std::vector<std::string>& words) {
  cmd.add_option("query", words, "query words, Xapian query syntax (see --help of search)");
  cmd.add_option(
         "--filter", query.filters,
         "FIELD:VALUE (" + field_names() + "); repeatable: one field ORs, different fields AND")
      ->allow_extra_args(false);  // one value each time: `--filter place:us trump` works
  cmd.add_flag("--filter-all", query.filter_all, "values of one filter field AND together");
  cmd.add_option("--since", query.since,
                 "only articles dated on or after DATE: a day (2018-04-01), a month (2018-04: "
                 "from its first day), a year, or a time before today (7d, 2w, 3m, 1y, today, "
                 "yesterday)");
  cmd.add_option("--until", query.until,
                 "only articles dated on or before DATE (a month or year: to its last day); "
                 "the same forms as --since");
  cmd.add_option("--since-rev", query.since_revision,
                 "only articles added or changed after database revision N (see stats)")
      ->check(whole_number(std::numeric_limits<std::uint64_t>::max() - 1));
}

void add_batch_flag(CLI::App& cmd, OutputFlags& out) {
  cmd.add_flag("--batch", out.batch,
               "read one query (or JSON request) a line from stdin, write one JSON line each");
}

void add_collapse_flag(CLI::App& cmd, bool& no_collapse) {
  cmd.add_flag("--no-collapse", no_collapse,
               "show every copy of a story: articles found to be the same story at index time "
               "(identical, or wire copies differing in a few words) are otherwise shown once, "
               "with \"+N copies\" (`newsdex copies ID` lists them), and counted once");
}

void add_chart_flag(CLI::App& cmd, OutputFlags& out) {
  cmd.add_flag("--chart", out.chart,
               "text: draw facet counts as bars (Unicode blocks on a terminal, '#' in a pipe "
               "or with --color never)");
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace newsdex
