#include "core/article_parser.h"

#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <ctime>

#include "core/errors.h"

namespace newsdex {
namespace {

bool is_space_line(std::string_view line) {
  for (unsigned char c : line)
    if (!std::isspace(c)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  // ASCII spaces plus the UTF-8 no-break space, common around datelines.
  for (;;) {
    if (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
      s.remove_prefix(1);
    else if (s.substr(0, 2) == "\xC2\xA0")
      s.remove_prefix(2);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
      s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
      s.remove_suffix(2);
    else
      break;
  }
  return s;
}

// "UNITED STATES" -> "United States": datelines shout, facets should not.
std::string title_case(const std::string& upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(upper);
  u.toTitle(nullptr);
  std::string out;
  u.toUTF8String(out);
  return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

int month_number(std::string_view word) {
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
    // Abbreviations: "Jan", "Sept".
    if (lower.size() >= 3 && lower != "may" && kMonths[i].substr(0, lower.size()) == lower &&
        lower.size() <= 4)
      return static_cast<int>(i) + 1;
  }
  return 0;
}

bool valid_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] &&
         !(m == 2 && d == 29 && !leap);
}

std::string yyyymmdd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

// A token of the date scanner: a run of letters, a run of digits, or one other byte.
struct Token {
  std::string_view text;
  bool digits = false;
  bool letters = false;
};

std::vector<Token> date_tokens(std::string_view text) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t j = i + 1;
    Token t;
    if (std::isdigit(c)) {
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      t.digits = true;
    } else if (std::isalpha(c)) {
      while (j < text.size() &&
             (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '.'))
        ++j;
      t.letters = true;
    } else if (c == ' ' || c == ',') {
      // Runs of separators collapse so "April 12,  2018" reads as one form.
      while (j < text.size() && (text[j] == ' ' || text[j] == ',')) ++j;
    }
    t.text = text.substr(i, j - i);
    out.push_back(t);
    i = j;
  }
  return out;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string find_date(std::string_view text) {
  const auto t = date_tokens(text);
  auto sep = [&](std::size_t i) {
    return i < t.size() && !t[i].digits && !t[i].letters &&
           (t[i].text[0] == ' ' || t[i].text[0] == ',');
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    // 2018-04-12
    if (t[i].digits && t[i].text.size() == 4 && i + 4 < t.size() && t[i + 1].text == "-" &&
        t[i + 2].digits && t[i + 2].text.size() == 2 && t[i + 3].text == "-" && t[i + 4].digits &&
        t[i + 4].text.size() == 2 && (i + 5 >= t.size() || !t[i + 5].digits)) {
      int y = to_int(t[i].text), m = to_int(t[i + 2].text), d = to_int(t[i + 4].text);
      if (valid_date(y, m, d)) return yyyymmdd(y, m, d);
    }
    // April 12, 2018
    if (t[i].letters && i + 4 < t.size() && sep(i + 1) && t[i + 2].digits &&
        t[i + 2].text.size() <= 2 && sep(i + 3) && t[i + 4].digits && t[i + 4].text.size() == 4) {
      int m = month_number(t[i].text);
      int y = to_int(t[i + 4].text), d = to_int(t[i + 2].text);
      if (m && valid_date(y, m, d)) return yyyymmdd(y, m, d);
    }
    // 12 April 2018
    if (t[i].digits && t[i].text.size() <= 2 && i + 4 < t.size() && sep(i + 1) &&
        t[i + 2].letters && sep(i + 3) && t[i + 4].digits && t[i + 4].text.size() == 4) {
      int m = month_number(t[i + 2].text);
      int y = to_int(t[i + 4].text), d = to_int(t[i].text);
      if (m && valid_date(y, m, d)) return yyyymmdd(y, m, d);
    }
  }
  return {};
}

std::string date_of_mtime(std::int64_t mtime) {
  std::time_t t = static_cast<std::time_t>(mtime);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return yyyymmdd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

ArticleParser::ArticleParser(const Schema& schema) : schema_(schema) {
  if (schema.dateline_pattern.empty()) return;
  // parse_schema checked the pattern already; a schema read back from an older
  // database's JSON was not, so the checks stay here too.
  std::string error;
  dateline_ = BoundedRegex::compile(schema.dateline_pattern, error);
  if (!dateline_) throw UsageError(schema.source_path + ": dateline.pattern: " + error);
  if (dateline_->groups() < 2)
    throw UsageError(schema.source_path +
                     ": dateline.pattern: needs two groups, the place and the source");
}

ArticleParser::~ArticleParser() = default;

bool ArticleParser::match_dateline(std::string_view head, Article& a) {
  if (dateline_->looking_at(head, groups_) != BoundedRegex::Result::kMatch) return false;
  a.dateline_place = title_case(std::string(trim(groups_[0])));
  a.source = std::string(trim(groups_[1]));
  return true;
}

Article ArticleParser::parse(std::string_view text, const std::string& relative_path,
                             std::int64_t mtime) {
  Article a;
  a.path = relative_path;
  if (schema_.section_from_folder) {
    auto slash = relative_path.rfind('/');
    if (slash != std::string::npos) {
      auto parent = relative_path.substr(0, slash);
      auto up = parent.rfind('/');
      a.section = up == std::string::npos ? parent : parent.substr(up + 1);
    }
  }

  // Title: the first non-empty line; body: everything after it.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!is_space_line(line)) {
      a.title = std::string(trim(line));
      break;
    }
  }
  a.body = std::string(trim(text.substr(pos)));

  if (dateline_ && !a.body.empty()) {
    // A dateline opens the body, or the first paragraph after a date or byline line:
    // try each line start within the first few hundred bytes.
    std::string_view body(a.body);
    // One budget for all the line starts of this article: a pattern that backtracks
    // without end costs each article the same bounded time, and finds no dateline.
    dateline_->set_budget(kDatelineSteps);
    const std::size_t limit = std::min<std::size_t>(body.size(), 400);
    for (std::size_t line = 0; line < limit;) {
      if (match_dateline(body.substr(line, 240), a)) break;
      std::size_t nl = body.find('\n', line);
      if (nl == std::string_view::npos) break;
      line = nl + 1;
    }
  }

  std::string_view head(a.body);
  head = head.substr(0, schema_.date_search_chars);
  a.date = find_date(a.title);
  if (a.date.empty()) a.date = find_date(head);
  a.date_from_text = !a.date.empty();
  if (a.date.empty() && schema_.date_from_mtime) a.date = date_of_mtime(mtime);
  return a;
}

}  // namespace newsdex
