#include "core/ner/entity_tagger.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "core/ner/alias_table.h"
#include "core/ner/canonicaliser.h"
#include "core/ner/model.h"
#include "core/ner/sequence_tagger.h"
#include "core/ner/tags.h"
#include "core/ner/text_normalise.h"
#include "core/ner/tokenizer.h"
#include "core/resources.h"

namespace newsdex::ner {
namespace {

namespace fs = std::filesystem;

// The alias list's text, and in `source` where it came from, for the messages.
std::string aliases_for(const std::string& model_path, const std::string& embedded,
                        std::string& source) {
  std::string path;
  if (const char* env = std::getenv("NEWSDEX_NER_ALIASES"); env && *env) {
    path = env;
  } else {
    std::error_code ec;
    fs::path candidate = fs::absolute(model_path, ec).parent_path().parent_path().parent_path() /
                         "schemas" / "aliases.yaml";
    if (!ec && fs::exists(candidate, ec)) path = candidate.string();
  }
  if (path.empty()) {
    source = model_path + " (its alias list)";
    return embedded;
  }
  source = path;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open alias file");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A middle initial as news writes it: one capital letter, with or without a full stop.
bool is_initial(const std::string& word) {
  const bool capital = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  return capital && (word.size() == 1 || (word.size() == 2 && word[1] == '.'));
}

// A word written as a name is: a capital, then at least one small letter ("Bush", "McCain").
bool is_capitalised(const std::string& word) {
  if (word.size() < 2 || word[0] < 'A' || word[0] > 'Z') return false;
  for (char c : word)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

// For facets, "Foreign Ministry" alone does not say whose: CoNLL tags "Russian Foreign
// Ministry" as MISC + ORG, but the entity is the Russian one. A demonym directly followed by an
// organisation whose name starts with a common word ("Foreign", "Defence", "Central") is
// merged into that organisation; proper names ("German Siemens") are left alone.
//
// The model also tags a bare middle initial O ("George W Bush": B-PER O B-PER or
// B-PER O O, since CoNLL's Reuters text writes "George W. Bush"), which would cut one
// person in two or lose the surname. A person span, an initial, then a person span or an
// untagged capitalised word (without the full stop, the initial cannot end a sentence)
// are one name.
//
// A sentence's first word is capitalised whatever it is, and the model sometimes runs it
// into the name after it ("Later Bush spoke", "Meanwhile Blair"): a person's name does not
// start with a word the training text usually writes in lower case, so that word is left
// out of the span.
std::vector<TagSpan> qualified_spans(const Sentence& sentence, std::vector<TagSpan> spans,
                                     const Model& model) {
  constexpr int kPer = 0, kMisc = 3, kOrg = 2;
  std::vector<TagSpan> out;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    TagSpan& span = spans[k];
    if (span.type == kPer && span.begin == 0 && span.end - span.begin >= 2) {
      const Lexicon::Entry* first = model.lexicon.find(lower_case(ascii_fold(sentence.words[0])));
      if (first && first->casing == Lexicon::Casing::Lower) span.begin = 1;
    }
    const std::size_t after = span.end + 1;  // the word after a possible initial
    if (span.type == kPer && after < sentence.words.size() &&
        is_initial(sentence.words[span.end])) {
      const bool next_is_span = k + 1 < spans.size() && spans[k + 1].begin <= after;
      if (next_is_span && spans[k + 1].type == kPer && spans[k + 1].begin == after) {
        out.push_back({kPer, span.begin, spans[k + 1].end});
        ++k;
        continue;
      }
      if (!next_is_span && sentence.words[span.end].size() == 1 &&
          is_capitalised(sentence.words[after])) {
        out.push_back({kPer, span.begin, after + 1});
        continue;
      }
    }
    if (k + 1 < spans.size() && span.type == kMisc && span.end - span.begin == 1 &&
        spans[k + 1].type == kOrg && spans[k + 1].begin == span.end) {
      std::string demonym = lower_case(ascii_fold(sentence.words[span.begin]));
      bool is_demonym =
          model.gazetteer.match({demonym})[0][static_cast<int>(GazetteerCategory::Demonym)] ==
          MatchPosition::Unit;
      const Lexicon::Entry* first =
          model.lexicon.find(lower_case(ascii_fold(sentence.words[span.end])));
      bool common_word = first && (first->casing == Lexicon::Casing::Lower ||
                                   first->casing == Lexicon::Casing::Mixed);
      if (is_demonym && common_word) {
        out.push_back({kOrg, span.begin, spans[k + 1].end});
        ++k;
        continue;
      }
    }
    out.push_back(span);
  }
  return out;
}

// How much text is tokenised and tagged at once. An article is one window; a file of
// many megabytes is cut into windows at paragraph (else line, else word) boundaries,
// so that the tagger's per-word state stays bounded whatever the file's size: about
// 60 bytes of text a token cost some 400 bytes of tokens, features and evidence.
// Document-level evidence then spans one window, which is longer than any article.
constexpr std::size_t kWindowBytes = 256 * 1024;

// The end of the window that starts at `begin`.
std::size_t window_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kWindowBytes) return text.size();
  const std::size_t limit = begin + kWindowBytes;
  const std::string_view part = text.substr(begin, kWindowBytes);
  for (std::string_view cut : {"\n\n", "\n", " "}) {
    const std::size_t at = part.rfind(cut);
    if (at != std::string_view::npos && at > kWindowBytes / 2) return begin + at + cut.size();
  }
  std::size_t end = limit;  // one giant word: cut between UTF-8 characters
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > begin ? end : limit;
}

}  // namespace

