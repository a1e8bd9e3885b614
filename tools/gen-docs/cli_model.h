// A program's command line as plain data, read off the CLI11 definitions the programs
// themselves parse with, for the man pages and completions gen-docs writes: what they
// say comes from the same place as --help, so they cannot drift from it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace newsdex::docs {

// What an option's value is, for completion.
enum class ValueKind {
  kNone,        // a flag: no value
  kChoice,      // one of `choices` (--format, --sort, --color)
  kFacetList,   // facet fields, comma-separated (--facet)
  kFieldValue,  // FIELD:VALUE, the field completed (--filter)
  kFacetField,  // one facet field (the FIELD of `facets`)
  kPath,        // a file or folder (--db, --corpus, --schema, ...)
  kOther,       // a number, a date, a query word: nothing to offer
};

struct Flag {
  std::vector<std::string> shorts;  // "n" for -n
  std::vector<std::string> longs;   // "limit" for --limit
  std::string positional;           // the name of a positional argument, else ""
  std::string value_name;           // "N", "TEXT", "FORMAT"... ("" for a flag)
  std::string description;
  std::string default_value;
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices;
  bool repeatable = false;
  bool required = false;
};

struct Command {
  std::string name;  // "" for the program itself
  std::string summary;
  std::string description;
  std::string footer;
  std::vector<Flag> flags;        // options and flags, in definition order
  std::vector<Flag> positionals;  // in order
};

struct Program {
  std::string name;
  std::string description;
  Command top;                    // the program's own flags (--help, --version, ...)
  std::vector<Command> commands;  // subcommands, in --help's order
};

// Reads `app` (its description, flags and subcommands). `facet_fields` and
// `all_fields` are the field names that --facet and --filter take (core/fields.h).
Program read_program(const std::string& name, const CLI::App& app);

}  // namespace newsdex::docs
