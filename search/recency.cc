#include "search/recency.h"

#include <chrono>
#include <cmath>

#include "core/layout.h"

namespace newsdex {
namespace {

// Days since 1970-01-01 of a YYYYMMDD date; nothing when it is not one.
std::optional<long> day_number(const std::string& d) {
  if (d.size() != 8) return std::nullopt;
  for (char c : d)
    if (c < '0' || c > '9') return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(d.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(d.substr(4, 2)))},
                           day{static_cast<unsigned>(std::stoi(d.substr(6, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd}.time_since_epoch().count();
}

// The recency of each dated article, from the date slot.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(double boost, double half_life, long today)
      : Xapian::ValuePostingSource(layout::kDateSlot),
        boost_(boost),
        half_life_(half_life),
        today_(today) {}

  void init(const Xapian::Database& db) override {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(boost_);
  }

  double get_weight() const override {
    const std::optional<long> d = day_number(get_value());
    if (!d) return 0;
    const double age = std::max(0L, today_ - *d);
    return boost_ * std::exp2(-age / half_life_);
  }

  RecencySource* clone() const override { return new RecencySource(boost_, half_life_, today_); }

 private:
  double boost_, half_life_;
  long today_;
};

}  // namespace

std::optional<double> parse_half_life(const std::string& text) {
  if (text.size() < 2 || text.size() > 8) return std::nullopt;
  double n = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  double days;
  switch (text.back()) {
    case 'h':
      days = n / 24;
      break;
    case 'd':
      days = n;
      break;
    case 'w':
      days = 7 * n;
      break;
    case 'm':
      days = 30.4375 * n;
      break;
    case 'y':
      days = 365.25 * n;
      break;
    default:
      return std::nullopt;
  }
  if (days <= 0) return std::nullopt;
  return days;
}

Xapian::Query with_recency(const Xapian::Query& query, double boost, double half_life_days,
                           const std::string& today) {
  const std::optional<long> now = day_number(today);
  if (!now || boost <= 0) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query((new RecencySource(boost, half_life_days, *now))->release()));
}

}  // namespace newsdex
