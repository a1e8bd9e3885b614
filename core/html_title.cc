#include "core/html_title.h"

#include <array>
#include <cctype>
#include <vector>

namespace newsdex {
namespace {

// What separates a headline from a site's name in titles: a bar, a dash, a colon...
constexpr std::array<std::string_view, 10> kSeparators = {
    " | ",        " - ",        " \xe2\x80\x93 ", " \xe2\x80\x94 ",
    " :: ",       " \xc2\xb7 ", " \xe2\x80\xa2 ", " // ",
    " \xc2\xbb ", ": "};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Letters and digits only, ASCII lowercased: "The Guardian" and "theguardian" compare
// equal, as do "BBC News" and "bbc news".
std::string normal(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

std::size_t words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// The name a host gives a site: "www.bbc.co.uk" -> "bbc", "edition.cnn.com" -> "cnn".
std::string host_name(std::string_view host) {
  std::vector<std::string_view> labels;
  while (!host.empty()) {
    const auto dot = host.find('.');
    labels.push_back(host.substr(0, dot));
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  // Skip the public suffix ("co.uk", "com"): the label before a two-letter country code
  // after a short second level, else the one before the last.
  if (labels.size() >= 3 && labels.back().size() == 2 && labels[labels.size() - 2].size() <= 3)
    return normal(labels[labels.size() - 3]);
  if (labels.size() >= 2) return normal(labels[labels.size() - 2]);
  return {};
}

struct Part {
  std::size_t begin, end;  // the separator's position and the text after it
};

// Every place a separator occurs in `title`.
std::vector<Part> separators(std::string_view title) {
  std::vector<Part> found;
  for (std::size_t i = 0; i < title.size(); ++i)
    for (std::string_view sep : kSeparators)
      if (title.substr(i, sep.size()) == sep) {
        found.push_back({i, i + sep.size()});
        break;
      }
  return found;
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name,
                            const std::vector<std::string>& headings, std::string_view host) {
  title = trim(title);
  const std::vector<Part> seps = separators(title);
  if (seps.empty()) return std::string(title);

  // The page's own heading is the surest: a part of the title that it prints as one.
  for (const std::string& h : headings) {
    const std::string heading = normal(h);
    if (heading.empty()) continue;
    if (normal(title) == heading) return std::string(title);
    for (const Part& p : seps) {
      if (normal(title.substr(0, p.begin)) == heading)
        return std::string(trim(title.substr(0, p.begin)));
      if (normal(title.substr(p.end)) == heading) return std::string(trim(title.substr(p.end)));
    }
  }

  const std::string site = normal(site_name);
  const std::string from_host = host_name(host);
  auto is_site = [&](std::string_view part) {
    const std::string n = normal(part);
    if (n.empty() || words(part) > 5) return false;
    // "BBC News" is the site "BBC"; "Guardian" the site "The Guardian".
    if (!site.empty() && (n == site || n.starts_with(site) || n.ends_with(site) ||
                          (n.size() >= 3 && site.ends_with(n))))
      return true;
    return from_host.size() >= 3 && n.starts_with(from_host);
  };

  std::string_view rest = title;
  bool stripped = false;
  // "Headline | Section | Site": the site at the end, then at the start ("Site: Headline").
  for (bool again = true; again;) {
    again = false;
    const std::vector<Part> now = separators(rest);
    if (now.empty()) break;
    if (is_site(rest.substr(now.back().end)) && now.back().begin > 0) {
      rest = trim(rest.substr(0, now.back().begin));
      stripped = again = true;
    } else if (is_site(rest.substr(0, now.front().begin)) && now.front().end < rest.size()) {
      rest = trim(rest.substr(now.front().end));
      stripped = again = true;
    }
  }
  if (stripped) return std::string(rest);

  // No site known or none matched: a short last part after a bar or a dash, behind a
  // headline of several words, is a site's name ("Storm closes ports | Daily Post").
  const Part& last = seps.back();
  const std::string_view sep = title.substr(last.begin, last.end - last.begin);
  const std::string_view tail = title.substr(last.end);
  const std::string_view head = trim(title.substr(0, last.begin));
  if (sep != ": " && words(tail) <= 3 && words(head) >= 4) {
    bool capitalised = true;
    for (std::size_t i = 0; i < tail.size(); ++i)
      if ((i == 0 || tail[i - 1] == ' ') && std::islower(static_cast<unsigned char>(tail[i])))
        capitalised = false;
    if (sep == " | " || capitalised) return std::string(head);
  }
  return std::string(title);
}

}  // namespace newsdex
