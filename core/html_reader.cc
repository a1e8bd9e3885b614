#include "core/html_reader.h"

#include <cctype>

#include "core/html_dom.h"
#include "core/html_main_text.h"
#include "core/html_metadata.h"
#include "core/html_title.h"

namespace newsdex {
namespace {

std::string_view host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  return url.substr(0, url.find_first_of("/:?#"));
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

bool looks_like_html(std::string_view head) {
  for (;;) {
    while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front())))
      head.remove_prefix(1);
    if (head.starts_with("<!--")) {
      const auto end = head.find("-->", 4);
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 3);
      continue;
    }
    break;
  }
  for (std::string_view start : {"<!doctype html", "<html", "<head", "<body"})
    if (starts_with_nocase(head, start)) {
      if (start == "<!doctype html") return true;
      // "<html>", "<html lang=...>", not "<htmlfoo>".
      const char next = head.size() > start.size() ? head[start.size()] : '>';
      return next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next));
    }
  return false;
}

std::vector<FileArticle> HtmlReader::read(std::string_view text, const std::string& relative,
                                          std::int64_t mtime) {
  const html::Document document(text);
  const HtmlMetadata meta = read_html_metadata(document.root());
  const std::string title =
      strip_site_name(meta.title, meta.site_name, meta.headings, host_of(meta.url));
  std::string body = html_main_text(document.root(), title);
  // A page whose text a script draws has it only in its JSON-LD.
  if (body.size() * 2 < meta.json_ld_body.size())
    body = html::collapse_whitespace(meta.json_ld_body);
  if (body.empty() && title.empty()) return {};

  // The plain-text parser gives the section, a dateline at the start of the body, and
  // the date the text gives, else the file's; what the page's metadata says wins.
  std::string composed = title;
  composed += '\n';
  composed += body;
  FileArticle out;
  out.article = parser_.parse(composed, relative, mtime);
  if (!meta.date.empty()) {
    out.article.date = meta.date;
    out.article.date_from_text = true;
  }
  if (!meta.site_name.empty()) out.article.source = meta.site_name;
  out.article.authors = meta.authors;
  out.article.url = meta.url;
  out.article.language = meta.language;
  std::vector<FileArticle> articles;
  articles.push_back(std::move(out));
  return articles;
}

}  // namespace newsdex
