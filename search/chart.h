// --chart: facet counts as a horizontal bar chart in the terminal, one value a line:
// the value, its count, and a bar as long as the count is to the largest. On a
// terminal the bars are Unicode block elements, drawn to an eighth of a column
// (U+2588 full block, U+2589..U+258F for seven eighths to one eighth); in a pipe, with
// `--color never` or TERM=dumb, plain ASCII '#' in whole columns, so that the output
// stays readable in any file or font. The chart fills the terminal's width ($COLUMNS,
// else the terminal's own, else 80); values wider than a third of it are cut with an
// ellipsis, and widths are measured in terminal columns, so East Asian wide
// characters count two and combining marks none.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "search/results.h"

namespace newsdex {

struct ChartStyle {
  bool unicode = false;      // block elements, else '#'
  std::size_t columns = 80;  // the width to fill
};

// The facet's values as chart lines (each ending in "\n"), in the order given. The
// values are shown through escape_for_terminal.
std::string bar_chart(const Facet& facet, const ChartStyle& style);

// The width of UTF-8 text in terminal columns (wcwidth's rules, from ICU's East Asian
// Width and general category): wide and fullwidth characters 2, combining marks,
// format characters and zero-width ones 0, the rest 1.
std::size_t display_width(std::string_view text);

// $COLUMNS when it is a number, else the width of the terminal on stdout, else 80.
std::size_t terminal_columns();

}  // namespace newsdex
