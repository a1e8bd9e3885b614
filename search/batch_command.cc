#include "search/batch_command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
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

// The lines of stdin, read with read(2) rather than getline, so that the batch knows
// when it has answered every line it was given: the output is flushed then, before it
// waits for more, and not after each answer. A co-process still gets each answer when
// it waits for it; a pipe full of queries is answered in large writes (one write(2) per
// answer was a wait at each line for the reader at the other end).
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}

  // The next line without its '\n' (the last one may have none); false at the end of
  // the input. `before_wait` runs before each read that may block.
  bool next(std::string_view& line, const std::function<void()>& before_wait) {
    for (;;) {
      const std::size_t newline = buffer_.find('\n', pos_);
      if (newline != std::string::npos) {
        line = std::string_view(buffer_).substr(pos_, newline + 1 - pos_);
        pos_ = newline + 1;
        return true;
      }
      if (eof_) {
        if (pos_ == buffer_.size()) return false;
        line = std::string_view(buffer_).substr(pos_);
        pos_ = buffer_.size();
        return true;
      }
      buffer_.erase(0, pos_);
      pos_ = 0;
      before_wait();
      const std::size_t had = buffer_.size();
      buffer_.resize(had + kChunk);
      ssize_t n;
      do n = ::read(fd_, buffer_.data() + had, kChunk);
      while (n < 0 && errno == EINTR);
      buffer_.resize(had + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
      if (n < 0) throw Error(kExitUsage, std::string("cannot read stdin: ") + std::strerror(errno));
      if (n == 0) eof_ = true;
    }
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  int fd_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

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
  // Flushed when every line read so far is answered (LineReader), so a buffer of some
  // answers' size.
  // glibc ignores the size without a buffer of ours; static, as `out` outlives the call.
  static char out_buffer[std::size_t{1} << 16];
  std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);
  LineReader lines(fileno(in));
  const std::function<void()> flush = [out] { std::fflush(out); };
  bool matched = false;
  int worst = 0;
  std::string_view text;
  while (lines.next(text, flush)) {
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
  }
  std::fflush(out);
  std::fclose(mem);
  std::free(printed);
  if (worst) return worst;
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace newsdex
