#include "core/html_main_text.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "core/article_parser.h"
#include "core/html_dom.h"

namespace newsdex {
namespace {

// The words of an element's class and id, lowercased: "c-share-bar shareTools" ->
// {"c", "share", "bar", "sharetools"}.
std::vector<std::string> class_words(const GumboNode* node) {
  std::vector<std::string> words;
  for (const char* name : {"class", "id"}) {
    std::string word;
    for (char c : html::attribute(node, name)) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u)) {
        word += static_cast<char>(std::tolower(u));
      } else if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

bool starts_with_any(const std::string& word, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (word.starts_with(p)) return true;
  return false;
}

bool is_any(const std::string& word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (word == w) return true;
  return false;
}

// Whether class/id words mark page chrome: navigation, menus, breadcrumbs, footers,
// cookie and consent banners, share and social buttons, related and most-read boxes,
// comments, newsletter and subscription boxes, ads, sidebars, pop-ups, hidden text.
bool chrome_words(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.starts_with("comment") && !w.starts_with("commentary")) return true;
    if (starts_with_any(
            w, {"share",       "sharing",     "social",      "cookie",       "consent",
                "gdpr",        "newsletter",  "subscri",     "signup",       "related",
                "recommend",   "outbrain",    "taboola",     "advert",       "sponsor",
                "promo",       "breadcrumb",  "navbar",      "navigation",   "menu",
                "footer",      "sidebar",     "popup",       "modal",        "trending",
                "mostread",    "mostpopular", "morestories", "disqus",       "masthead",
                "toolbar",     "widget",      "skiplink",    "pagination",   "visuallyhidden",
                "paywall",     "topnav",      "subnav",      "adslot",       "adunit",
                "adcontainer", "adwrapper",   "googlead",    "gallery",      "slideshow",
                "carousel",    "lightbox",    "pullquote",   "calltoaction", "donat",
                "membership"}))
      return true;
    if (is_any(w, {"nav", "ad", "ads", "dfp", "gpt", "hidden", "hide", "sr", "popular", "tags",
                   "tag", "rss", "login", "search", "print", "jump", "skip", "offscreen", "cta"}))
      return true;
    const std::string next = i + 1 < words.size() ? words[i + 1] : std::string();
    if ((w == "more" || w == "read") && is_any(next, {"stories", "news", "from", "more", "next"}))
      return true;
    if (w == "most" && is_any(next, {"read", "popular", "viewed", "shared"})) return true;
    if (w == "pull" && next == "quote") return true;
    if (w == "you" && is_any(next, {"may", "might"})) return true;
  }
  return false;
}

// Class/id words that mark the text of an article, which weigh in its favour.
int content_weight(const std::vector<std::string>& words) {
  int weight = 0;
  for (const std::string& w : words)
    if (is_any(w, {"article", "articlebody", "body", "content", "entry", "main", "post", "story",
                   "storybody", "text", "blog", "prose", "richtext"}))
      weight += 25;
  return std::min(weight, 50);
}

// Short pieces about the article rather than of it: bylines, dates, credits, captions,
// tag lists.
bool byline_words(const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (is_any(w, {"byline",        "author",    "authors", "timestamp", "date",
                   "time",          "published", "updated", "posted",    "meta",
                   "metadata",      "credit",    "credits", "caption",   "kicker",
                   "dateline-date", "readtime",  "eyebrow", "label",     "topics"}) ||
        starts_with_any(w, {"byline", "pubdate", "publishdate", "caption"}))
      return true;
  return false;
}

