// IOB2 tag set of the CoNLL-2003 task and the decoding of tag sequences into spans.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::ner {

// Tags are small integers so that weight rows can be indexed directly:
// 0 = O, then B-/I- pairs for PER, LOC, ORG, MISC (B = 1 + 2*type, I = 2 + 2*type).
inline constexpr int kNumTags = 9;
inline constexpr int kNumTypes = 4;
inline constexpr int kOutside = 0;

// Type indices: 0 PER, 1 LOC, 2 ORG, 3 MISC.
inline constexpr std::array<const char*, kNumTypes> kTypeCodes = {"PER", "LOC", "ORG", "MISC"};

std::string tag_name(int tag);
// Returns -1 when `name` is not one of the nine IOB2 tags.
int parse_tag(std::string_view name);
// Entity type of a tag, -1 for O.
inline int tag_type(int tag) {
  return tag == kOutside ? -1 : (tag - 1) / 2;
}
inline bool is_begin(int tag) {
  return tag != kOutside && (tag - 1) % 2 == 0;
}
inline int begin_tag(int type) {
  return 1 + 2 * type;
}
inline int inside_tag(int type) {
  return 2 + 2 * type;
}
// IOB2 well-formedness: I-X may only follow B-X or I-X. `prev` is -1 at sentence start.
bool transition_allowed(int prev, int tag);

// A span of tokens [begin, end) of one entity type.
struct TagSpan {
  int type;
  std::size_t begin;
  std::size_t end;
  bool operator==(const TagSpan&) const = default;
};

// Chunks as conlleval counts them: a chunk starts at B-X, or at I-X that does not continue a
// chunk of type X (so ill-formed input is still scored the way the reference script scores it).
std::vector<TagSpan> spans_from_tags(const std::vector<int>& tags);

}  // namespace newsdex::ner
