#pragma once
/// Independent work split between the two cores the machines this runs on have: the one shape
/// the sources and resolve stages use for per-article work (render hands out batches instead).

#include <cstddef>
#include <thread>

namespace legisite {

/// Calls `work(from, to)` for [0, count / 2) on this thread and [count / 2, count) on a second
/// one, or for the whole range on this thread when `count` is below `at_least` (a thread costs
/// more than a little work). `work` must be safe to run on both halves at once.
template <typename Work>
void on_two_threads(std::size_t count, std::size_t at_least, Work&& work) {
  if (count < at_least) {
    work(std::size_t{0}, count);
    return;
  }
  const std::size_t half = count / 2;
  std::thread other([&] { work(half, count); });
  work(std::size_t{0}, half);
  other.join();
}

}  // namespace legisite