bool is_tag(const GumboNode* node, GumboTag tag) {
  return html::is_element(node) && node->v.element.tag == tag;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Letters and digits only, lowercased: for comparing a heading with the title.
std::string normal(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

struct Info {
  std::size_t text = 0;       // non-space bytes of text below, chrome left out
  std::size_t link_text = 0;  // of which inside links
  std::size_t commas = 0;
  std::size_t block_text = 0;  // of which inside child blocks (the rest is the element's own)
  std::size_t block_commas = 0;
  std::size_t images = 0;  // <img>, <picture> below
  double score = 0;
  bool scored = false;
  bool chrome = false;
  bool holds_article = false;  // is or contains <article>, <main> or itemprop=articleBody
};

bool marks_article(const GumboNode* node) {
  return is_tag(node, GUMBO_TAG_ARTICLE) || is_tag(node, GUMBO_TAG_MAIN) ||
         lower(html::attribute(node, "itemprop")) == "articlebody" ||
         lower(html::attribute(node, "role")) == "main";
}

class MainText {
 public:
  MainText(const GumboNode* root, std::string_view title) : root_(root), title_(normal(title)) {}

  std::string run() {
    mark_articles();
    count_raw();
    mark_chrome();
    count_text();
    score_paragraphs();
    return write(choose());
  }

 private:
  // Pass 1: which elements hold the article's own markers, and so are never chrome.
  void mark_articles() {
    std::vector<const GumboNode*> stack;
    html::walk(
        root_,
        [&](const GumboNode* node) {
          if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
          if (html::is_never_text(node)) return false;
          if (marks_article(node)) {
            info_[node].holds_article = true;
            for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
              Info& up = info_[*it];
              if (up.holds_article) break;
              up.holds_article = true;
            }
          }
          stack.push_back(node);
          return true;
        },
        [&](const GumboNode* node) {
          if (html::is_element(node)) stack.pop_back();
        });
  }

  // Pass 2: the text below each element before anything is removed, so that a class
  // name on the container of most of the page's text cannot remove the article.
  void count_raw() {
    std::vector<std::size_t> sums{0};
    html::walk(
        root_,
        [&](const GumboNode* node) {
          if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            sums.back() += visible_bytes(node->v.text.text);
            return false;
          }
          if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
          if (html::is_never_text(node)) return false;
          sums.push_back(0);
          return true;
        },
        [&](const GumboNode* node) {
          if (!html::is_element(node)) return;
          const std::size_t total = sums.back();
          sums.pop_back();
          sums.back() += total;
          raw_[node] = total;
        });
    page_text_ = sums.back();
  }

  static std::size_t visible_bytes(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) ++n;
    return n;
  }

  bool is_chrome(const GumboNode* node, bool in_article) {
    if (html::is_never_text(node)) return true;
    const Info* known = find(node);
    if (known && known->holds_article) return false;
    if (is_tag(node, GUMBO_TAG_BODY) || is_tag(node, GUMBO_TAG_HTML)) return false;
    switch (node->v.element.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_BUTTON:
      case GUMBO_TAG_INPUT:
      case GUMBO_TAG_LABEL:
      case GUMBO_TAG_MENU:
      case GUMBO_TAG_FIGCAPTION:
        return true;
      case GUMBO_TAG_HEADER:
        if (!in_article) return true;
        break;
      default:
        break;
    }
    if (html::has_attribute(node, "hidden") ||
        lower(html::attribute(node, "aria-hidden")) == "true")
      return true;
    std::string style = lower(html::attribute(node, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
    const std::string role = lower(html::attribute(node, "role"));
    if (is_any(role, {"navigation", "contentinfo", "complementary", "menu", "menubar", "search",
                      "dialog", "alertdialog", "toolbar", "tablist"}) ||
        (role == "banner" && !in_article))
      return true;
    const std::vector<std::string> words = class_words(node);
    if (!in_article && is_any_word(words, "header")) return true;
    if (!chrome_words(words)) return false;
    // A class on the container of most of the page's prose is a theme's, not chrome's
    // ("content-with-sidebar").
    const auto raw = raw_.find(node);
    return raw == raw_.end() || raw->second * 2 < page_text_;
  }

  static bool is_any_word(const std::vector<std::string>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  }

  // Pass 3: chrome, by what elements are and say they are.
  void mark_chrome() {
    std::vector<const GumboNode*> articles;  // the enclosing article/main elements
    html::walk(
        root_,
        [&](const GumboNode* node) {
          if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
          if (is_chrome(node, !articles.empty())) {
            info_[node].chrome = true;
            return false;
          }
          if (marks_article(node)) articles.push_back(node);
          return true;
        },
        [&](const GumboNode* node) {
          if (!articles.empty() && articles.back() == node) articles.pop_back();
        });
  }

  const Info* find(const GumboNode* node) const {
    const auto it = info_.find(node);
    return it == info_.end() ? nullptr : &it->second;
  }
  bool chrome(const GumboNode* node) const {
    const Info* i = find(node);
    return i && i->chrome;
  }

  // Pass 4: text, link text and commas below each element, chrome left out.
  void count_text() {
    struct Sum {
      std::size_t text = 0, links = 0, commas = 0, images = 0;
    };
    std::vector<Sum> sums{{}};
    int in_link = 0;
    html::walk(
        root_,
        [&](const GumboNode* node) {
          if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            const std::string_view text = node->v.text.text;
            const std::size_t n = visible_bytes(text);
            sums.back().text += n;
            if (in_link) sums.back().links += n;
            sums.back().commas += std::count(text.begin(), text.end(), ',');
            // The ideographic commas of Chinese and Japanese: "，" and "、".
            for (std::string_view c : {"\xef\xbc\x8c", "\xe3\x80\x81"})
              for (auto at = text.find(c); at != std::string_view::npos; at = text.find(c, at + 1))
                ++sums.back().commas;
            return false;
          }
          if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
          if (chrome(node)) return false;
          if (is_tag(node, GUMBO_TAG_IMG) || html::tag_name(node) == "picture" ||
              html::tag_name(node) == "amp-img")
            ++sums.back().images;
          if (is_tag(node, GUMBO_TAG_A)) ++in_link;
          sums.emplace_back();
          return true;
        },
        [&](const GumboNode* node) {
          if (!html::is_element(node)) return;
          if (is_tag(node, GUMBO_TAG_A)) --in_link;
          const Sum sum = sums.back();
          sums.pop_back();
          sums.back().text += sum.text;
          sums.back().links += sum.links;
          sums.back().commas += sum.commas;
          sums.back().images += sum.images;
          Info& info = info_[node];
          info.text = sum.text;
          info.link_text = sum.links;
          info.commas = sum.commas;
          info.images = sum.images;
          if (html::is_block(node) && html::is_element(node->parent)) {
            Info& parent = info_[node->parent];
            parent.block_text += sum.text;
            parent.block_commas += sum.commas;
          }
        });
  }

  double link_density(const GumboNode* node) const {
    const Info* i = find(node);
    return i && i->text ? static_cast<double>(i->link_text) / static_cast<double>(i->text) : 0;
  }

  Info& candidate(const GumboNode* node) {
    Info& info = info_[node];
    if (!info.scored) {
      info.scored = true;
      switch (node->v.element.tag) {
        case GUMBO_TAG_ARTICLE:
          info.score = 10;
          break;
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_SECTION:
          info.score = 5;
          break;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
          info.score = 3;
          break;
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_ADDRESS:
          info.score = -3;
          break;
        case GUMBO_TAG_TH:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
          info.score = -5;
          break;
        default:
          break;
      }
      if (lower(html::attribute(node, "itemprop")) == "articlebody") info.score += 30;
      info.score += content_weight(class_words(node));
    }
    return info;
  }

  // Pass 5: each paragraph of prose scores for its parent, and less for the ancestors
  // above (readability's 1, 1/2, then 1/(3 * level)).
  void score_paragraphs() {
    html::walk(root_, [&](const GumboNode* node) {
      if (!html::is_element(node)) return node->type == GUMBO_NODE_DOCUMENT;
      if (chrome(node)) return false;
      const Info* info = find(node);
      if (!info) return true;
      std::size_t length = 0, commas = 0;
      switch (node->v.element.tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
          length = info->text;
          commas = info->commas;
          break;
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
          // Text written straight into a container, without <p>, is a paragraph too.
          length = info->text - std::min(info->text, info->block_text);
          commas = info->commas - std::min(info->commas, info->block_commas);
          break;
        default:
          break;
      }
      if (length >= 25) {
        const double score =
            1.0 + static_cast<double>(commas) + std::min(static_cast<double>(length) / 100.0, 3.0);
        // A container whose own text is the paragraph (a <td> of <br>-separated text, a
        // <div> without <p>) is a candidate itself, as readability's div-to-p makes it.
        if (node->v.element.tag != GUMBO_TAG_P && node->v.element.tag != GUMBO_TAG_PRE)
          candidate(node).score += score;
        const GumboNode* up = node->parent;
        for (int level = 0; level < 5 && html::is_element(up); ++level, up = up->parent) {
          const double share = level == 0 ? 1.0 : level == 1 ? 0.5 : 1.0 / (level * 3);
          candidate(up).score += score * share;
        }
      }
      return true;
    });
  }

  // The containers whose text is the article, in document order.
  std::vector<const GumboNode*> choose() {
    const GumboNode* top = nullptr;
    double best = 0;
    for (auto& [node, info] : info_) {
      if (!info.scored) continue;
      const double score = info.score * (1.0 - link_density(node));
      if (!top || score > best || (score == best && info.text > find(top)->text)) {
        top = node;
        best = score;
      }
    }
    if (!top) return {body()};
    // Inside an <article> (or <main>, articleBody) that the chosen container fills
    // mostly, the article is the unit: its standfirst and subheadings come with it.
    // The outermost such element within a few levels, so that the <article> around an
    // articleBody wins.
    const GumboNode* up = top;
    for (int level = 0; level < 5 && html::is_element(up); ++level, up = up->parent) {
      // Nothing above an <article>: it is a whole story by definition, and what holds
      // it may hold others.
      if (is_tag(up, GUMBO_TAG_BODY) || (up != top && is_tag(top, GUMBO_TAG_ARTICLE))) break;
      if (marks_article(up) && !chrome(up) && find(top)->text * 5 >= find(up)->text * 3) top = up;
    }
    // Then the chosen container and those of its siblings that look like more of the
    // same article (readability's sibling rule): a standfirst beside the <article>, the
    // second half of a story split by a box.
    const GumboNode* parent = top->parent;
    if (!html::is_element(parent)) return {top};
    const double threshold = std::max(10.0, best * 0.2);
    std::vector<const GumboNode*> chosen;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < siblings.length; ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (!html::is_element(sibling) || chrome(sibling)) continue;
      const Info* info = find(sibling);
      if (!info || !info->text) continue;
      // Another <article> beside the chosen one is another story (a "next article").
      if (sibling != top && is_tag(top, GUMBO_TAG_ARTICLE) && is_tag(sibling, GUMBO_TAG_ARTICLE))
        continue;
      bool take = sibling == top;
      if (!take && info->scored && info->score * (1.0 - link_density(sibling)) >= threshold)
        take = true;
      if (!take && is_tag(sibling, GUMBO_TAG_P)) {
        const double density = link_density(sibling);
        if (info->text > 80 && density < 0.25) take = true;
        if (info->text <= 80 && density == 0 && ends_sentence(sibling)) take = true;
      }
      if (take) chosen.push_back(sibling);
    }
    return chosen;
  }

  static bool ends_sentence(const GumboNode* node) {
    const std::string text = html::inline_text(node);
    return !text.empty() && (text.back() == '.' || text.ends_with(".\xe2\x80\x9d") ||
                             text.ends_with(".\"") || text.ends_with("\xe3\x80\x82"));
  }

  const GumboNode* body() const {
    const GumboNode* found = root_;
    html::walk(root_, [&](const GumboNode* node) {
      if (is_tag(node, GUMBO_TAG_BODY)) {
        found = node;
        return false;
      }
      return node->type == GUMBO_NODE_DOCUMENT || is_tag(node, GUMBO_TAG_HTML);
    });
    return found;
  }

  // Within the article, what is still not its text: the heading that repeats the
  // title, bylines and datestamps, blocks of links, "Advertisement" labels.
  bool skip_inside(const GumboNode* node) const {
    if (chrome(node)) return true;
    const Info* info = find(node);
    if (!info) return false;
    const GumboTag tag = node->v.element.tag;
    // The headline, wherever the page repeats it (<h1>, a <h2> under a kicker, <b> in
    // an old table layout); any <h1> when the title is unknown.
    if (info->text && info->text <= title_.size() * 2 + 16) {
      const std::string heading = normal(html::inline_text(node));
      if (heading == title_ || (tag == GUMBO_TAG_H1 && (title_.empty() || heading.empty() ||
                                                        title_.find(heading) != std::string::npos ||
                                                        heading.find(title_) != std::string::npos)))
        return true;
    }
    // A line that is only a date ("Posted: Tuesday, 14 November 2006"), not a sentence.
    if (info->text && info->text < 60) {
      const std::string line = html::inline_text(node);
      if (!line.ends_with('.') && !find_date(line).empty()) return true;
    }
    if (tag == GUMBO_TAG_TIME && !is_tag(node->parent, GUMBO_TAG_P)) return true;
    if (info->text < 200 && byline_words(class_words(node))) return true;
    if (info->text && info->text < 40) {
      const std::string words = normal(html::inline_text(node));
      if (is_any(words, {"advertisement", "advert", "ad", "sponsored", "sponsoredcontent",
                         "storycontinuesbelowadvertisement", "continuereadingbelow",
                         "articlecontinuesbelow", "continuereadingthemainstory"}))
        return true;
    }
    // An image with a line under it is a caption, not prose.
    if (info->images && info->text < 120 && tag != GUMBO_TAG_P && !ends_sentence(node)) return true;
    // A pull quote repeats a sentence of the article: the text it quotes is there already.
    if (tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_ASIDE) {
      const std::string quoted = normal(html::inline_text(node));
      if (!quoted.empty() && prose_.find(quoted) != std::string::npos) return true;
    }
    const double density = link_density(node);
    switch (tag) {
      case GUMBO_TAG_P:
        return density > 0.8 && info->text < 200;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_FIGURE:
      case GUMBO_TAG_HEADER:
        return density > 0.5;
      default:
        return false;
    }
  }

  std::string write(const std::vector<const GumboNode*>& chosen) {
    // The paragraphs outside quotes, to tell a pull quote that repeats them.
    for (const GumboNode* node : chosen)
      html::walk(node, [&](const GumboNode* n) {
        if (!html::is_element(n) || chrome(n) || is_tag(n, GUMBO_TAG_BLOCKQUOTE) ||
            is_tag(n, GUMBO_TAG_ASIDE))
          return false;
        if (is_tag(n, GUMBO_TAG_P)) {
          prose_ += normal(html::inline_text(n));
          return false;
        }
        return true;
      });
    html::TextWriter writer;
    for (const GumboNode* node : chosen) {
      writer.paragraph_break();
      writer.node(node, [&](const GumboNode* n) { return skip_inside(n); });
    }
    return writer.take();
  }

  const GumboNode* root_;
  std::string title_;
  std::unordered_map<const GumboNode*, Info> info_;
  std::unordered_map<const GumboNode*, std::size_t> raw_;
  std::size_t page_text_ = 0;
  std::string prose_;  // the chosen paragraphs' letters and digits (normal), run together
};

}  // namespace

std::string html_main_text(const GumboNode* root, std::string_view title) {
  return MainText(root, title).run();
}

}  // namespace newsdex
