// The in-memory output sink the render tests write into.

#include "io/output_sink.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parallel/parallel.h"

namespace legisite::output_sink_test {
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
  for_each_chunk(4, 4, 1, [&out](const Chunk& thread) {
    for (int i = 0; i < 100; ++i) {
      std::string error;
      out.write(std::to_string(thread.index) + "/" + std::to_string(i), "x", error);
    }
  });
  CHECK(out.files().size() == 400);
}

}  // namespace
}  // namespace legisite::output_sink_test
