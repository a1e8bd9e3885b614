#include "core/html_text.h"

#include "core/html_dom.h"

namespace newsdex {

std::string html_fragment_text(std::string_view html) {
  const auto document = html::Document::fragment(html);
  html::TextWriter writer;
  writer.node(document.root());
  return writer.take();
}

}  // namespace newsdex