const char* entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::Person:
      return "person";
    case EntityType::Place:
      return "place";
    case EntityType::Org:
      return "org";
    case EntityType::Misc:
      return "misc";
  }
  return "misc";
}

EntityTagger::EntityTagger() = default;
EntityTagger::~EntityTagger() = default;

std::unique_ptr<EntityTagger> EntityTagger::load(const std::string& model_path) {
  std::unique_ptr<EntityTagger> tagger(new EntityTagger());
  tagger->model_ = std::make_unique<Model>(load_model(model_path));
  tagger->tagger_ = std::make_unique<SequenceTagger>(*tagger->model_);
  std::string source;
  std::string aliases = aliases_for(model_path, tagger->model_->aliases_yaml, source);
  try {
    tagger->aliases_ = std::make_unique<AliasTable>(AliasTable::parse(aliases));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(source + ": " + e.what());
  }
  return tagger;
}

std::vector<std::vector<int>> EntityTagger::tag(const Document& document) const {
  return tagger_->tag(document);
}

std::vector<Entity> EntityTagger::extract(std::string_view utf8_text) const {
  std::vector<Mention> mentions;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  // Past one window, a repeated mention (same type, same text) is kept once: a file of
  // megabytes may repeat a few names millions of times, and memory must not grow with
  // the repeats. An article (one window) keeps every mention, as the canonicaliser
  // weighs spellings by how often they occur.
  const bool once_each = utf8_text.size() > kWindowBytes;
  std::unordered_set<std::string> seen;
  for (std::size_t base = 0, stop; base < utf8_text.size(); base = stop) {
    stop = window_end(utf8_text, base);
    const std::string_view window = utf8_text.substr(base, stop - base);
    const Document document = tokenize_text(window);
    const std::vector<std::vector<int>> tags = tagger_->tag(document);
    for (std::size_t s = 0; s < document.sentences.size(); ++s) {
      const Sentence& sentence = document.sentences[s];
      for (const TagSpan& span : qualified_spans(sentence, spans_from_tags(tags[s]), *model_)) {
        std::size_t start = sentence.starts[span.begin];
        std::size_t end = sentence.ends[span.end - 1];
        std::string text(window.substr(start, end - start));
        if (once_each && !seen.insert(static_cast<char>('0' + span.type) + text).second) continue;
        mentions.push_back({span.type, std::move(text), ""});
        ranges.emplace_back(base + start, base + end);
      }
    }
  }
  Canonicaliser(*aliases_, &model_->lexicon).canonicalise(mentions);
  std::vector<Entity> entities;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (mentions[k].canonical.empty()) continue;
    entities.push_back({static_cast<EntityType>(mentions[k].type), std::move(mentions[k].text),
                        std::move(mentions[k].canonical), ranges[k].first, ranges[k].second});
  }
  return entities;
}

std::string default_model_path() {
  if (const char* env = std::getenv("NEWSDEX_NER_MODEL"); env && *env) return env;
  return find_resource("ner/model/newsdex-ner.model");
}

}  // namespace newsdex::ner
