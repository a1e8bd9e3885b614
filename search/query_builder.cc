#include "search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "core/cjk_ngrams.h"
#include "core/errors.h"
#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "search/date_ranges.h"
#include "search/entity_resolution.h"
#include "search/stop_words.h"

namespace newsdex {
namespace {

bool is_operator(std::string_view w) {
  static const std::set<std::string_view> ops = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return ops.count(w) > 0;
}

// Turns a field value the user typed into the term's suffix. It never throws: an
// exception thrown through Xapian's (lemon-generated) QueryParser skips the parser's
// own clean-up and frees its stack wrongly (SIGABRT, leaks). A bad value is recorded
// in the builder instead, and build() reports it once parse_query has returned.
class NameFieldProcessor : public Xapian::FieldProcessor {
 public:
  NameFieldProcessor(QueryBuilder& builder, std::string field)
      : builder_(builder), field_(std::move(field)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return builder_.filter_query(field_, value);
    } catch (const std::exception& e) {
      builder_.record_parse_error(e.what());
    } catch (...) {
      builder_.record_parse_error("cannot read the value of " + field_ + ":");
    }
    return Xapian::Query::MatchNothing;
  }

 private:
  QueryBuilder& builder_;
  std::string field_;
};

std::string digits_only(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      out += c;
    else if (c != '-' && c != '/' && c != '.')
      return {};
  }
  return out;
}

// At most this many words stand for one wildcard inside a phrase: each is a position
// list the phrase check reads.
constexpr std::size_t kMaxPhraseWildcardWords = 1000;  // "1,000" in the message below

bool is_ascii_upper(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The window Xapian gave a phrase: 1.4 shows it only in the description,
// "Query((trade@1 PHRASE 2 defic@2))".
Xapian::termcount phrase_window(const Xapian::Query& q) {
  const std::string d = q.get_description();
  const auto at = d.find(" PHRASE ");
  if (at == std::string::npos) return 0;
  return static_cast<Xapian::termcount>(std::strtoul(d.c_str() + at + 8, nullptr, 10));
}

// Xapian 1.4's QueryParser keeps a wildcard inside a quoted phrase as a plain word
// ("trade defic*" looked for the word "defic"), and its matcher refuses OP_WILDCARD as
// part of a phrase. Such a word becomes the OR of the index's words that start with it,
// which a phrase does take. Only the nodes the parser makes are rebuilt; a node with a
// parameter Xapian does not give back is left as it is.
//
// Returns `q` with each phrase word that ends in a wildcard replaced by the OR of the index's
// words with that start, or nothing when no phrase of `q` holds one. `expansions`
// keeps each wildcard's OR for the other languages' parses of the same query, which
// hold the same phrases.
std::optional<Xapian::Query> expand_phrase_wildcards(
    const Xapian::Query& q, const std::vector<std::string>& wildcards, const Xapian::Database& db,
    std::map<std::string, Xapian::Query>& expansions) {
  const auto op = q.get_type();
  // (NEAR with a wildcard never comes here: the parser reads it as a syntax error and
  // falls back to plain words.)
  const bool positional = op == Xapian::Query::OP_PHRASE;
  const bool rebuildable = op == Xapian::Query::OP_AND || op == Xapian::Query::OP_OR ||
                           op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_XOR ||
                           op == Xapian::Query::OP_AND_MAYBE || op == Xapian::Query::OP_FILTER ||
                           op == Xapian::Query::OP_SYNONYM;
  if (!positional && !rebuildable) return std::nullopt;
  std::vector<Xapian::Query> parts;
  bool changed = false;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Xapian::Query sub = q.get_subquery(i);
    if (positional && sub.get_type() == Xapian::Query::LEAF_TERM) {
      const std::string term = *sub.get_unique_terms_begin();
      // The word as typed, after a field's prefix ("title:" gives S).
      const bool wild = std::any_of(wildcards.begin(), wildcards.end(), [&](const auto& w) {
        return term.size() >= w.size() && term.compare(term.size() - w.size(), w.size(), w) == 0 &&
               is_ascii_upper(std::string_view(term).substr(0, term.size() - w.size()));
      });
      if (wild) {
        auto known = expansions.find(term);
        if (known == expansions.end()) {
          std::vector<Xapian::Query> words;
          for (auto t = db.allterms_begin(term); t != db.allterms_end(term); ++t) {
            if (words.size() == kMaxPhraseWildcardWords)
              throw UsageError("the wildcard '" + term +
                               "*' in a phrase stands for more than 1,000 words; give more "
                               "of the word");
            words.emplace_back(*t);
          }
          known = expansions
                      .emplace(term, words.empty() ? Xapian::Query::MatchNothing
                                                   : Xapian::Query(Xapian::Query::OP_OR,
                                                                   words.begin(), words.end()))
                      .first;
        }
        sub = known->second;
        changed = true;
      }
    } else if (!positional) {
      if (auto rebuilt = expand_phrase_wildcards(sub, wildcards, db, expansions)) {
        sub = std::move(*rebuilt);
        changed = true;
      }
    }
    parts.push_back(sub);
  }
  if (!changed) return std::nullopt;
  if (positional) return Xapian::Query(op, parts.begin(), parts.end(), phrase_window(q));
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

std::string normalise_date(const std::string& text, bool end) {
  const std::string d = digits_only(text);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.size() == 4) return d + (end ? "1231" : "0101");
  if (d.size() == 6) {
    int m = std::stoi(d.substr(4, 2));
    if (m < 1 || m > 12) return {};
    int last = kDays[m - 1];
    int y = std::stoi(d.substr(0, 4));
    if (m == 2 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) last = 28;
    return d + (end ? std::to_string(last) : "01");
  }
  if (d.size() == 8) {
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(4, 2)),
        day = std::stoi(d.substr(6, 2));
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if (m < 1 || m > 12 || day < 1 || day > kDays[m - 1] || (m == 2 && day == 29 && !leap))
      return {};
    return d;
  }
  return {};
}

