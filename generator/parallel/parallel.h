#pragma once
/// The one way the generator spreads independent work over threads, driven by `-j`: a phase
/// splits its items into chunks, threads take the chunks in order as they become free, and the
/// phase merges what each chunk produced in chunk order. The output is then the same for every
/// thread count, and -j 1 runs everything on the calling thread.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace legisite {

/// The -j default: the machine's hardware threads, at least 1.
inline std::size_t default_jobs() noexcept {
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Consecutive items [begin, end) of a phase, its `index`-th chunk, run by thread `worker`
/// (0 is the calling thread; state each thread needs of its own is indexed by it).
struct Chunk {
  std::size_t index = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t worker = 0;
};

/// The number of chunks of at most `chunk_size` items that [0, count) makes.
inline std::size_t chunk_count(std::size_t count, std::size_t chunk_size) noexcept {
  chunk_size = std::max<std::size_t>(1, chunk_size);
  return (count + chunk_size - 1) / chunk_size;
}

/// How many threads, the calling one included, for_each_chunk runs: `jobs`, but never more than
/// there are chunks (a thread that would find none left is not started), and at least one.
inline std::size_t worker_count(std::size_t jobs, std::size_t count,
                                std::size_t chunk_size) noexcept {
  return std::clamp<std::size_t>(chunk_count(count, chunk_size), 1, std::max<std::size_t>(1, jobs));
}

/// Calls `work(chunk)` for each chunk of at most `chunk_size` items of [0, count), on
/// worker_count() threads. Which thread runs which chunk changes from run to run: `work` writes
/// only to its chunk's items and results or to its worker's state, and the caller merges them
/// in chunk order. noexcept, so that a throwing `work` ends the program whatever the thread
/// count, instead of throwing only when it ran on the calling thread.
template <typename Work>
void for_each_chunk(std::size_t jobs, std::size_t count, std::size_t chunk_size,
                    Work&& work) noexcept {
  chunk_size = std::max<std::size_t>(1, chunk_size);
  const std::size_t chunks = chunk_count(count, chunk_size);
  std::atomic<std::size_t> next{0};
  auto run = [&](std::size_t worker) {
    for (std::size_t index; (index = next.fetch_add(1)) < chunks;) {
      const std::size_t begin = index * chunk_size;
      work(Chunk{index, begin, std::min(begin + chunk_size, count), worker});
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t w = 1; w < worker_count(jobs, count, chunk_size); ++w)
    helpers.emplace_back(run, w);
  run(0);
  for (std::thread& helper : helpers) helper.join();
}

/// for_each_chunk keeping what `work(chunk)` returns for each chunk, in chunk order: counts,
/// records, diagnostics that then join the phase's as if one thread had done everything.
template <typename Result, typename Work>
std::vector<Result> map_chunks(std::size_t jobs, std::size_t count, std::size_t chunk_size,
                               Work&& work) noexcept {
  std::vector<Result> results(chunk_count(count, chunk_size));
  for_each_chunk(jobs, count, chunk_size,
                 [&](const Chunk& chunk) { results[chunk.index] = work(chunk); });
  return results;
}

}  // namespace legisite
