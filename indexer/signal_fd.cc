#include "indexer/signal_fd.h"

#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace newsdex {

SignalFd::SignalFd() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  if (int e = pthread_sigmask(SIG_BLOCK, &set, &previous_); e != 0)
    throw std::system_error(e, std::generic_category(), "pthread_sigmask");
  fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  if (fd_ < 0) {
    const int e = errno;
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    throw std::system_error(e, std::generic_category(), "signalfd");
  }
}

SignalFd::~SignalFd() {
  ::close(fd_);
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void SignalFd::drain() {
  signalfd_siginfo info;
  for (;;) {
    const ssize_t n = ::read(fd_, &info, sizeof info);
    if (n < 0 && errno == EINTR) continue;
    if (n != static_cast<ssize_t>(sizeof info)) return;  // EAGAIN: nothing more
    if (info.ssi_signo == SIGHUP)
      reload_ = true;
    else if (stop_signal_ == 0)
      stop_signal_ = static_cast<int>(info.ssi_signo);
  }
}

bool SignalFd::stop_requested() {
  if (stop_signal_ == 0) drain();
  return stop_signal_ != 0;
}

bool SignalFd::take_reload() {
  drain();
  const bool r = reload_;
  reload_ = false;
  return r;
}

const char* SignalFd::stop_signal_name() const {
  return stop_signal_ == SIGINT ? "SIGINT" : stop_signal_ == SIGTERM ? "SIGTERM" : "none";
}

}  // namespace newsdex
