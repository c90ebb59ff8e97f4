#pragma once
/// The neutral data a template sees: text, flags, lists and records, nothing else. View builders
/// fill it from the model; the Mustache adapter is the only code that turns it into engine data,
/// so the model and the builders never see the template engine.

#include <string>
#include <string_view>
#include <vector>

namespace legisite {

/// One value of a page's view. A record keeps its fields in insertion order (the order builders
/// wrote them), which keeps conversion and test output deterministic. Invariant: only the members
/// of the current kind are meaningful.
class View {
 public:
  enum class Kind { kText, kFlag, kList, kRecord };

  /// An empty record, the usual starting point.
  View() = default;
  static View text(std::string value);
  static View flag(bool value);
  static View list();
  static View record();

  Kind kind() const { return kind_; }
  const std::string& text_value() const { return text_; }
  bool flag_value() const { return flag_; }
  const std::vector<View>& items() const { return items_; }
  const std::vector<std::string>& keys() const { return keys_; }
  const std::vector<View>& values() const { return items_; }

  /// Sets a field of a record, replacing one of the same name. Returns the stored value so that
  /// nested records can be filled in place.
  View& set(std::string_view key, View value);
  /// Text fields are the common case; the const char* overload keeps a literal from decaying to
  /// bool.
  View& set(std::string_view key, std::string value) { return set(key, text(std::move(value))); }
  View& set(std::string_view key, const char* value) { return set(key, text(value)); }
  View& set_flag(std::string_view key, bool value) { return set(key, flag(value)); }
  /// Appends to a list.
  View& push(View item);

  /// The field `key` of a record, or null.
  const View* find(std::string_view key) const;
  /// A text field's value, "" when absent or not text. For tests and checks.
  std::string text_of(std::string_view key) const;

 private:
  Kind kind_ = Kind::kRecord;
  std::string text_;
  bool flag_ = false;
  // A list's items, or a record's values (parallel to keys_).
  std::vector<View> items_;
  std::vector<std::string> keys_;
};

}  // namespace legisite
