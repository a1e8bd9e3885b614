#include "core/text_encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>

namespace newsdex {
namespace {

enum class Order { kNone, kLittle, kBig };

// Without a byte-order mark: text in a Latin script written as UTF-16 has a zero in
// the high byte of nearly every code unit, and almost never in the low one. Binary
// formats do not show that pattern over a few KiB.
Order guess_order(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 8) return Order::kNone;
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zero += bytes[i] == '\0';
    odd_zero += bytes[i + 1] == '\0';
  }
  const std::size_t units = n / 2;
  if (odd_zero * 4 >= units * 3 && even_zero * 20 <= units) return Order::kLittle;
  if (even_zero * 4 >= units * 3 && odd_zero * 20 <= units) return Order::kBig;
  return Order::kNone;
}

}  // namespace

std::optional<std::string> utf16_to_utf8(std::string_view bytes, std::string* name) {
  Order order = Order::kNone;
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
    // FF FE 00 00 is UTF-32LE's mark: not UTF-16, and left to the binary check.
    if (bytes.size() >= 4 && bytes[2] == '\0' && bytes[3] == '\0') return std::nullopt;
    order = Order::kLittle;
    bytes.remove_prefix(2);
  } else if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    order = Order::kBig;
    bytes.remove_prefix(2);
  } else {
    order = guess_order(bytes);
  }
  if (order == Order::kNone) return std::nullopt;
  const char* from = order == Order::kLittle ? "UTF-16LE" : "UTF-16BE";
  if (name) *name = from;
  if (bytes.size() % 2) bytes.remove_suffix(1);  // a last half unit: cut short

  UErrorCode status = U_ZERO_ERROR;
  UConverter* source = ucnv_open(from, &status);
  UConverter* target = ucnv_open("UTF-8", &status);
  std::string out;
  if (U_SUCCESS(status)) {
    // At most three UTF-8 bytes per UTF-16 unit (a surrogate pair: four for two).
    out.resize(bytes.size() / 2 * 3 + 4);
    char* dst = out.data();
    const char* src = bytes.data();
    ucnv_convertEx(target, source, &dst, out.data() + out.size(), &src, bytes.data() + bytes.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &status);
    out.resize(static_cast<std::size_t>(dst - out.data()));
  }
  if (source) ucnv_close(source);
  if (target) ucnv_close(target);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

}  // namespace newsdex
