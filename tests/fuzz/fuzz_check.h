// What the fuzz targets share: a failed invariant is a finding, reported on stderr
// and turned into a crash that libFuzzer keeps the input of.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/schema_text.h"

namespace newsdex::fuzz {

inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
  std::abort();
}

inline bool valid_utf8(std::string_view text) {
  return invalid_utf8_at(text) == std::string_view::npos;
}

}  // namespace newsdex::fuzz
