#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace legisite {

/// A calendar day (no time, no zone), as legal texts date things. Default-constructed dates are
/// "unknown" and compare before every known date. LEGI's sentinels are ordinary dates with names:
/// 2999-01-01 means "no end", 2222-02-22 "entry into force deferred to an unknown date".
class Date {
 public:
  constexpr Date() = default;
  /// Days since 1970-01-01 (negative before).
  static constexpr Date from_days(std::int32_t days) { return Date(days); }
  static Date from_ymd(int year, int month, int day);
  /// Parses exactly `YYYY-MM-DD` (a real calendar day); nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  /// Milliseconds since the epoch, as the Légifrance API gives them (UTC midnight, or any time in
  /// that day).
  static Date from_epoch_millis(std::int64_t millis);
  static Date no_end();
  static Date deferred();

  bool known() const { return days_ != kUnknown; }
  bool is_no_end() const { return *this == no_end(); }
  bool is_deferred() const { return *this == deferred(); }
  /// A day of the calendar: known, neither no_end() nor deferred().
  bool is_calendar_day() const { return known() && !is_no_end() && !is_deferred(); }
  std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// `YYYY-MM-DD`, or "" when unknown.
  std::string iso() const;
  /// "8 juillet 2013" ("1er" for the first of the month), "" when unknown.
  std::string french() const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  static constexpr std::int32_t kUnknown = INT32_MIN;
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = kUnknown;
};

}  // namespace legisite
