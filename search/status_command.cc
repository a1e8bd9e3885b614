// newsdex status: what the indexing daemon last wrote to its status file, and whether
// it still runs. Reads no database, so it answers while newsdexd rebuilds one.
#include <signal.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "search/command.h"
#include "search/command_flags.h"

namespace newsdex {
namespace {

int run_status(const std::string& db_path, Printer& out) {
  const std::string file = db_path + "/status.json";
  std::ifstream in(file);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec))
      throw DatabaseError(db_path + ": no such database (create it with newsdexd --once)");
    throw Error(kExitNoMatch, file + ": no status file (newsdexd has not run in watch mode here)");
  }
  std::stringstream text;
  text << in.rdbuf();
  Record r = Record::parse(text.str(), nullptr, false);
  if (r.is_discarded() || !r.is_object()) throw DatabaseError(file + ": unreadable status file");
  // The file holds what the daemon last wrote; whether it still runs is checked here,
  // so that one killed with SIGKILL does not look alive. Shown right after its pid.
  Record shown = Record::object();
  for (const auto& [key, value] : r.items()) {
    shown[key] = value;
    if (key == "pid" && value.is_number_integer()) {
      const auto pid = static_cast<pid_t>(value.get<long>());
      shown["running"] = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
    }
  }
  out.record(shown);
  return kExitOk;
}

class StatusCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "tsv"});
  }
  bool opens_database() const override { return false; }
  int run(const RunContext& c, Printer& out) override { return run_status(c.db_path, out); }
};

}  // namespace

std::unique_ptr<Command> make_status_command() {
  return std::make_unique<StatusCommand>();
}

}  // namespace newsdex
