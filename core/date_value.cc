#include "core/date_value.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {
namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::string ymd(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return {};
  if (d > kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return {};
  std::string out = std::to_string(y * 10000 + m * 100 + d);
  return out;
}

// 1..12 for a month name, any case: English (and its three-letter abbreviations, as
// RFC 822 and Reuters write them), and the full names in the languages of the news
// newsdex reads ("12 de agosto de 2017", "3. März 2018", "5 février 2019").
int month_of(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  // German, French, Spanish, Italian, Portuguese, Dutch; a name shared by several
  // languages is listed once.
  static constexpr std::pair<std::string_view, int> kOther[] = {
      {"januar", 1},    {"janvier", 1},   {"enero", 1},     {"gennaio", 1},    {"janeiro", 1},
      {"januari", 1},   {"februar", 2},   {"février", 2},   {"fevrier", 2},    {"febrero", 2},
      {"febbraio", 2},  {"fevereiro", 2}, {"februari", 2},  {"märz", 3},       {"maerz", 3},
      {"mars", 3},      {"marzo", 3},     {"março", 3},     {"marco", 3},      {"maart", 3},
      {"avril", 4},     {"abril", 4},     {"aprile", 4},    {"mai", 5},        {"mayo", 5},
      {"maggio", 5},    {"maio", 5},      {"mei", 5},       {"juni", 6},       {"juin", 6},
      {"junio", 6},     {"giugno", 6},    {"junho", 6},     {"juli", 7},       {"juillet", 7},
      {"julio", 7},     {"luglio", 7},    {"julho", 7},     {"août", 8},       {"aout", 8},
      {"agosto", 8},    {"augustus", 8},  {"septembre", 9}, {"septiembre", 9}, {"setiembre", 9},
      {"settembre", 9}, {"setembro", 9},  {"oktober", 10},  {"octobre", 10},   {"octubre", 10},
      {"ottobre", 10},  {"outubro", 10},  {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
      {"dezember", 12}, {"décembre", 12}, {"decembre", 12}, {"diciembre", 12}, {"dicembre", 12},
      {"dezembro", 12}};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "sept") return 9;
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == lower || (lower.size() == 3 && kMonths[i].substr(0, 3) == lower))
      return i + 1;
  for (const auto& [name, month] : kOther)
    if (name == lower) return month;
  return 0;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() ? v : -1;
}

std::string from_unix(long long seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return {};
  return ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// The value split into runs of letters (UTF-8 sequences count as letters: "März") and
// of digits; everything else separates.
struct Token {
  std::string_view text;
  bool digits;
};

bool letter(unsigned char c) {
  return std::isalpha(c) || c >= 0x80;
}

std::vector<Token> tokens(std::string_view s, std::size_t max) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < max) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool digit = std::isdigit(c) != 0;
    if (!digit && !letter(c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && (digit ? std::isdigit(static_cast<unsigned char>(s[j])) != 0
                                  : letter(static_cast<unsigned char>(s[j]))))
      ++j;
    const std::string_view text = s.substr(i, j - i);
    i = j;
    // "12 de agosto de 2017", "12 of May 2018": the little words between day, month and
    // year say nothing.
    if (!digit && (text == "de" || text == "del" || text == "of" || text == "di")) continue;
    out.push_back({text, digit});
  }
  return out;
}

// D/M/YYYY or M/D/YYYY (also with '.' or '-', a two-digit year, a time after): the
// order the values allow, day first when both could be a month, as most of the world
// writes it ("24/9/2017", "9/24/2017" and "1/2/2018" give 24 and 24 September 2017
// and 1 February 2018).
std::string numeric_day_month_year(std::string_view value) {
  std::size_t i = 0;
  int parts[3] = {0, 0, 0};
  std::size_t lengths[3] = {0, 0, 0};
  char separator = 0;
  for (int k = 0; k < 3; ++k) {
    const std::size_t start = i;
    while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])) && i - start < 4)
      parts[k] = parts[k] * 10 + (value[i++] - '0');
    lengths[k] = i - start;
    if (lengths[k] == 0) return {};
    if (k == 2) break;
    if (i >= value.size()) return {};
    if (separator == 0 && (value[i] == '/' || value[i] == '.' || value[i] == '-'))
      separator = value[i];
    if (value[i] != separator) return {};
    ++i;
  }
  if (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) return {};
  if (lengths[0] > 2 || lengths[1] > 2 || (lengths[2] != 4 && lengths[2] != 2)) return {};
  int year = parts[2];
  if (lengths[2] == 2) year += year < 70 ? 2000 : 1900;
  int day = parts[0], month = parts[1];
  if (month > 12 && day <= 12) std::swap(day, month);
  return ymd(year, month, day);
}

}  // namespace

std::string parse_date_value(std::string_view value) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
    value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
    value.remove_suffix(1);
  if (value.empty() || value.size() > 100) return {};

  if (all_digits(value)) {
    if (value.size() == 8)
      return ymd(number(value.substr(0, 4)), number(value.substr(4, 2)),
                 number(value.substr(6, 2)));
    if (value.size() == 9 || value.size() == 10) return from_unix(std::stoll(std::string(value)));
    if (value.size() == 13) return from_unix(std::stoll(std::string(value)) / 1000);
    return {};
  }
  // ISO 8601: YYYY-MM-DD, then anything (a time, a zone).
  if (value.size() >= 10 && all_digits(value.substr(0, 4)) && value[4] == '-' &&
      all_digits(value.substr(5, 2)) && value[7] == '-' && all_digits(value.substr(8, 2)) &&
      (value.size() == 10 || !std::isdigit(static_cast<unsigned char>(value[10]))))
    return ymd(number(value.substr(0, 4)), number(value.substr(5, 2)), number(value.substr(8, 2)));
  // YYYY/MM/DD
  if (value.size() >= 10 && all_digits(value.substr(0, 4)) && value[4] == '/' &&
      all_digits(value.substr(5, 2)) && value[7] == '/' && all_digits(value.substr(8, 2)))
    return ymd(number(value.substr(0, 4)), number(value.substr(5, 2)), number(value.substr(8, 2)));

  if (std::string numeric = numeric_day_month_year(value); !numeric.empty()) return numeric;

  // Forms with a month name: a weekday may lead ("Thu, 12 Apr 2018"), and the first
  // day, month and year found make the date; the time that follows is ignored.
  const auto t = tokens(value, 8);
  for (std::size_t i = 0; i + 2 < t.size() + 0; ++i) {
    // day month year: "12 Apr 2018", "12-APR-2018"
    if (t[i].digits && !t[i + 1].digits && t[i + 2].digits && t[i].text.size() <= 2 &&
        t[i + 2].text.size() == 4)
      if (int m = month_of(t[i + 1].text)) return ymd(number(t[i + 2].text), m, number(t[i].text));
    // month day year: "April 12, 2018"
    if (!t[i].digits && t[i + 1].digits && t[i + 2].digits && t[i + 1].text.size() <= 2 &&
        t[i + 2].text.size() == 4)
      if (int m = month_of(t[i].text)) return ymd(number(t[i + 2].text), m, number(t[i + 1].text));
  }
  return {};
}

}  // namespace newsdex
