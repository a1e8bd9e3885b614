#include "core/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/date_value.h"
#include "core/html_dom.h"
#include "core/language_code.h"

namespace newsdex {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_absolute_url(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

// What the page gives, gathered in one walk; read_html_metadata then picks from it.
struct Found {
  std::vector<std::pair<std::string, std::string>> metas;  // lowercased key -> content
  std::string html_lang, title, h1, canonical, base;
  std::string time_in_article, time_pubdate;
  std::vector<std::string> rel_authors, json_ld;
  std::vector<std::string> headings;  // of <h2>, <h3>, <b>, <strong>, in order
};

// The first value of any of `keys` among the meta tags, in the order of `keys`.
std::string meta(const Found& f, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys)
    for (const auto& [k, v] : f.metas)
      if (k == key && !v.empty()) return v;
  return {};
}

std::vector<std::string> metas(const Found& f, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& [k, v] : f.metas)
    if (k == key && !v.empty()) out.push_back(v);
  return out;
}

void gather(const GumboNode* root, Found& f) {
  int in_article = 0;
  html::walk(
      root,
      [&](const GumboNode* node) {
        if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
        switch (node->v.element.tag) {
          case GUMBO_TAG_HTML:
            if (f.html_lang.empty()) f.html_lang = html::attribute(node, "lang");
            if (f.html_lang.empty()) f.html_lang = html::attribute(node, "xml:lang");
            return true;
          case GUMBO_TAG_META: {
            std::string key(html::attribute(node, "property"));
            if (key.empty()) key = html::attribute(node, "name");
            if (key.empty()) key = html::attribute(node, "itemprop");
            if (key.empty()) key = html::attribute(node, "http-equiv");
            if (!key.empty())
              f.metas.emplace_back(lower(key),
                                   html::collapse_whitespace(html::attribute(node, "content")));
            return false;
          }
          case GUMBO_TAG_LINK: {
            const std::string rel = lower(html::attribute(node, "rel"));
            if (rel == "canonical" && f.canonical.empty())
              f.canonical = html::collapse_whitespace(html::attribute(node, "href"));
            return false;
          }
          case GUMBO_TAG_BASE:
            if (f.base.empty()) f.base = html::attribute(node, "href");
            return false;
          case GUMBO_TAG_TITLE:
            // Its text children as they are: <title> holds text only, and is never text
            // to the writer of inline_text.
            if (f.title.empty()) {
              std::string title;
              for (unsigned i = 0; i < node->v.element.children.length; ++i) {
                const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[i]);
                if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_WHITESPACE)
                  title += text->v.text.text;
              }
              f.title = html::collapse_whitespace(title);
            }
            return false;
          case GUMBO_TAG_H1:
            if (f.h1.empty()) f.h1 = html::inline_text(node);
            return false;
          case GUMBO_TAG_H2:
          case GUMBO_TAG_H3:
          case GUMBO_TAG_B:
          case GUMBO_TAG_STRONG:
            // Where pages without an <h1> print the headline (kept few: only the first
            // ones can be it).
            if (f.headings.size() < 40) f.headings.push_back(html::inline_text(node));
            return false;
          case GUMBO_TAG_SCRIPT:
            if (lower(html::attribute(node, "type")) == "application/ld+json")
              for (unsigned i = 0; i < node->v.element.children.length; ++i) {
                const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[i]);
                if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA)
                  f.json_ld.emplace_back(text->v.text.text);
              }
            return false;
          case GUMBO_TAG_TIME: {
            std::string_view when = html::attribute(node, "datetime");
            if (when.empty()) return true;
            if (html::has_attribute(node, "pubdate") ||
                lower(html::attribute(node, "itemprop")) == "datepublished") {
              if (f.time_pubdate.empty()) f.time_pubdate = when;
            } else if (in_article && f.time_in_article.empty()) {
              f.time_in_article = when;
            }
            return true;
          }
          case GUMBO_TAG_ARTICLE:
            ++in_article;
            return true;
          default:
            if (lower(html::attribute(node, "rel")) == "author") {
              std::string name = html::inline_text(node);
              if (!name.empty()) f.rel_authors.push_back(std::move(name));
              return false;
            }
            if (lower(html::attribute(node, "itemprop")) == "datepublished" &&
                f.time_pubdate.empty())
              f.time_pubdate = html::attribute(node, "content");
            return !html::is_never_text(node) || node->v.element.tag == GUMBO_TAG_HEAD;
        }
      },
      [&](const GumboNode* node) {
        if (html::is_element(node) && node->v.element.tag == GUMBO_TAG_ARTICLE) --in_article;
      });
}

