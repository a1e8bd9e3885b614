// Typed values out of a schema's YAML nodes, each mistake a UsageError
// "FILE:LINE: what is wrong". YAML's core schema decides a plain scalar's type, so
// `include: 5` is a number where globs belong and `weight: .nan` is no weight: a
// schema either means what it says or is refused.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace newsdex {

// Throws UsageError "FILE:LINE: WHAT" (no line when `mark` is null; yaml-cpp counts
// lines from 0).
[[noreturn]] void schema_error(const std::string& file, const YAML::Mark& mark,
                               const std::string& what);

class SchemaReader {
 public:
  explicit SchemaReader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }

  void require_map(const YAML::Node& node, const std::string& where) const;

  // Unknown keys are errors: a misspelt "wieght" must not silently fall back.
  void only_keys(const YAML::Node& node, const std::string& where,
                 const std::set<std::string>& allowed) const;

  // A string: quoted, or plain and not a null, boolean or number of YAML's core schema.
  std::string string(const YAML::Node& node, const std::string& where) const;
  // true or false, written as a plain YAML boolean.
  bool boolean(const YAML::Node& node, const std::string& where) const;
  // One string or a list of them.
  std::vector<std::string> strings(const YAML::Node& node, const std::string& where) const;
  // A finite number in [lo, hi], written as a plain YAML number.
  double number(const YAML::Node& node, const std::string& where, double lo, double hi) const;
  // A whole number in [lo, hi].
  std::uint64_t integer(const YAML::Node& node, const std::string& where, std::uint64_t lo,
                        std::uint64_t hi) const;
  // A size: "64MiB", "500k", "1.5 MB", 1048576; at least one byte, at most kMaxBytes.
  std::uint64_t bytes(const YAML::Node& node, const std::string& where) const;

  static constexpr std::uint64_t kMaxBytes = 1ull << 40;  // 1 TiB

 private:
  // The scalar text of `node`, or an error saying a `kind` was expected.
  const std::string& scalar(const YAML::Node& node, const std::string& where,
                            const char* kind) const;
  std::string file_;
};

// What YAML's core schema makes of a plain scalar: "null", "boolean", "number", or ""
// for a string. Exposed for tests.
std::string yaml_core_type(const std::string& plain);

}  // namespace newsdex
