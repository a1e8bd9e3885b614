#include "tools/gen-docs/man_page.h"

#include <sstream>
#include <stdexcept>

namespace newsdex::docs {

std::string roff_escape(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";  // a minus, not a hyphen: copied options must stay typable
    } else if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

namespace {

std::string flag_names(const Flag& f) {
  std::string out;
  for (const auto& s : f.shorts)
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-") + s + "\\fR";
  for (const auto& l : f.longs)
    out += (out.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff_escape(l) + "\\fR";
  if (!f.value_name.empty()) out += " \\fI" + roff_escape(f.value_name) + "\\fR";
  return out;
}

void write_flags(std::ostringstream& out, const Command& c) {
  for (const Flag& p : c.positionals) {
    out << ".TP\n\\fI" << roff_escape(p.positional) << "\\fR" << (p.repeatable ? "..." : "") << "\n"
        << roff_escape(p.description) << "\n";
  }
  for (const Flag& f : c.flags) {
    out << ".TP\n" << flag_names(f) << "\n" << roff_escape(f.description);
    if (!f.choices.empty()) {
      out << " (";
      for (std::size_t i = 0; i < f.choices.size(); ++i)
        out << (i ? ", " : "") << "\\fB" << roff_escape(f.choices[i]) << "\\fR";
      out << ")";
    }
    if (!f.default_value.empty() && f.default_value != "[]")
      out << "; default: \\fB" << roff_escape(f.default_value) << "\\fR";
    out << (f.repeatable && f.kind != ValueKind::kNone ? "; may be given more than once" : "")
        << "\n";
  }
}

std::string synopsis_of(const std::string& program, const Command& c) {
  std::string line = ".B " + program + (c.name.empty() ? "" : " " + c.name) + "\n";
  std::string args;
  for (const Flag& f : c.flags) {
    if (f.longs.empty() || f.longs.front() == "help" || f.longs.front() == "version") continue;
    std::string name =
        f.shorts.empty() ? "\\-\\-" + roff_escape(f.longs.front()) : "\\-" + f.shorts.front();
    args += "[\\fB" + name + "\\fR" +
            (f.value_name.empty() ? "" : " \\fI" + roff_escape(f.value_name) + "\\fR") + "] ";
  }
  for (const Flag& p : c.positionals)
    args += (p.required ? "\\fI" : "[\\fI") + roff_escape(p.positional) + "\\fR" +
            (p.repeatable ? "..." : "") + (p.required ? " " : "] ");
  return line + args + "\n.br\n";
}

}  // namespace

std::string man_page(const std::string& template_text, const Program& program) {
  const std::string marker = "@OPTIONS@\n";
  const auto at = template_text.find(marker);
  if (at == std::string::npos) throw std::runtime_error("template has no @OPTIONS@ line");
  std::ostringstream out;
  if (program.commands.empty()) {
    out << ".SH OPTIONS\n";
    write_flags(out, program.top);
  } else {
    out << ".SH COMMANDS\n";
    for (const Command& c : program.commands) {
      out << ".SS \"" << program.name << " " << c.name << "\"\n";
      out << synopsis_of(program.name, c) << ".PP\n" << roff_escape(c.description) << "\n";
      if (!c.footer.empty()) out << ".PP\n" << roff_escape(c.footer) << "\n";
      write_flags(out, c);
    }
    out << ".SH GLOBAL OPTIONS\n";
    write_flags(out, program.top);
  }
  return template_text.substr(0, at) + out.str() + template_text.substr(at + marker.size());
}

}  // namespace newsdex::docs
