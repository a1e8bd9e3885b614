// newsdex config get KEY | set KEY [VALUE] | list: read and edit the configuration file
// (core/config.h), as `notmuch config` does. `set` checks the value as the programs
// will, keeps the file's other lines and comments, and without a value removes the key.
#include "core/config.h"
#include "core/errors.h"
#include "search/command.h"
#include "search/command_flags.h"

namespace newsdex {
namespace {

class ConfigCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    std::string keys;
    for (const auto& k : config_keys())
      keys += std::string(keys.empty() ? "" : "\n") + "  " + k.name + ": " + k.help;
    cmd.footer(
        "File: $NEWSDEX_CONFIG, else $XDG_CONFIG_HOME/newsdex/config, else "
        "~/.config/newsdex/config;\none 'key = value' a line. Keys:\n" +
        keys + "\nPrecedence: flag, environment, this file, built-in default.");
    cmd.add_option("action", action_, "get KEY, set KEY [VALUE] (no value: remove), list")
        ->required()
        ->check(CLI::IsMember({"get", "set", "list"}));
    cmd.add_option("key", key_, "the key (see below)");
    cmd.add_option("value", value_, "the new value");
    add_output_flags(cmd, out, {"text", "json", "tsv"});
    value_option_ = cmd.get_option("value");
  }
  void check() override {
    if (action_ == "list" && !key_.empty()) throw UsageError("config list takes no key");
    if (action_ != "list" && key_.empty()) throw UsageError("config " + action_ + " needs a KEY");
    if (action_ == "get" && value_option_->count()) throw UsageError("config get takes one KEY");
    const bool removal = action_ == "set" && !value_option_->count();
    if (!key_.empty() && !find_config_key(key_) && !removal) {
      std::string keys;
      for (const auto& k : config_keys()) keys += (keys.empty() ? "" : ", ") + std::string(k.name);
      throw UsageError("unknown key '" + key_ + "' (keys: " + keys + ")");
    }
  }
  bool opens_database() const override { return false; }
  int run(const RunContext& c, Printer& out) override {
    if (action_ == "set") {
      const std::optional<std::string> value =
          value_option_->count() ? std::optional<std::string>(value_) : std::nullopt;
      write_config_value(user_config_path(), key_, value);
      return kExitOk;
    }
    const UserConfig config = load_user_config();
    if (action_ == "get") {
      // The value alone, as written (git config, notmuch config): for $(...) in scripts.
      const auto value = config.get(key_);
      if (!value) return kExitNoMatch;
      std::fprintf(c.out, "%s\n", value->c_str());
      return kExitOk;
    }
    Record record = Record::object();
    for (const auto& k : config_keys())
      if (const auto value = config.get(k.name)) record[k.name] = *value;
    if (record.empty()) return kExitNoMatch;
    out.record(record);
    return kExitOk;
  }

 private:
  std::string action_, key_, value_;
  CLI::Option* value_option_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_config_command() {
  return std::make_unique<ConfigCommand>();
}

}  // namespace newsdex