std::string fold_query_text(const std::string& text, TextAnalyzer& analyzer) {
  std::string out;
  std::size_t copied = 0;      // bytes of `text` already handled
  std::size_t skip_until = 0;  // a filter value being copied verbatim
  // A run of CJK characters becomes the phrase of its bigrams (core/cjk_ngrams.h).
  std::string run;
  std::size_t run_start = 0, run_end = 0;
  const auto in_phrase = [&](std::size_t pos) {
    return std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '"') % 2 == 1;
  };
  const auto flush_run = [&] {
    if (run.empty()) return;
    out += cjk_run_query(run, in_phrase(run_start));
    run.clear();
  };
  const auto only_space = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      if (!std::isspace(static_cast<unsigned char>(text[i]))) return false;
    return true;
  };
  analyzer.for_each_word(text, [&](const std::string& term, std::size_t start, std::size_t end) {
    if (start < skip_until) return;
    if (is_cjk_char_term(term)) {
      // Inside a quoted phrase, CJK words the user spaced apart are one run: CJK text
      // itself has no spaces, and the document has them side by side.
      if (!run.empty() &&
          (start == run_end || (in_phrase(run_start) && only_space(run_end, start)))) {
        run += term;
      } else {
        flush_run();
        out.append(text, copied, start - copied);
        run = term;
        run_start = start;
      }
      run_end = copied = end;
      return;
    }
    flush_run();
    out.append(text, copied, start - copied);
    copied = end;
    const std::string_view original(text.data() + start, end - start);
    if (is_operator(original)) {
      out.append(original);
      return;
    }
    if (end < text.size() && text[end] == ':') {
      if (find_field(term) || term == "date") {
        // person:"Donald Trump", date:2018-04-01..2018-04-30: the value goes to its
        // field processor as typed.
        out += term;
        out += ':';
        std::size_t v = end + 1;
        if (v < text.size() && text[v] == '"') {
          auto close = text.find('"', v + 1);
          v = close == std::string::npos ? text.size() : close + 1;
        } else {
          while (v < text.size() && !std::isspace(static_cast<unsigned char>(text[v])) &&
                 text[v] != ')')
            ++v;
        }
        out.append(text, end + 1, v - end - 1);
        copied = skip_until = v;
        return;
      }
      if (term == "title") {
        out += term;
        return;
      }
    }
    out += term;
  });
  flush_run();
  if (copied < text.size()) out.append(text, copied, std::string::npos);
  return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Schema& schema, TextAnalyzer& analyzer,
                           const NameResolver& names)
    : db_(db),
      analyzer_(analyzer),
      names_(names),
      languages_(db, schema.language,
                 [this, &db](Xapian::QueryParser& p) { configure_parser(p, db); }) {
  configure_parser(parser_, db);
  parser_.set_stemmer(analyzer.stemmer());
  parser_.set_stemming_strategy(schema.language == "none" ? Xapian::QueryParser::STEM_NONE
                                                          : Xapian::QueryParser::STEM_SOME);
  stopper_ = make_stopper(schema.language);
}

void QueryBuilder::configure_parser(Xapian::QueryParser& parser, const Xapian::Database& db) {
  parser.set_database(db);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.add_prefix("title", std::string(layout::kTitlePrefix));
  for (const auto& f : fields()) {
    // Fields given more than once OR together, different fields AND (Omega's rule).
    const std::string name(f.name);
    parser.add_boolean_prefix(name, (new NameFieldProcessor(*this, name))->release(), true);
  }
  parser.add_rangeprocessor((new DateRangeProcessor("date:", [this](const std::string& m) {
                              record_parse_error(m);
                            }))->release());
}

void QueryBuilder::record_parse_error(const std::string& message) {
  // The first problem is the one the user will fix first.
  if (!parse_error_) parse_error_ = message;
}

