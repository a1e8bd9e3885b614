#include "search/entity_resolution.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/index_terms.h"
#include "core/stored_article.h"
#include "core/term_walk.h"

namespace newsdex {

const std::array<const Field*, kNameFields>& name_fields() {
  static const std::array<const Field*, kNameFields> table = [] {
    std::array<const Field*, kNameFields> out{};
    for (const auto& f : fields())
      if (f.names) out[static_cast<std::size_t>(*f.names)] = &f;
    return out;
  }();
  return table;
}

namespace {

constexpr std::size_t kPerson = 0, kOrg = 2, kKinds = kNameFields;

std::string term_of(std::size_t kind, std::string_view key) {
  return std::string(name_fields()[kind]->prefix) + std::string(key);
}

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) words.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// A word of one letter, with or without its full stop ("r", "w.").
bool is_initial(std::string_view w) {
  return w.size() == 1 || (w.size() == 2 && w[1] == '.');
}

// Whether person name `part` abbreviates `full`: the same last word, and each earlier
// word of `part` in order either one of `full`'s earlier words or its initial ("r o'gara",
// "george bush" and "blair" abbreviate "ronan o'gara", "george w bush", "tony blair").
bool abbreviates(const std::vector<std::string_view>& part,
                 const std::vector<std::string_view>& full) {
  if (part.empty() || full.size() < 2 || part.size() > full.size() || part == full) return false;
  if (part.back() != full.back()) return false;
  // Two words or more begin where the full name begins: "alan milburn" does not
  // abbreviate "blairite alan milburn", a tagger's word too many.
  if (part.size() >= 2 && part[0] != full[0] && !(is_initial(part[0]) && part[0][0] == full[0][0]))
    return false;
  std::size_t f = 0;
  for (std::size_t p = 0; p + 1 < part.size(); ++p) {
    bool found = false;
    for (; f + 1 < full.size() && !found; ++f)
      found = part[p] == full[f] || (is_initial(part[p]) && part[p][0] == full[f][0]);
    if (!found) return false;
  }
  return true;
}

bool is_minor_word(std::string_view w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "&" || w == "de" ||
         w == "on" || w == "in";
}

// "securities and exchange commission" -> "sec"; "" for one word.
std::string initials(const std::vector<std::string_view>& words) {
  if (words.size() < 2) return {};
  std::string out;
  for (std::string_view w : words)
    if (!is_minor_word(w)) out += w[0];
  return out;
}

bool looks_like_acronym(std::string_view key) {
  if (key.size() < 2 || key.size() > 6) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Name {
  std::string key;
  std::array<Xapian::doccount, kKinds> df{};
  std::vector<std::string_view> words;
  std::size_t kind = 0;  // the type voted for it (rule 1)
};

}  // namespace

EntityResolution::EntityResolution(const Xapian::Database& db) {
  std::vector<std::pair<std::string, Xapian::doccount>> terms;
  for (const Field* f : name_fields())
    for_each_term(db, std::string(f->prefix), [&](const std::string& term, Xapian::doccount n) {
      terms.emplace_back(term, n);
    });
  resolve(terms);
}

EntityResolution EntityResolution::from_frequencies(
    const std::vector<std::pair<std::string, Xapian::doccount>>& terms) {
  EntityResolution r;
  r.resolve(terms);
  return r;
}

void EntityResolution::resolve(const std::vector<std::pair<std::string, Xapian::doccount>>& terms) {
  // Every key with its frequency under each kind, sorted by key: the rules below visit
  // names in key order, so the outcome never depends on hashing or input order. (A
  // sorted vector: a corpus holds tens of thousands of names, and a search pays this.)
  std::vector<std::tuple<std::string_view, std::size_t, Xapian::doccount>> found;
  found.reserve(terms.size());
  for (const auto& [term, df] : terms) {
    if (is_digest_term(term)) continue;  // a name too long for a term: nothing to join
    for (std::size_t k = 0; k < kKinds; ++k) {
      const std::string_view prefix = name_fields()[k]->prefix;
      if (term.size() <= prefix.size() || term.compare(0, prefix.size(), prefix) != 0) continue;
      found.emplace_back(std::string_view(term).substr(prefix.size()), k, df);
      break;
    }
  }
  // The database gives each prefix's terms in order: merge those runs rather than sort.
  const auto by_key = [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) < std::get<0>(b)
                                            : std::get<1>(a) < std::get<1>(b);
  };
  std::vector<std::size_t> runs = {0};
  for (std::size_t i = 1; i < found.size(); ++i)
    if (by_key(found[i], found[i - 1])) runs.push_back(i);
  if (runs.size() > 2 * kKinds) {
    std::sort(found.begin(), found.end(), by_key);
  } else {
    runs.push_back(found.size());
    while (runs.size() > 2) {
      std::vector<std::size_t> merged = {0};
      for (std::size_t r = 0; r + 2 < runs.size(); r += 2) {
        std::inplace_merge(found.begin() + static_cast<std::ptrdiff_t>(runs[r]),
                           found.begin() + static_cast<std::ptrdiff_t>(runs[r + 1]),
                           found.begin() + static_cast<std::ptrdiff_t>(runs[r + 2]), by_key);
        merged.push_back(runs[r + 2]);
      }
      if (runs.size() % 2 == 0) merged.push_back(runs.back());
      runs = std::move(merged);
    }
  }
  std::vector<Name> names;
  for (const auto& [key, k, df] : found) {
    if (names.empty() || names.back().key != key) names.emplace_back().key = key;
    names.back().df[k] += df;
  }
  for (Name& n : names) n.words = words_of(n.key);
  const auto find_name = [&names](std::string_view key) -> Name* {
    auto at = std::lower_bound(names.begin(), names.end(), key,
                               [](const Name& n, std::string_view k) { return n.key < k; });
    return at != names.end() && at->key == key ? &*at : nullptr;
  };

