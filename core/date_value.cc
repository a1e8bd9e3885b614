#include "core/date_value.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <string>
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

// 1..12 for an English month name or its three-letter abbreviation, any case.
int month_of(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "sept") return 9;
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == lower || (lower.size() == 3 && kMonths[i].substr(0, 3) == lower))
      return i + 1;
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

// The value split into runs of letters and of digits; everything else separates.
struct Token {
  std::string_view text;
  bool digits;
};

std::vector<Token> tokens(std::string_view s, std::size_t max) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < max) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c)) {
      ++i;
      continue;
    }
    const bool digit = std::isdigit(c) != 0;
    std::size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) &&
           (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit)
      ++j;
    out.push_back({s.substr(i, j - i), digit});
    i = j;
  }
  return out;
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
