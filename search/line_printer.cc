// tsv and paths: one line per result for cut, awk, sort and xargs. Fields never hold a
// tab or newline (they are replaced by spaces), so a line is always one record.
#include "search/printer_backends.h"

namespace newsdex {
namespace {

std::string clean(const std::string& s) {
  std::string out = s;
  for (auto& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

class LinePrinter : public Printer {
 public:
  LinePrinter(std::FILE* out, const PrintOptions& o)
      : out_(out),
        paths_(o.format == OutputFormat::Paths),
        header_(o.header),
        end_(o.null_separated ? '\0' : '\n') {}

  void search(const SearchPage& p) override {
    if (p.total == 0 && p.hits.empty()) return;  // no match: stdout stays empty
    if (paths_) {
      for (const auto& h : p.hits) {
        std::fputs(h.path.c_str(), out_);
        std::fputc(end_, out_);
      }
      return;
    }
    if (header_) row({"rank", "score", "date", "path", "title"});
    for (const auto& h : p.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.4f", h.score);
      row({std::to_string(h.rank), score, h.date, h.path, h.title});
    }
  }

  void count(std::uint64_t n) override {
    std::fprintf(out_, "%llu%c", static_cast<unsigned long long>(n), end_);
  }

  void facet(const Facet& f) override {
    if (f.matches == 0 && f.values.empty()) return;  // no match: stdout stays empty
    if (header_ && !paths_) row({"field", "value", "count"});
    for (const auto& v : f.values) {
      if (paths_) {
        std::fputs(v.value.c_str(), out_);
        std::fputc(end_, out_);
      } else {
        row({f.field, v.value, std::to_string(v.count)});
      }
    }
  }

  void document(const DocumentView& d) override {
    if (paths_) {
      std::fputs(d.hit.path.c_str(), out_);
      std::fputc(end_, out_);
      return;
    }
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
      return out;
    };
    if (header_) row({"id", "path", "date", "source", "title", "person", "place", "org"});
    row({d.hit.id, d.hit.path, d.hit.date, d.hit.source, d.hit.title, join(d.hit.entities.person),
         join(d.hit.entities.place), join(d.hit.entities.org)});
  }

  void record(const Record& r) override {
    if (header_) row({"key", "value"});
    for (const auto& [key, value] : r.items())
      row({key, value.is_string() ? value.get<std::string>() : value.dump()});
  }

 private:
  void row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) std::fputc('\t', out_);
      std::fputs(clean(fields[i]).c_str(), out_);
    }
    std::fputc('\n', out_);
  }

  std::FILE* out_;
  bool paths_, header_;
  char end_;
};

}  // namespace

std::unique_ptr<Printer> make_line_printer(std::FILE* out, const PrintOptions& o) {
  return std::make_unique<LinePrinter>(out, o);
}

}  // namespace newsdex