  // Full person names by last word, for the partial-name rule and the vote.
  std::unordered_map<std::string_view, std::vector<const Name*>> persons_by_last, orgs_by_last;
  std::unordered_map<std::string, std::vector<const Name*>> orgs_by_initials;
  for (const Name& n : names) {
    if (n.words.size() < 2) continue;
    if (n.df[kPerson]) persons_by_last[n.words.back()].push_back(&n);
    if (n.df[kOrg]) {
      orgs_by_last[n.words.back()].push_back(&n);
      orgs_by_initials[initials(n.words)].push_back(&n);
    }
  }

  // The kind each key belongs to, and where each term of it goes.
  const auto move = [&](std::size_t kind, std::string_view key, std::size_t to_kind,
                        std::string_view to_key) {
    root_[term_of(kind, key)] = term_of(to_kind, to_key);
  };

  // Of the candidates, the group (the root of each candidate) that holds two thirds of
  // their articles and at least `at_least`; "" when none does. A lone candidate is
  // unambiguous however rare.
  const auto dominant = [&](std::size_t kind, const std::vector<const Name*>& candidates,
                            Xapian::doccount at_least) -> std::string {
    std::map<std::string, Xapian::doccount> by_root;
    Xapian::doccount total = 0;
    for (const Name* c : candidates) {
      std::string t = term_of(kind, c->key);
      if (auto r = root_.find(t); r != root_.end()) t = r->second;
      by_root[t] += c->df[kind];
      total += c->df[kind];
    }
    std::string best;
    Xapian::doccount best_df = 0;
    for (const auto& [t, df] : by_root)
      if (df > best_df) {
        best = t;
        best_df = df;
      }
    if (best.empty() || best_df < at_least || 3 * best_df < 2 * total) return {};
    return best;
  };

  // The articles of the full name a one-word person would join ("bush" -> "george w
  // bush"), 0 when none holds two thirds of those ending in that word.
  const auto full_name_articles = [&](const Name& n) -> Xapian::doccount {
    if (n.words.size() != 1) return 0;
    auto c = persons_by_last.find(n.words.back());
    if (c == persons_by_last.end()) return 0;
    Xapian::doccount total = 0, best = 0;
    for (const Name* f : c->second) {
      total += f->df[kPerson];
      best = std::max(best, f->df[kPerson]);
    }
    return 3 * best >= 2 * total && best >= std::min<Xapian::doccount>(2, n.df[kPerson]) ? best : 0;
  };

