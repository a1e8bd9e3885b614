#include "core/yaml_structure.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <set>
#include <sstream>
#include <vector>

#include "core/schema_reader.h"

namespace newsdex {
namespace {

class DuplicateKeyFinder : public YAML::EventHandler {
 public:
  explicit DuplicateKeyFinder(const std::string& file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1)
      schema_error(file_, mark, "a second YAML document: a schema is one document");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, "~", true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, "", false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    node(mark, value, true);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark, "", false);
    frames_.push_back({false, true, {}});
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark, "", false);
    frames_.push_back({true, true, {}});
  }
  void OnMapEnd() override { frames_.pop_back(); }

 private:
  struct Frame {
    bool map;
    bool expecting_key;
    std::set<std::string> keys;
  };

  // Every node starts here: in a mapping, every other one is a key.
  void node(const YAML::Mark& mark, const std::string& text, bool scalar) {
    if (frames_.empty() || !frames_.back().map) return;
    Frame& f = frames_.back();
    const bool is_key = f.expecting_key;
    f.expecting_key = !f.expecting_key;
    if (!is_key) return;
    // Lists, mappings and aliases as keys cannot be compared by their text, and no
    // schema key is one: the schema reader refuses them by name.
    if (scalar && !f.keys.insert(text).second)
      schema_error(file_, mark, "the key '" + text + "' is given twice in one mapping");
  }

  const std::string& file_;
  int documents_ = 0;
  std::vector<Frame> frames_;
};

}  // namespace

void check_yaml_structure(const std::string& yaml_text, const std::string& file) {
  std::istringstream in(yaml_text);
  DuplicateKeyFinder finder(file);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(finder)) {
    }
  } catch (const YAML::ParserException& e) {
    schema_error(file, e.mark, e.msg);
  }
}

}  // namespace newsdex