// JSON-LD: the schema.org types a news article is written as.
bool is_article_type(const json& type) {
  static constexpr std::string_view kTypes[] = {
      "NewsArticle",          "Article",          "ReportageNewsArticle", "AnalysisNewsArticle",
      "OpinionNewsArticle",   "BlogPosting",      "LiveBlogPosting",      "BackgroundNewsArticle",
      "ReviewNewsArticle",    "Report",           "ScholarlyArticle",     "TechArticle",
      "AskPublicNewsArticle", "SatiricalArticle", "SocialMediaPosting",   "Posting"};
  auto one = [](const json& t) {
    if (!t.is_string()) return false;
    std::string_view s = t.get_ref<const std::string&>();
    if (const auto slash = s.rfind('/'); slash != std::string_view::npos)
      s.remove_prefix(slash + 1);
    if (s.starts_with("schema:")) s.remove_prefix(7);
    return std::find(std::begin(kTypes), std::end(kTypes), s) != std::end(kTypes);
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

// The first article object in a JSON-LD value: itself, an element of an array, or of
// its @graph, searched a few levels down (mainEntity).
const json* find_article(const json& value, int depth = 0) {
  if (depth > 4) return nullptr;
  if (value.is_array()) {
    for (const json& item : value)
      if (const json* found = find_article(item, depth + 1)) return found;
    return nullptr;
  }
  if (!value.is_object()) return nullptr;
  if (auto type = value.find("@type"); type != value.end() && is_article_type(*type)) return &value;
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"})
    if (auto inner = value.find(key); inner != value.end())
      if (const json* found = find_article(*inner, depth + 1)) return found;
  return nullptr;
}

std::string string_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return html::collapse_whitespace(it->get_ref<const std::string&>());
  if (it->is_object()) {
    for (const char* inner : {"name", "@id", "url", "@value"}) {
      std::string s = string_at(*it, inner);
      if (!s.empty()) return s;
    }
  }
  if (it->is_array() && !it->empty() && it->front().is_string())
    return html::collapse_whitespace(it->front().get_ref<const std::string&>());
  return {};
}

// Names of JSON-LD persons: "Ann", {"name": "Ann"}, or an array of either.
void names_of(const json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    std::string name = html::collapse_whitespace(value.get_ref<const std::string&>());
    if (!name.empty() && !is_absolute_url(name)) out.push_back(std::move(name));
  } else if (value.is_object()) {
    if (auto name = value.find("name"); name != value.end() && !name->is_object())
      names_of(*name, out);
  } else if (value.is_array()) {
    for (const json& item : value) names_of(item, out);
  }
}

struct JsonLd {
  std::string headline, date, publisher, url, language, body;
  std::vector<std::string> authors;
};

JsonLd read_json_ld(const std::vector<std::string>& scripts) {
  JsonLd out;
  for (const std::string& text : scripts) {
    // Not valid JSON: the next script may be. (JSON-LD blocks often end with a stray
    // comma or hold several objects; such a block is skipped, not the page.)
    const json value = json::parse(text, nullptr, /*allow_exceptions=*/false,
                                   /*ignore_comments=*/true);
    if (value.is_discarded()) continue;
    const json* article = find_article(value);
    if (!article) continue;
    out.headline = string_at(*article, "headline");
    if (out.headline.empty()) out.headline = string_at(*article, "name");
    out.date = string_at(*article, "datePublished");
    if (out.date.empty()) out.date = string_at(*article, "dateCreated");
    if (auto author = article->find("author"); author != article->end())
      names_of(*author, out.authors);
    if (auto publisher = article->find("publisher"); publisher != article->end()) {
      std::vector<std::string> names;
      names_of(*publisher, names);
      if (!names.empty()) out.publisher = names.front();
    }
    out.url = string_at(*article, "url");
    if (!is_absolute_url(out.url)) out.url = string_at(*article, "mainEntityOfPage");
    out.language = string_at(*article, "inLanguage");
    if (auto body = article->find("articleBody"); body != article->end() && body->is_string())
      out.body = body->get<std::string>();
    return out;
  }
  return out;
}

