#include "search/spelling.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/fields.h"
#include "core/index_terms.h"
#include "core/stored_article.h"
#include "search/stop_words.h"

namespace newsdex {
namespace {

bool is_operator(std::string_view w) {
  static const std::set<std::string_view> ops = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return ops.count(w) > 0;
}

// The most edits a correction of a name of `size` bytes may need: one for short names
// ("Brazl"), two from eight bytes ("tony blare" is one; "goverment" one).
std::size_t name_edits(std::size_t size) {
  return size < 8 ? 1 : 2;
}

// The display name that folds to `key`, from the value slot of an article that holds
// `term`; `key` itself when none does.
std::string display_of(const Xapian::Database& db, TextAnalyzer& analyzer, const Field& f,
                       const std::string& term, const std::string& key) {
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term) || !f.slot) return key;
  const std::string slot = db.get_document(*p).get_value(*f.slot);
  const std::vector<std::string> names =
      f.multi_valued ? decode_name_list(slot) : std::vector<std::string>{slot};
  for (const auto& n : names)
    if (analyzer.fold_phrase(n) == key) return n;
  return key;
}

// The name of field `f` closest to the folded `key`, as it is displayed; empty when
// none is within name_edits.
std::string closest_name(const Xapian::Database& db, TextAnalyzer& analyzer, const Field& f,
                         const std::string& key) {
  const std::string prefix(f.prefix);
  const std::size_t limit = name_edits(key.size());
  std::size_t best = limit + 1;
  Xapian::doccount best_freq = 0;
  std::string best_term;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const std::string candidate = term.substr(prefix.size());
    // Prefixes nest (XP and XPL would both start "XP"): a candidate is a name, which
    // starts in lower case or beyond ASCII once folded.
    if (!candidate.empty() && candidate[0] >= 'A' && candidate[0] <= 'Z') continue;
    const std::size_t gap = candidate.size() > key.size() ? candidate.size() - key.size()
                                                          : key.size() - candidate.size();
    if (gap > std::min(best, limit)) continue;
    const std::size_t d = edit_distance(candidate, key, std::min(best, limit));
    if (d > limit) continue;
    if (d < best || (d == best && t.get_termfreq() > best_freq)) {
      best = d;
      best_freq = t.get_termfreq();
      best_term = term;
    }
  }
  if (best_term.empty()) return {};
  return display_of(db, analyzer, f, best_term, best_term.substr(prefix.size()));
}

std::string quoted_if_needed(const std::string& value) {
  return value.find(' ') == std::string::npos ? value : "\"" + value + "\"";
}

// The correction of FIELD:VALUE when no article carries it; empty otherwise.
std::string correct_field_value(const Xapian::Database& db, TextAnalyzer& analyzer,
                                QueryBuilder& queries, const std::string& field,
                                const std::string& value) {
  const Field* f = find_field(field);
  if (!f || f->is_date()) return {};
  const std::string term = queries.filter_term(field, value);
  if (db.term_exists(term) || is_digest_term(term)) return {};
  return closest_name(db, analyzer, *f, term.substr(f->prefix.size()));
}

// The correction of one free-text word (folded `term`), or empty.
std::string correct_word(const Xapian::Database& db, const std::string& term) {
  if (term.size() < 3 || db.term_exists(term)) return {};
  return db.get_spelling_suggestion(term, 2);
}

}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::optional<Suggestion> suggest_spelling(const Xapian::Database& db, TextAnalyzer& analyzer,
                                           QueryBuilder& queries, const QueryRequest& request,
                                           const std::string& language) {
  const Xapian::Stopper* stop = shared_stopper(language);
  Suggestion s;
  const std::string& text = request.text;
  std::size_t copied = 0, skip_until = 0;
  analyzer.for_each_word(text, [&](const std::string& term, std::size_t start, std::size_t end) {
    if (start < skip_until) return;
    const std::string_view original(text.data() + start, end - start);
    if (is_operator(original)) return;
    if (end < text.size() && text[end] == ':' && (find_field(term) || term == "date")) {
      // FIELD:VALUE or FIELD:"VALUE": the value is a name (or a date) as typed.
      std::size_t v = end + 1, value_start = v, value_end;
      if (v < text.size() && text[v] == '"') {
        const auto close = text.find('"', v + 1);
        value_start = v + 1;
        value_end = close == std::string::npos ? text.size() : close;
        v = close == std::string::npos ? text.size() : close + 1;
      } else {
        while (v < text.size() && !std::isspace(static_cast<unsigned char>(text[v])) &&
               text[v] != ')')
          ++v;
        value_end = v;
      }
      skip_until = v;
      if (term == "date" || value_end <= value_start) return;
      const std::string corrected = correct_field_value(
          db, analyzer, queries, term, text.substr(value_start, value_end - value_start));
      if (corrected.empty()) return;
      s.text.append(text, copied, end + 1 - copied);
      s.text += quoted_if_needed(corrected);
      copied = v;
      s.text_changed = true;
      return;
    }
    if (end < text.size() && text[end] == '*') return;  // a wildcard's prefix
    if (end < text.size() && text[end] == ':' && term == "title") return;
    if (stop && (*stop)(term)) return;
    const std::string corrected = correct_word(db, term);
    if (corrected.empty()) return;
    s.text.append(text, copied, start - copied);
    s.text += corrected;
    copied = end;
    s.text_changed = true;
  });
  s.text.append(text, copied, std::string::npos);
  for (const auto& spec : request.filters) {
    const auto colon = spec.find(':');
    std::string field = spec.substr(0, colon);
    for (auto& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string corrected =
        correct_field_value(db, analyzer, queries, field, spec.substr(colon + 1));
    s.filters.push_back(corrected.empty() ? spec : field + ":" + corrected);
    s.filters_changed |= !corrected.empty();
  }
  if (!s.text_changed && !s.filters_changed) return std::nullopt;
  return s;
}

}  // namespace newsdex
