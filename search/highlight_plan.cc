#include "search/highlight_plan.h"

#include <cctype>
#include <map>

#include "core/cjk_ngrams.h"
#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"

namespace newsdex {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// True when `term` is two CJK characters: a bigram of the document builder.
bool is_cjk_bigram(std::string_view term) {
  int cjk = 0, other = 0;
  for_each_cjk_piece(term,
                     [&](std::size_t, std::size_t, bool is_cjk) { ++(is_cjk ? cjk : other); });
  return cjk == 2 && other == 0;
}

// Fields whose values are words of the text, worth marking there: names, authors,
// topics, sources. A section (a folder name), a language code or a date is not.
bool marks_words(const Field& f) {
  return f.names.has_value() || f.name == "author" || f.name == "topic" || f.name == "source";
}

// Xapian 1.4 gives a PHRASE or NEAR query's window only in its description:
// "Query((tony@1 PHRASE 2 blair@2))". Its slots are terms, wildcards or OR-ed terms,
// never another positional query, so the first " PHRASE "/" NEAR " is its own.
Xapian::termpos window_of(const Xapian::Query& q, std::size_t slots) {
  const std::string d = q.get_description();
  for (const std::string_view op : {" PHRASE ", " NEAR "}) {
    const auto at = d.find(op);
    if (at == std::string::npos) continue;
    Xapian::termpos w = 0;
    for (std::size_t i = at + op.size();
         i < d.size() && std::isdigit(static_cast<unsigned char>(d[i])); ++i)
      w = w * 10 + static_cast<Xapian::termpos>(d[i] - '0');
    if (w > 0) return w;
  }
  return static_cast<Xapian::termpos>(slots);
}

// A wildcard's prefix, from "Query(WILDCARD SYNONYM negoti)"; empty for a field's
// wildcard (its prefix starts with a capital) or when the form is not that.
std::string wildcard_of(const Xapian::Query& q) {
  const std::string d = q.get_description();
  const auto close = d.rfind(')');
  const auto space = d.rfind(' ', close);
  if (close == std::string::npos || space == std::string::npos || space + 1 >= close) return "";
  std::string prefix = d.substr(space + 1, close - space - 1);
  if (prefix.empty() || is_upper(prefix[0])) return "";
  return prefix;
}

class Planner {
 public:
  Planner(HighlightPlan& plan, TextAnalyzer& analyzer,
          const std::unordered_set<std::string>& unmarked)
      : plan_(plan), analyzer_(analyzer), unmarked_(unmarked) {}

  void walk(const Xapian::Query& q) {
    switch (q.get_type()) {
      case Xapian::Query::LEAF_TERM:
        term(*q.get_unique_terms_begin());
        return;
      case Xapian::Query::OP_WILDCARD:
        if (const std::string w = wildcard_of(q); !w.empty()) leaf_wildcard(w, -1, 0);
        return;
      case Xapian::Query::OP_PHRASE:
      case Xapian::Query::OP_NEAR:
        positional(q);
        return;
      case Xapian::Query::OP_AND_NOT:
        // What the query excludes is not what it means to find.
        if (q.get_num_subqueries() > 0) walk(q.get_subquery(0));
        return;
      default:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) walk(q.get_subquery(i));
    }
  }

