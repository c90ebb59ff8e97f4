#include "render/view.h"

namespace legisite {

View View::text(std::string value) {
  View v;
  v.kind_ = Kind::kText;
  v.text_ = std::move(value);
  return v;
}

View View::flag(bool value) {
  View v;
  v.kind_ = Kind::kFlag;
  v.flag_ = value;
  return v;
}

View View::list() {
  View v;
  v.kind_ = Kind::kList;
  return v;
}

View View::record() { return View(); }

View& View::set(std::string_view key, View value) {
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      items_[i] = std::move(value);
      return items_[i];
    }
  }
  if (keys_.empty()) {
    // Records have a handful of fields or dozens: growing one by one reallocated both vectors
    // four times before the eighth, a measurable share of building a page's view.
    keys_.reserve(8);
    items_.reserve(8);
  }
  keys_.emplace_back(key);
  items_.push_back(std::move(value));
  return items_.back();
}

View& View::push(View item) {
  if (items_.empty()) items_.reserve(4);
  items_.push_back(std::move(item));
  return items_.back();
}

const View* View::find(std::string_view key) const {
  if (kind_ != Kind::kRecord) return nullptr;
  for (std::size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i] == key) return &items_[i];
  return nullptr;
}

std::string View::text_of(std::string_view key) const {
  const View* v = find(key);
  return v && v->kind_ == Kind::kText ? v->text_ : std::string();
}

}  // namespace legisite