std::string QueryBuilder::filter_term(const std::string& field, const std::string& value) {
  const Field* f = find_field(field);
  if (!f) throw UsageError("unknown filter field '" + field + "' (fields: " + field_names() + ")");
  std::string v = value;
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (f->is_date()) {
    const std::string d = digits_only(v);
    if (d.size() != digits_only(std::string(f->date_example)).size())
      throw UsageError("malformed " + field + " '" + v + "' (expected " +
                       std::string(f->date_example) + ")");
    return std::string(f->prefix) + d;
  }
  return bounded_term(
      f->prefix, f->names ? names_.key(*f->names, v, analyzer_, db_) : analyzer_.fold_phrase(v));
}

Xapian::Query QueryBuilder::filter_query(const std::string& field, const std::string& value) {
  const std::string term = filter_term(field, value);
  const Field* f = find_field(field);
  if (!f->names) return Xapian::Query(term);
  std::string v = value;
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  const std::string literal = bounded_term(f->prefix, analyzer_.fold_phrase(v));
  // Every name the corpus counts under the same entity as the value (a surname alone,
  // its full name, an acronym, another type's tag): what the facet counted.
  const EntityResolution& corpus = names_.corpus(db_);
  std::vector<std::string> terms;
  for (const std::string* t : {&term, &literal})
    for (std::string& m : corpus.members(corpus.root(*t)))
      if (std::find(terms.begin(), terms.end(), m) == terms.end()) {
        if (m != term && m != literal) resolved_.insert(m);
        terms.push_back(std::move(m));
      }
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::build_filters(const QueryRequest& r) {
  // Group by field: OR within a field (AND with --filter-all), AND across fields.
  std::map<std::string, std::vector<Xapian::Query>> by_field;
  for (const auto& spec : r.filters) {
    auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
      throw UsageError("malformed filter '" + spec + "' (expected FIELD:VALUE)");
    std::string field = spec.substr(0, colon);
    for (auto& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    by_field[field].push_back(filter_query(field, spec.substr(colon + 1)));
  }
  std::vector<Xapian::Query> parts;
  for (auto& [field, terms] : by_field)
    parts.emplace_back(r.filter_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, terms.begin(),
                       terms.end());
  if (!r.since.empty() || !r.until.empty()) {
    const std::string today = today_local();
    const std::string lo = resolve_date(r.since, false, today);
    const std::string hi = resolve_date(r.until, true, today);
    const char* expected =
        "' (expected 2018-04-12, 2018-04, 2018, or a time before today: 7d, "
        "2w, 3m, 1y, today, yesterday)";
    if (!r.since.empty() && lo.empty()) throw UsageError("malformed date '" + r.since + expected);
    if (!r.until.empty() && hi.empty()) throw UsageError("malformed date '" + r.until + expected);
    parts.push_back(date_range_query(lo, hi));
  }
  if (r.since_revision > 0)
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, layout::kRevisionSlot,
                       Xapian::sortable_serialise(double(r.since_revision) + 1));
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query QueryBuilder::build(const QueryRequest& r) {
  resolved_.clear();
  Xapian::Query query = Xapian::Query::MatchAll;
  std::string text = r.text;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  if (!text.empty()) {
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    const std::string folded = fold_query_text(text, analyzer_);
    wildcards_.clear();
    analyzer_.for_each_word(folded, [&](const std::string& term, std::size_t, std::size_t end) {
      if (end < folded.size() && folded[end] == '*') wildcards_.push_back(term);
    });
    parse_error_.reset();
    parser_.set_default_op(r.any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    parser_.set_stopper(r.any_word ? stopper_.get() : nullptr);
    try {
      query = parser_.parse_query(folded, flags);
      const bool phrase_wildcard = !wildcards_.empty() && text.find('"') != std::string::npos;
      std::map<std::string, Xapian::Query> expansions;
      const auto expanded = [&](const Xapian::Query& q) {
        if (!phrase_wildcard) return q;
        auto e = expand_phrase_wildcards(q, wildcards_, db_, expansions);
        return e ? *e : q;
      };
      query = expanded(query);
      // Articles of other languages were stemmed in theirs (language_queries.h).
      query = languages_.combine(query, [&](Xapian::QueryParser& p) {
        p.set_default_op(parser_.get_default_op());  // any_word: OR in every language
        return expanded(p.parse_query(folded, flags));
      });
    } catch (const Xapian::QueryParserError& e) {
      throw UsageError("cannot parse query '" + r.text + "': " + e.get_msg());
    } catch (const Xapian::InvalidArgumentError& e) {
      // Xapian's own checks of the query's arguments: the query's fault. Other Xapian
      // errors (a commit underneath, a corrupt table) go on to the caller, which
      // retries or exits 3.
      throw UsageError("cannot parse query '" + r.text + "': " + e.get_msg());
    }
    if (parse_error_) throw UsageError(*parse_error_);
    // A query of only stopwords or punctuation: nothing to search for.
    if (query.empty()) query = Xapian::Query::MatchNothing;
  }
  Xapian::Query filters = build_filters(r);
  if (!filters.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filters);
  return query;
}

}  // namespace newsdex
