// The in-memory output sink the render tests write into.

#include "io/output_sink.h"

#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace legisite {
namespace {

TEST_CASE("the in-memory output keeps every written file, the last write winning", "[io]") {
  MemoryOutput out;
  std::string error;
  CHECK(out.write("index.html", "first", error));
  CHECK(out.write("code/l1/index.html", "article", error));
  CHECK(out.write("index.html", "second", error));
  CHECK(error.empty());
  CHECK(out.files() == std::map<std::string, std::string>{{"code/l1/index.html", "article"},
                                                          {"index.html", "second"}});
}

TEST_CASE("the in-memory output accepts writes from several threads", "[io]") {
  MemoryOutput out;
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&out, t] {
      for (int i = 0; i < 100; ++i) {
        std::string error;
        out.write(std::to_string(t) + "/" + std::to_string(i), "x", error);
      }
    });
  for (auto& w : workers) w.join();
  CHECK(out.files().size() == 400);
}

}  // namespace
}  // namespace legisite