  // 1. One type per name, voted by the articles of the name and of its plural or
  // singular ("lib dem", "lib dems"): a person's votes include those of the full name
  // it abbreviates, and a one-word person never named in full (a club, an award)
  // yields to another type that at least a quarter as many articles give it.
  for (Name& n : names) {
    const std::string& key = n.key;
    std::array<Xapian::doccount, kKinds> votes = n.df;
    const auto add_votes = [&](std::string_view other) {
      const Name* o = find_name(other);
      if (!o) return;
      for (std::size_t k = 0; k < kKinds; ++k) votes[k] += o->df[k];
    };
    if (!key.empty() && key.back() == 's')
      add_votes(std::string_view(key).substr(0, key.size() - 1));
    add_votes(key + "s");
    std::size_t kinds = 0, best = kKinds;
    for (std::size_t k = 0; k < kKinds; ++k) kinds += votes[k] ? 1 : 0;
    bool person_out = false;
    if (kinds > 1 && votes[kPerson]) {
      if (const Xapian::doccount full = full_name_articles(n)) {
        votes[kPerson] += full;
      } else if (n.words.size() == 1) {
        const Xapian::doccount other = *std::max_element(votes.begin() + 1, votes.end());
        person_out = other >= 2 && 4 * other >= votes[kPerson];
        if (person_out) votes[kPerson] = 0;
      }
    }
    // Among the name's own types: a plural's type alone does not move it, unless it is
    // what voted the person out ("oscar" goes where the "oscars" are, not to the one
    // article that called it a place).
    for (std::size_t k = 0; k < kKinds; ++k)
      if ((n.df[k] || (person_out && votes[k])) && (best == kKinds || votes[k] > votes[best]))
        best = k;
    n.kind = best;
    for (std::size_t k = 0; k < kKinds; ++k)
      if (k != best && n.df[k]) move(k, key, best, key);
  }

  // 2. A person's partial name joins the full name it abbreviates: fuller names first,
  // so that "blair" meets "tony blair"'s group, not a variant of it.
  std::vector<const Name*> persons;
  for (const Name& n : names)
    if (n.df[kPerson] && n.kind == kPerson) persons.push_back(&n);
  const auto initials_in = [](const Name* n) {
    return std::count_if(n->words.begin(), n->words.end(), is_initial);
  };
  std::stable_sort(persons.begin(), persons.end(), [&](const Name* a, const Name* b) {
    if (a->words.size() != b->words.size()) return a->words.size() > b->words.size();
    return initials_in(a) < initials_in(b);
  });
  for (const Name* p : persons) {
    auto c = persons_by_last.find(p->words.back());
    if (c == persons_by_last.end()) continue;
    std::vector<const Name*> fuller;
    for (const Name* f : c->second)
      if (f->kind == kPerson && abbreviates(p->words, f->words)) fuller.push_back(f);
    if (fuller.empty()) continue;
    // A name seen once does not take over one seen many times ("oscar", 53 articles, is
    // not the "language oscar" of one).
    const Xapian::doccount at_least = std::min<Xapian::doccount>(2, p->df[kPerson]);
    if (std::string to = dominant(kPerson, fuller, at_least); !to.empty())
      root_[term_of(kPerson, p->key)] = to;
  }

