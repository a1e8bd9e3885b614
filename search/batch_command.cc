#include "search/batch_command.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "search/batch_request.h"

namespace newsdex {

int Command::run_request(const RunContext&, const nlohmann::json&, Printer&) {
  throw UsageError("this command takes no --batch");
}

namespace {

using json = nlohmann::json;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Runs one request into `mem`; returns its exit code. A commit of the writer between
// the reopen and the end of the request makes Xapian throw DatabaseModifiedError: the
// request starts again on the new revision.
int run_one(Command& command, RunContext& context, const json& request, const PrintOptions& po,
            std::FILE* mem) {
  for (int attempt = 0;; ++attempt) {
    std::rewind(mem);
    auto printer = make_printer(po, mem);
    try {
      return command.run_request(context, request, *printer);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 10) throw;
      context.session->reopen();
    }
  }
}

}  // namespace

int run_batch(Command& command, RunContext& context, int format_version, std::FILE* in,
              std::FILE* out) {
  SearchSession session(context.db_path);
  context.session = &session;
  PrintOptions po;
  po.format = OutputFormat::Json;
  po.format_version = format_version;

  char* printed = nullptr;
  std::size_t printed_size = 0;
  std::FILE* mem = open_memstream(&printed, &printed_size);
  char* line = nullptr;
  std::size_t capacity = 0;
  bool matched = false;
  int worst = 0;
  for (;;) {
    const ssize_t n = getline(&line, &capacity, in);
    if (n < 0) break;
    std::string_view text(line, static_cast<std::size_t>(n));
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    json request = std::string(text);  // echoed as it came if it is not a request
    std::string answer;
    int code = kExitOk;
    std::string message;
    try {
      request = parse_request_line(text);
      session.reopen();  // the writer's latest commit, if it made one
      code = run_one(command, context, request, po, mem);
      std::fflush(mem);
      const std::string_view object(printed, static_cast<std::size_t>(std::ftell(mem)));
      // The printer wrote one object on one line: "request" goes in after its "{".
      answer = "{\"request\":" + dump(request) + "," + std::string(object.substr(1));
    } catch (const Error& e) {
      code = e.code();
      message = e.what();
    } catch (const Xapian::DatabaseError& e) {
      code = kExitDatabase;
      message = session.db_path() + ": " + e.get_description();
    } catch (const Xapian::Error& e) {
      code = kExitDatabase;
      message = e.get_description();
    } catch (const std::exception& e) {
      code = kExitDatabase;
      message = e.what();
    }
    if (code == kExitOk) matched = true;
    if (code > kExitNoMatch) {
      worst = std::max(worst, code);
      json error = {{"format_version", format_version},
                    {"request", request},
                    {"error", {{"code", code}, {"message", message}}}};
      answer = dump(error) + "\n";
    }
    std::fwrite(answer.data(), 1, answer.size(), out);
    std::fflush(out);
  }
  std::free(line);
  std::fclose(mem);
  std::free(printed);
  if (worst) return worst;
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace newsdex
