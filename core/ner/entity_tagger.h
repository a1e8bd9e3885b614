// The entity tagger's public interface: plain article text in, typed and canonicalised
// entity mentions out. This is what the indexer calls.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::ner {

enum class EntityType { Person, Place, Org, Misc };

// "person", "place", "org", "misc": the names used in facets and JSON output.
const char* entity_type_name(EntityType type);

struct Entity {
  EntityType type;
  std::string text;       // the mention exactly as in the input
  std::string canonical;  // the name it is faceted under ("Donald Trump" for "Trump's")
  std::size_t start;      // byte offsets into the input: [start, end)
  std::size_t end;
};

struct Document;
struct Model;
class SequenceTagger;
class AliasTable;

class EntityTagger {
 public:
  // Loads a model written by `newsdex-ner train`. Aliases come from $NEWSDEX_NER_ALIASES,
  // else from schemas/aliases.yaml of the repository the model sits in
  // (<root>/ner/model/FILE -> <root>/schemas/aliases.yaml), else from the copy inside the
  // model. Throws std::runtime_error("FILE: what is wrong") when the model is missing or
  // corrupt, or the alias file is malformed.
  static std::unique_ptr<EntityTagger> load(const std::string& model_path);
  ~EntityTagger();

  // Entities of one article, in reading order. Never throws on any input bytes; safe to call
  // concurrently from several threads on one tagger. Memory is bounded for any size of
  // text: a text longer than 256 KiB is tagged in windows, and then each distinct
  // mention (type and text) is reported at its first occurrence only.
  std::vector<Entity> extract(std::string_view utf8_text) const;

  // IOB2 tags (see tags.h) for every word of an already tokenized document.
  std::vector<std::vector<int>> tag(const Document& document) const;

  // The alias list the canonical names come from, as loaded.
  const AliasTable& aliases() const { return *aliases_; }

 private:
  EntityTagger();
  std::unique_ptr<Model> model_;
  std::unique_ptr<SequenceTagger> tagger_;
  std::unique_ptr<AliasTable> aliases_;
};

// The model to use when none is given: $NEWSDEX_NER_MODEL, else the shipped one,
// find_resource("ner/model/newsdex-ner.model") (core/resources.h: PREFIX/share/newsdex
// mirrors the repository's layout).
std::string default_model_path();

}  // namespace newsdex::ner
