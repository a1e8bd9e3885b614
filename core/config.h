// The user's configuration file, read by newsdex and newsdexd (notmuch's way): defaults
// for the database, the corpus, the schema and the output, one `key = value` a line.
//
//   # ~/.config/newsdex/config
//   db = ~/news/newsdex.db
//   corpus = ~/news/articles
//   limit = 20
//   format = tsv
//
// Found at $NEWSDEX_CONFIG, else $XDG_CONFIG_HOME/newsdex/config, else
// ~/.config/newsdex/config; a missing file is no configuration. Lines starting with `#`
// or `;` and blank lines are ignored; an unknown key, a malformed line, a key given
// twice or a value the key cannot take is an error naming FILE:LINE (exit 2).
// Precedence: a flag, then the environment (NEWSDEX_DB, NEWSDEX_CORPUS, NO_COLOR), then
// this file, then the built-in default.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct ConfigKey {
  const char* name;  // "limit"
  const char* flag;  // the flag it is the default of: "--limit"
  const char* env;   // the environment variable that overrides it, or nullptr
  const char* help;  // one line, for errors and `newsdex config`
  bool path;         // a path: `~/` is expanded, a relative one is relative to $HOME
  // "" when `value` is acceptable, else why not.
  std::string (*check)(const std::string& value);
};

// Every key, in the order `config list` prints them.
const std::vector<ConfigKey>& config_keys();
const ConfigKey* find_config_key(const std::string& name);

struct UserConfig {
  std::string path;                                         // the file read, or that would be read
  std::vector<std::pair<std::string, std::string>> values;  // in file order, as written

  std::optional<std::string> get(const std::string& key) const;
};

// $NEWSDEX_CONFIG, else $XDG_CONFIG_HOME/newsdex/config, else $HOME/.config/newsdex/config.
std::string user_config_path();

// Parses `text` read from `path`. Throws UsageError "PATH:LINE: ..." on the first error.
UserConfig parse_config(const std::string& text, const std::string& path);

// Reads user_config_path(); an absent file gives an empty configuration. Throws
// UsageError for an unreadable or malformed file.
UserConfig load_user_config();

// A path value as the programs use it: "~/x" and "x" are $HOME/x, "/x" stays.
std::string expand_config_path(const std::string& value);

// The flags whose defaults the file sets for this run, with the value to use: the keys
// set in `config` that no environment variable overrides, paths expanded.
std::vector<std::pair<std::string, std::string>> config_flag_defaults(const UserConfig& config);

// Sets `key` to `value` in the file at `path` (created with its folders if missing),
// replacing its line or appending one, other lines and comments kept; no value removes
// the key (any key: so a file with an unknown one is mended). Throws UsageError for an
// unknown key or a value it cannot take.
void write_config_value(const std::string& path, const std::string& key,
                        const std::optional<std::string>& value);

}  // namespace newsdex
