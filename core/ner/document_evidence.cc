#include "core/ner/document_evidence.h"

#include "core/ner/feature_hash.h"
#include "core/ner/tags.h"

namespace newsdex::ner {
namespace {

enum Template : uint32_t {
  kPredicted = 101,
  kPredictedLeft,
  kPredictedRight,
  kMajority,
  kMajorityShare,
  kSeenAs,
  kInLongName,
  kLastOfLongName,
  kPredictedPair,
  kNeighbourMajority,
  kFirstMention,
};

}  // namespace

std::vector<DocumentEvidence::SpanRole> DocumentEvidence::span_roles(const std::vector<int>& tags) {
  std::vector<SpanRole> roles(tags.size());
  for (const TagSpan& span : spans_from_tags(tags)) {
    for (std::size_t k = span.begin; k < span.end; ++k) {
      roles[k] = {span.type, span.end - span.begin > 1, k + 1 == span.end};
    }
  }
  return roles;
}

DocumentEvidence::DocumentEvidence(const DocumentAnalysis& analysis,
                                   const std::vector<std::vector<int>>& first_pass)
    : analysis_(analysis), first_pass_(first_pass) {
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const SentenceAnalysis& sentence = analysis.sentences[s];
    roles_.push_back(span_roles(first_pass[s]));
    const std::vector<SpanRole>& roles = roles_.back();
    for (std::size_t i = 0; i < sentence.forms.size(); ++i) {
      if (!sentence.upper_initial[i]) continue;
      bool added = false;
      Counts& c = counts_.try_emplace(sentence.lowers[i], &added);
      if (added) {
        c.first_sentence = s;
        c.first_token = i;
        c.first_type = roles_.back()[i].type + 1;
      }
      ++c.by_type[roles[i].type + 1];
      if (roles[i].long_name) {
        ++c.in_long_name[roles[i].type];
        if (roles[i].last) ++c.last_of_long_name[roles[i].type];
      }
    }
  }
}

int DocumentEvidence::majority(std::size_t s, std::size_t i) const {
  const SentenceAnalysis& sentence = analysis_.sentences[s];
  if (!sentence.upper_initial[i]) return -1;
  const Counts* counts = counts_.find(sentence.lowers[i]);
  if (!counts) return -1;
  std::array<int, 5> by_type = counts->by_type;
  --by_type[roles_[s][i].type + 1];
  int best = 0, total = 0;
  for (int t = 0; t < 5; ++t) {
    total += by_type[t];
    if (by_type[t] > by_type[best]) best = t;
  }
  return total > 0 ? best : -1;
}

void DocumentEvidence::features(std::size_t s, std::size_t i, FeatureIds& out) const {
  const SentenceAnalysis& sentence = analysis_.sentences[s];
  const std::vector<int>& tags = first_pass_[s];
  int here = tags[i];
  int left = i > 0 ? tags[i - 1] : -1;
  int right = i + 1 < tags.size() ? tags[i + 1] : -1;
  out.push_back(FeatureHasher(kPredicted).add(here).id());
  out.push_back(FeatureHasher(kPredictedLeft).add(left).id());
  out.push_back(FeatureHasher(kPredictedRight).add(right).id());
  out.push_back(FeatureHasher(kPredictedPair).add(left).add(here).id());
  // The neighbours' document majorities: "New" before a word that is LOC elsewhere.
  for (int offset : {-1, 1}) {
    auto j = static_cast<std::ptrdiff_t>(i) + offset;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(tags.size())) continue;
    int best = majority(s, static_cast<std::size_t>(j));
    if (best >= 0) out.push_back(FeatureHasher(kNeighbourMajority).add(offset).add(best).id());
  }
  if (!sentence.upper_initial[i]) return;
  const Counts* counts = counts_.find(sentence.lowers[i]);
  if (!counts) return;
  // Counts of the other occurrences: remove this token's own contribution.
  Counts c = *counts;
  const std::vector<SpanRole>& roles = roles_[s];
  --c.by_type[roles[i].type + 1];
  if (roles[i].long_name) {
    --c.in_long_name[roles[i].type];
    if (roles[i].last) --c.last_of_long_name[roles[i].type];
  }
  int total = 0;
  int best = 0;
  for (int t = 0; t < 5; ++t) {
    total += c.by_type[t];
    if (c.by_type[t] > c.by_type[best]) best = t;
  }
  if (total > 0) {
    int share = c.by_type[best] * 4 / total;  // quarters: 1 = weak, 4 = unanimous
    out.push_back(FeatureHasher(kMajority).add(best).id());
    out.push_back(FeatureHasher(kMajorityShare).add(best).add(share).id());
    for (int t = 0; t < 5; ++t) {
      if (c.by_type[t] > 0) out.push_back(FeatureHasher(kSeenAs).add(t).id());
    }
  }
  if (counts->first_sentence != s || counts->first_token != i) {
    out.push_back(FeatureHasher(kFirstMention).add(counts->first_type).id());
  }
  for (int t = 0; t < 4; ++t) {
    if (c.in_long_name[t] > 0) out.push_back(FeatureHasher(kInLongName).add(t).id());
    if (c.last_of_long_name[t] > 0) out.push_back(FeatureHasher(kLastOfLongName).add(t).id());
  }
}

}  // namespace newsdex::ner
