#include "tools/gen-docs/cli_model.h"

#include <algorithm>

namespace newsdex::docs {
namespace {

// The values of an IsMember check, which CLI11 describes as "{a,b,c}" in the type name.
std::vector<std::string> choices_of(const std::string& type_name) {
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type_name.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    const auto end = comma == std::string::npos ? list.size() : comma;
    if (end > start) out.push_back(list.substr(start, end - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Which kind of value an option takes. Choices and flags come from the definition;
// the fields and paths from the option's name, the one convention all three programs
// keep (a FIELD-valued option is named for it, a path-valued one for what it holds).
ValueKind kind_of(const CLI::Option& o, const std::string& name, bool has_choices) {
  if (o.get_expected_max() == 0) return ValueKind::kNone;
  if (has_choices) return ValueKind::kChoice;
  if (name == "facet") return ValueKind::kFacetList;
  if (name == "filter") return ValueKind::kFieldValue;
  if (name == "field") return ValueKind::kFacetField;
  static const char* const paths[] = {"db",        "corpus",  "schema", "log",  "pidfile",
                                      "model",     "train",   "dev",    "out",  "iso-codes",
                                      "gazetteer", "aliases", "file",   "test", "input"};
  if (std::find(std::begin(paths), std::end(paths), name) != std::end(paths))
    return ValueKind::kPath;
  return ValueKind::kOther;
}

Flag read_flag(const CLI::Option& o) {
  Flag f;
  f.shorts = o.get_snames();
  f.longs = o.get_lnames();
  if (o.get_positional() && !o.nonpositional()) f.positional = o.get_name(true, false);
  f.description = o.get_description();
  f.default_value = o.get_default_str();
  const std::string type = o.get_type_name();
  f.choices = choices_of(type);
  const std::string key = !f.longs.empty() ? f.longs.front() : f.positional;
  f.kind = kind_of(o, key, !f.choices.empty());
  if (f.kind != ValueKind::kNone) {
    const auto colon = type.find(':');
    f.value_name = !f.positional.empty() ? f.positional : type.substr(0, colon);
    if (f.kind == ValueKind::kChoice) f.value_name = key == "format" ? "FORMAT" : "WORD";
    if (f.kind == ValueKind::kPath) f.value_name = key == "db" || key == "corpus" ? "DIR" : "FILE";
    if (f.kind == ValueKind::kFacetList) f.value_name = "FIELD[,FIELD...]";
    if (f.kind == ValueKind::kFieldValue) f.value_name = "FIELD:VALUE";
    if (type.find("whole number") != std::string::npos || type.rfind("UINT", 0) == 0 ||
        type.rfind("INT", 0) == 0)
      f.value_name = "N";
    if (type.rfind("FLOAT", 0) == 0) f.value_name = "SECONDS";
    if (f.value_name == "TEXT") f.value_name = "VALUE";
  }
  f.repeatable =
      o.get_expected_max() > 1 || o.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  f.required = o.get_required();
  return f;
}

Command read_command(const CLI::App& app, const std::string& name) {
  Command c;
  c.name = name;
  c.description = app.get_description();
  c.summary = c.description.substr(0, c.description.find('\n'));
  c.footer = app.get_footer();
  for (const CLI::Option* o : app.get_options()) {
    Flag f = read_flag(*o);
    if (!f.positional.empty())
      c.positionals.push_back(std::move(f));
    else
      c.flags.push_back(std::move(f));
  }
  return c;
}

}  // namespace

Program read_program(const std::string& name, const CLI::App& app) {
  Program p;
  p.name = name;
  p.description = app.get_description();
  p.top = read_command(app, "");
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    p.commands.push_back(read_command(*sub, sub->get_name()));
  return p;
}

}  // namespace newsdex::docs
