#include "search/chart.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "search/terminal_escape.h"

namespace newsdex {
namespace {

constexpr std::size_t kMinColumns = 20;
constexpr std::size_t kMaxColumns = 1000;

int char_width(UChar32 c) {
  if (c == 0x200B || (c >= 0x1160 && c <= 0x11FF)) return 0;  // zero width, Hangul medial
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      category == U_CONTROL_CHAR)
    return 0;
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// The longest start of `text` at most `columns` wide.
std::string_view cut_to_width(std::string_view text, std::size_t columns) {
  std::size_t used = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    const std::size_t w = c < 0 ? 1 : static_cast<std::size_t>(char_width(c));
    if (used + w > columns) return text.substr(0, static_cast<std::size_t>(start));
    used += w;
  }
  return text;
}

std::string pad_to(std::string text, std::size_t width, std::size_t columns) {
  if (width < columns) text.append(columns - width, ' ');
  return text;
}

std::string bar(std::uint64_t count, std::uint64_t largest, std::size_t columns, bool unicode) {
  if (count == 0 || largest == 0 || columns == 0) return {};
  const long double share = static_cast<long double>(count) / static_cast<long double>(largest);
  if (!unicode) {
    const auto n = static_cast<std::size_t>(share * columns + 0.5L);
    return std::string(std::max<std::size_t>(n, 1), '#');  // a count is never invisible
  }
  auto eighths = static_cast<std::size_t>(share * columns * 8 + 0.5L);
  eighths = std::max<std::size_t>(eighths, 1);
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) out += "\u2588";
  if (const std::size_t rest = eighths % 8) {
    // U+2589 is seven eighths ... U+258F one eighth: three bytes, the last 0x89..0x8F.
    const char partial[] = {'\xE2', '\x96', static_cast<char>(0x90 - rest), 0};
    out += partial;
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    width += c < 0 ? 1 : static_cast<std::size_t>(char_width(c));
  }
  return width;
}

std::size_t terminal_columns() {
  std::size_t columns = 0;
  if (const char* env = std::getenv("COLUMNS")) {
    const char* end = env + std::strlen(env);
    std::size_t n = 0;
    const auto r = std::from_chars(env, end, n);
    if (r.ec == std::errc() && r.ptr == end && n > 0) columns = n;
  }
  winsize size{};
  if (!columns && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0)
    columns = size.ws_col;
  if (!columns) columns = 80;
  return std::clamp(columns, kMinColumns, kMaxColumns);
}

std::string bar_chart(const Facet& facet, const ChartStyle& style) {
  const std::size_t columns = std::clamp(style.columns, kMinColumns, kMaxColumns);
  std::uint64_t largest = 0;
  std::size_t label_width = 0, count_width = 1;
  std::vector<std::string> labels;
  for (const auto& v : facet.values) {
    labels.push_back(escape_for_terminal(v.value));
    label_width = std::max(label_width, display_width(labels.back()));
    largest = std::max(largest, v.count);
    count_width = std::max(count_width, std::to_string(v.count).size());
  }
  // Names may take a third of the line; the bars get the rest, at least 10 columns.
  const std::size_t fixed = 2 + 2 + count_width + 1;  // indent, gap, count, space
  label_width = std::min(label_width, std::max<std::size_t>(columns / 3, 8));
  const std::size_t bar_columns =
      columns > fixed + label_width + 10 ? columns - fixed - label_width : 10;
  const std::string ellipsis = style.unicode ? "\u2026" : "...";
  const std::size_t ellipsis_width = style.unicode ? 1 : 3;

  std::string out;
  for (std::size_t i = 0; i < facet.values.size(); ++i) {
    std::string label = labels[i];
    std::size_t width = display_width(label);
    if (width > label_width) {
      label = std::string(cut_to_width(label, label_width - ellipsis_width)) + ellipsis;
      width = display_width(label);
    }
    const std::string count = std::to_string(facet.values[i].count);
    out += "  " + pad_to(label, width, label_width) + "  ";
    out.append(count_width - count.size(), ' ');
    out += count + " " + bar(facet.values[i].count, largest, bar_columns, style.unicode);
    while (!out.empty() && out.back() == ' ') out.pop_back();  // no trailing blanks
    out += "\n";
  }
  return out;
}

}  // namespace newsdex