 private:
  // An unprefixed word, a stem, or a field's term.
  void term(const std::string& t) {
    if (t.empty()) return;
    if (!is_upper(t[0])) {
      leaf_term(t, -1, 0);
      return;
    }
    if (t.size() > 1 && t[0] == 'Z') {
      // A stem: plain ("Zbudget"), or of the title (title:budgets, "ZSbudget").
      if (!is_upper(t[1])) {
        leaf_term(t, -1, 0);
      } else if (t.compare(1, layout::kTitlePrefix.size(), layout::kTitlePrefix) == 0 &&
                 t.size() > 1 + layout::kTitlePrefix.size() &&
                 !is_upper(t[1 + layout::kTitlePrefix.size()])) {
        leaf_term("Z" + t.substr(1 + layout::kTitlePrefix.size()), -1, 0);
      }
      return;
    }
    if (t.compare(0, layout::kTitlePrefix.size(), layout::kTitlePrefix) == 0 &&
        t.size() > layout::kTitlePrefix.size() && !is_upper(t[layout::kTitlePrefix.size()])) {
      leaf_term(t.substr(layout::kTitlePrefix.size()), -1, 0);
      return;
    }
    const Field* f = field_of_term(t);
    if (!f || f->is_date() || is_digest_term(t) || !marks_words(*f) || unmarked_.count(t)) return;
    // The value's words, together and in order: person:"Gordon Brown" marks "Gordon
    // Brown", not every Gordon.
    std::vector<std::string> words;
    analyzer_.for_each_word(
        std::string_view(t).substr(f->prefix.size()),
        [&](const std::string& w, std::size_t, std::size_t) { words.push_back(w); });
    if (words.empty()) return;
    if (words.size() == 1) {
      leaf_term(words[0], -1, 0);
      return;
    }
    const int g =
        new_group(static_cast<int>(words.size()), static_cast<Xapian::termpos>(words.size()), true);
    for (std::size_t i = 0; i < words.size(); ++i) leaf_term(words[i], g, static_cast<int>(i));
  }

  void positional(const Xapian::Query& q) {
    const std::size_t n = q.get_num_subqueries();
    if (n == 0) return;
    const int g =
        new_group(static_cast<int>(n), window_of(q, n), q.get_type() == Xapian::Query::OP_PHRASE);
    for (std::size_t i = 0; i < n; ++i) slot(q.get_subquery(i), g, static_cast<int>(i));
  }

  // One slot of a group: a term, a wildcard, or alternatives of them.
  void slot(const Xapian::Query& q, int g, int s) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
      const std::string t = *q.get_unique_terms_begin();
      if (!t.empty() && !is_upper(t[0])) leaf_term(t, g, s);
      return;
    }
    if (q.get_type() == Xapian::Query::OP_WILDCARD) {
      if (const std::string w = wildcard_of(q); !w.empty()) leaf_wildcard(w, g, s);
      return;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) slot(q.get_subquery(i), g, s);
  }

  int new_group(int slots, Xapian::termpos window, bool ordered) {
    plan_.groups.push_back({slots, window, ordered, plan_.units++});
    return static_cast<int>(plan_.groups.size()) - 1;
  }

  int new_leaf(int g, int s, const std::string& key, bool bigram) {
    int unit;
    if (g >= 0) {
      unit = plan_.groups[static_cast<std::size_t>(g)].unit;
    } else {
      // The same word twice in the query counts once in the snippet's choice.
      const auto [it, added] = lone_units_.emplace(key, plan_.units);
      if (added) ++plan_.units;
      unit = it->second;
    }
    plan_.leaves.push_back({g, s, unit, bigram});
    return static_cast<int>(plan_.leaves.size()) - 1;
  }

  void leaf_term(const std::string& t, int g, int s) {
    const int leaf = new_leaf(g, s, t, is_cjk_bigram(t));
    plan_.terms[t].push_back(leaf);
  }

  void leaf_wildcard(const std::string& prefix, int g, int s) {
    const int leaf = new_leaf(g, s, prefix + "*", false);
    plan_.wildcards.emplace_back(prefix, leaf);
  }

  HighlightPlan& plan_;
  TextAnalyzer& analyzer_;
  const std::unordered_set<std::string>& unmarked_;
  std::map<std::string, int> lone_units_;
};

}  // namespace

HighlightPlan highlight_plan(const Xapian::Query& query, TextAnalyzer& analyzer,
                             const std::unordered_set<std::string>& unmarked) {
  HighlightPlan plan;
  Planner(plan, analyzer, unmarked).walk(query);
  return plan;
}

}  // namespace newsdex
