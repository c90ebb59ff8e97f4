#include "parallel/parallel.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace parallel_test {

using namespace legisite;

namespace {

// Uneven work, so that which thread takes which chunk really varies.
std::size_t busy(std::size_t i) {
  std::size_t x = i;
  for (std::size_t k = 0; k < (i % 7) * 2000; ++k) x = x * 2862933555777941757ULL + 3037000493ULL;
  return x;
}

TEST_CASE("every item is handed out exactly once, in chunks of consecutive items", "[parallel]") {
  for (std::size_t jobs : {1, 2, 3, 8}) {
    for (std::size_t count : {0, 1, 15, 16, 17, 1000}) {
      INFO("jobs " << jobs << ", count " << count);
      std::vector<int> seen(count, 0);
      std::vector<std::size_t> chunk_of(count, 99999);
      for_each_chunk(jobs, count, 16, [&](const Chunk& c) {
        CHECK(c.begin == c.index * 16);
        CHECK(c.end == std::min(c.begin + 16, count));
        CHECK(c.worker < worker_count(jobs, count, 16));
        for (std::size_t i = c.begin; i < c.end; ++i) {
          ++seen[i];
          chunk_of[i] = c.index;
          busy(i);
        }
      });
      CHECK(seen == std::vector<int>(count, 1));
      for (std::size_t i = 0; i < count; ++i) CHECK(chunk_of[i] == i / 16);
    }
  }
}

TEST_CASE("results come back in input order whatever the thread count", "[parallel]") {
  std::vector<std::size_t> expected;
  for (std::size_t i = 0; i < 997; ++i) expected.push_back(busy(i));
  for (std::size_t jobs : {1, 2, 3, 8}) {
    INFO("jobs " << jobs);
    auto chunks = map_chunks<std::vector<std::size_t>>(jobs, 997, 10, [](const Chunk& c) {
      std::vector<std::size_t> out;
      for (std::size_t i = c.begin; i < c.end; ++i) out.push_back(busy(i));
      return out;
    });
    CHECK(chunks.size() == 100);
    std::vector<std::size_t> joined;
    for (const auto& chunk : chunks) joined.insert(joined.end(), chunk.begin(), chunk.end());
    CHECK(joined == expected);
  }
}

TEST_CASE("diagnostics reported by chunks join the phase's in input order", "[parallel]") {
  auto run = [](std::size_t jobs) {
    auto reports = map_chunks<Diagnostics>(jobs, 300, 7, [](const Chunk& c) {
      Diagnostics found;
      for (std::size_t i = c.begin; i < c.end; ++i) {
        busy(i);
        if (i % 3 == 0)
          found.warning({"f.md", static_cast<int>(i) + 1, 0}, "item " + std::to_string(i));
      }
      return found;
    });
    Diagnostics all;
    for (Diagnostics& d : reports) all.absorb(std::move(d));
    return format_all(all);
  };
  const std::string one = run(1);
  // All hundred of them, in input order.
  std::size_t at = 0;
  for (std::size_t i = 0; i < 300; i += 3) {
    std::size_t next = one.find("item " + std::to_string(i) + "\n", at);
    REQUIRE(next != std::string::npos);
    at = next;
  }
  for (std::size_t jobs : {2, 3, 8}) CHECK(run(jobs) == one);
}

TEST_CASE("one job runs everything on the calling thread, in order", "[parallel]") {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::size_t> order;
  for_each_chunk(1, 100, 8, [&](const Chunk& c) {
    CHECK(std::this_thread::get_id() == caller);
    CHECK(c.worker == 0);
    order.push_back(c.index);
  });
  std::vector<std::size_t> expected;
  for (std::size_t i = 0; i < 13; ++i) expected.push_back(i);
  CHECK(order == expected);
  // 0 is taken as 1, not as "no limit".
  CHECK(worker_count(0, 100, 8) == 1);
}

TEST_CASE("no more threads start than there are chunks", "[parallel]") {
  CHECK(worker_count(8, 0, 16) == 1);
  CHECK(worker_count(8, 16, 16) == 1);
  CHECK(worker_count(8, 17, 16) == 2);
  CHECK(worker_count(3, 1000, 16) == 3);
  std::mutex m;
  std::set<std::thread::id> threads;
  for_each_chunk(8, 17, 16, [&](const Chunk&) {
    std::lock_guard<std::mutex> lock(m);
    threads.insert(std::this_thread::get_id());
  });
  CHECK(threads.size() <= 2);
  CHECK(default_jobs() >= 1);
}

TEST_CASE("the helper throws nothing: a phase needs no exception handling around it",
          "[parallel]") {
  auto work = [](const Chunk&) {};
  STATIC_REQUIRE(noexcept(for_each_chunk(2, 10, 1, work)));
  STATIC_REQUIRE(noexcept(map_chunks<int>(2, 10, 1, [](const Chunk&) { return 0; })));
  STATIC_REQUIRE(noexcept(worker_count(2, 10, 1)));
  STATIC_REQUIRE(noexcept(default_jobs()));
}

}  // namespace

}  // namespace parallel_test