  // 3. Organisations: plural variants, acronyms, then a last word alone.
  for (Name& n : names) {
    const std::string& key = n.key;
    if (!n.df[kOrg] || n.kind != kOrg || key.empty() || key.back() != 's') continue;
    const Name* singular = find_name(std::string_view(key).substr(0, key.size() - 1));
    if (!singular || !singular->df[kOrg] || singular->kind != kOrg) continue;
    const bool plural_wins = n.df[kOrg] >= singular->df[kOrg];
    if (plural_wins)
      move(kOrg, singular->key, kOrg, key);
    else
      move(kOrg, key, kOrg, singular->key);
  }
  for (Name& n : names) {
    const std::string& key = n.key;
    if (!n.df[kOrg] || n.kind != kOrg || root_.count(term_of(kOrg, key))) continue;
    if (looks_like_acronym(key)) {
      auto c = orgs_by_initials.find(key);
      if (c != orgs_by_initials.end()) {
        std::vector<const Name*> expansions;
        for (const Name* e : c->second)
          if (e->kind == kOrg) expansions.push_back(e);
        if (!expansions.empty())
          if (std::string to = dominant(kOrg, expansions, 0); !to.empty()) {
            root_[term_of(kOrg, key)] = to;
            continue;
          }
      }
    }
    if (n.words.size() == 1) {
      auto c = orgs_by_last.find(key);
      if (c == orgs_by_last.end()) continue;
      std::vector<const Name*> fuller;
      for (const Name* f : c->second)
        if (f->kind == kOrg) fuller.push_back(f);
      if (!fuller.empty())
        if (std::string to = dominant(kOrg, fuller, n.df[kOrg]); !to.empty())
          root_[term_of(kOrg, key)] = to;
    }
  }

  // Follow chains ("lib dem" -> "lib dems" -> ...) to their end, then group.
  for (auto& [term, to] : root_) {
    for (std::size_t hops = 0; hops < 8; ++hops) {
      auto next = root_.find(to);
      if (next == root_.end() || next->second == to || next->first == term) break;
      to = next->second;
    }
  }
  for (auto it = root_.begin(); it != root_.end();) {
    if (it->first == it->second)
      it = root_.erase(it);
    else
      ++it;
  }
  for (const auto& [term, to] : root_) groups_[to].push_back(term);
  for (auto& [to, members] : groups_) {
    std::sort(members.begin(), members.end());
    members.insert(members.begin(), to);
  }
}

const std::string& EntityResolution::root(const std::string& term) const {
  auto r = root_.find(term);
  return r == root_.end() ? term : r->second;
}

std::vector<std::string> EntityResolution::members(const std::string& root_term) const {
  auto g = groups_.find(root_term);
  if (g == groups_.end()) return {root_term};
  return g->second;
}

void NameSlots::set(std::size_t k, std::string value) {
  values_[k] = std::move(value);
  present_[k] = values_[k].empty() ? nullptr : &values_[k];
}

void NameSlots::read(const Xapian::Document& doc) {
  for (std::size_t k = 0; k < values_.size(); ++k) set(k, doc.get_value(*name_fields()[k]->slot));
}

void EntityResolution::names_under(const Field& field, const std::string* const* values,
                                   std::vector<Counted>& out) const {
  out.clear();
  for (std::size_t k = 0; k < kKinds; ++k) {
    if (!values[k]) continue;
    const Field& from = *name_fields()[k];
    for_each_name_entry(*values[k], [&](std::string_view display, std::string_view key) {
      if (key.empty()) return;
      const std::string term = bounded_term(from.prefix, key);
      const std::string& to = root(term);
      const bool own = to == term;
      std::string_view to_key;
      if (own) {
        if (&from != &field) return;
        to_key = key;
      } else {
        if (to.compare(0, field.prefix.size(), field.prefix) != 0) return;
        to_key = std::string_view(to).substr(field.prefix.size());
      }
      // An article counts once under a name, whichever of its names lead there.
      for (Counted& c : out)
        if (c.key == to_key) {
          if (own) c.display = display;
          return;
        }
      out.push_back({std::string(to_key), own ? display : std::string_view()});
    });
  }
}

Xapian::doccount documents_with_any(const Xapian::Database& db,
                                    const std::vector<std::string>& terms) {
  if (terms.size() == 1) return db.get_termfreq(terms.front());
  std::vector<Xapian::docid> ids;
  for (const std::string& t : terms)
    for (auto p = db.postlist_begin(t); p != db.postlist_end(t); ++p) ids.push_back(*p);
  std::sort(ids.begin(), ids.end());
  return static_cast<Xapian::doccount>(std::unique(ids.begin(), ids.end()) - ids.begin());
}

}  // namespace newsdex
