#include "core/ner/tags.h"

namespace newsdex::ner {

std::string tag_name(int tag) {
  if (tag == kOutside) return "O";
  return std::string(is_begin(tag) ? "B-" : "I-") + kTypeCodes[tag_type(tag)];
}

int parse_tag(std::string_view name) {
  if (name == "O") return kOutside;
  if (name.size() < 3 || name[1] != '-' || (name[0] != 'B' && name[0] != 'I')) return -1;
  for (int type = 0; type < kNumTypes; ++type) {
    if (name.substr(2) == kTypeCodes[type]) {
      return name[0] == 'B' ? begin_tag(type) : inside_tag(type);
    }
  }
  return -1;
}

bool transition_allowed(int prev, int tag) {
  if (tag == kOutside || is_begin(tag)) return true;
  return prev != -1 && prev != kOutside && tag_type(prev) == tag_type(tag);
}

std::vector<TagSpan> spans_from_tags(const std::vector<int>& tags) {
  std::vector<TagSpan> spans;
  int open_type = -1;
  std::size_t open_begin = 0;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    int tag = i < tags.size() ? tags[i] : kOutside;
    int type = tag_type(tag);
    bool continues = type != -1 && type == open_type && !is_begin(tag);
    if (open_type != -1 && !continues) {
      spans.push_back({open_type, open_begin, i});
      open_type = -1;
    }
    if (type != -1 && !continues) {
      open_type = type;
      open_begin = i;
    }
  }
  return spans;
}

}  // namespace newsdex::ner
