#include "resolve/diff_cache.h"

#include <functional>

#include "resolve/text_diff.h"

namespace legisite {

namespace {

std::size_t pair_key(std::string_view before, std::string_view after) {
  std::hash<std::string_view> hash;
  return hash(before) * 31 + hash(after);
}

}  // namespace

void DiffCache::start_phase() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++phase_;
  hits_ = 0;
}

void DiffCache::finish_phase() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(entries_, [this](const auto& entry) { return entry.second->phase != phase_; });
}

std::shared_ptr<DiffCache::Entry> DiffCache::find(std::size_t key, std::string_view before,
                                                  std::string_view after) {
  auto [first, last] = entries_.equal_range(key);
  for (auto it = first; it != last; ++it)
    if (it->second->before == before && it->second->after == after) return it->second;
  return nullptr;
}

TextDiff DiffCache::diff(std::string_view before, std::string_view after,
                         const DiffRecord* record) {
  const std::size_t key = pair_key(before, after);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto entry = find(key, before, after)) {
      entry->phase = phase_;
      ++hits_;
      return entry->diff;
    }
  }
  // Compared outside the lock: the other threads go on meanwhile.
  auto entry = std::make_shared<Entry>();
  entry->before = before;
  entry->after = after;
  std::optional<TextDiff> recorded = record ? record->find(before, after) : std::nullopt;
  entry->diff = recorded ? std::move(*recorded) : diff_texts(before, after);
  std::lock_guard<std::mutex> lock(mutex_);
  entry->phase = phase_;
  if (!find(key, before, after)) entries_.emplace(key, entry);
  return entry->diff;
}

std::size_t DiffCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

std::size_t DiffCache::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

}  // namespace legisite
