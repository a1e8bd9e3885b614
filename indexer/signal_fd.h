// SIGTERM, SIGINT and SIGHUP as readable events. The signals are blocked and
// delivered through a signalfd, so the daemon's event loop sees them with poll()
// next to inotify, and a long reconcile can check for them between files: no code
// runs inside a signal handler, and no signal is lost while the loop is busy.
#pragma once

#include <signal.h>

namespace newsdex {

class SignalFd {
 public:
  // Blocks the signals in the calling thread; threads started afterwards inherit the
  // mask, so construct it before any worker starts. Throws std::system_error.
  SignalFd();
  ~SignalFd();  // closes the fd and restores the previous mask
  SignalFd(const SignalFd&) = delete;
  SignalFd& operator=(const SignalFd&) = delete;

  int fd() const { return fd_; }

  // Reads every signal that has arrived, without blocking, into the flags below.
  void drain();

  // SIGTERM or SIGINT arrived (sticky). Drains first, so it is cheap to poll.
  bool stop_requested();
  // Whether SIGHUP arrived since the last call.
  bool take_reload();
  // The name of the stop signal ("SIGTERM"), for the log.
  const char* stop_signal_name() const;

 private:
  int fd_ = -1;
  sigset_t previous_{};
  int stop_signal_ = 0;
  bool reload_ = false;
};

}  // namespace newsdex