void add_authors(std::vector<std::string>& authors, std::vector<std::string> more) {
  for (std::string& name : more) {
    // "By Ann Smith and Bob Jones" as a meta byline: the names only.
    std::string_view n = name;
    if (n.size() > 3 && (n.starts_with("By ") || n.starts_with("by ") || n.starts_with("BY ")))
      n.remove_prefix(3);
    std::string clean = html::collapse_whitespace(n);
    if (clean.empty() || is_absolute_url(clean) || clean.size() > 200) continue;
    if (std::find(authors.begin(), authors.end(), clean) == authors.end())
      authors.push_back(std::move(clean));
  }
}

}  // namespace

HtmlMetadata read_html_metadata(const GumboNode* root) {
  Found f;
  gather(root, f);
  const JsonLd ld = read_json_ld(f.json_ld);
  HtmlMetadata m;
  if (!f.h1.empty()) m.headings.push_back(f.h1);
  m.headings.insert(m.headings.end(), f.headings.begin(), f.headings.end());

  m.title = meta(f, {"og:title", "twitter:title"});
  if (m.title.empty()) m.title = ld.headline;
  if (m.title.empty()) m.title = f.title;
  if (m.title.empty()) m.title = f.h1;

  m.site_name = meta(f, {"og:site_name"});
  if (m.site_name.empty()) m.site_name = ld.publisher;
  if (m.site_name.empty()) m.site_name = meta(f, {"application-name", "publisher", "dc.publisher"});

  // The first candidate that is a date: a page may carry a malformed one in a tag it
  // has, and a good one in another.
  for (const std::string& candidate :
       {meta(f, {"article:published_time"}), ld.date,
        meta(f, {"og:article:published_time", "date", "pubdate", "publishdate", "publish-date",
                 "publish_date", "article.published", "article_date_original", "dc.date.issued",
                 "dc.date", "dcterms.date", "dcterms.created", "dcterms.issued", "sailthru.date",
                 "parsely-pub-date", "datepublished", "original-publish-date", "displaydate"}),
        f.time_pubdate, f.time_in_article}) {
    m.date = parse_date_value(candidate);
    if (!m.date.empty()) break;
  }

  add_authors(m.authors, metas(f, "author"));
  add_authors(m.authors, metas(f, "article:author"));
  add_authors(m.authors, ld.authors);
  add_authors(m.authors, metas(f, "byl"));
  add_authors(m.authors, metas(f, "dc.creator"));
  add_authors(m.authors, metas(f, "parsely-author"));
  add_authors(m.authors, metas(f, "sailthru.author"));
  if (m.authors.empty()) add_authors(m.authors, f.rel_authors);

  for (const std::string& candidate : {f.canonical, meta(f, {"og:url"}), ld.url}) {
    if (is_absolute_url(candidate)) {
      m.url = candidate;
      break;
    }
    // A canonical link relative to an absolute <base>: "/news/x" under "https://a.org/".
    if (!candidate.empty() && candidate.front() == '/' && candidate.size() > 1 &&
        candidate[1] != '/' && is_absolute_url(f.base)) {
      const auto host_end = f.base.find('/', f.base.find("//") + 2);
      m.url = f.base.substr(0, host_end) + candidate;
      break;
    }
  }

  for (const std::string& tag :
       {f.html_lang, meta(f, {"content-language", "language", "dc.language"}), ld.language,
        meta(f, {"og:locale"})}) {
    m.language = iso639_1(tag);
    if (!m.language.empty()) break;
  }
  m.json_ld_body = ld.body;
  return m;
}

}  // namespace newsdex
