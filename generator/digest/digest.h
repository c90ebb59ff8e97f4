#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace legisite {

/// The SHA-256 of some bytes. Incremental builds compare digests instead of contents: a file whose
/// digest is unchanged is not written again, a page whose inputs' digest is unchanged is not
/// rendered again. A cryptographic hash, because content is not trusted: nobody can make two
/// different pages share a digest on purpose.
struct Digest {
  std::array<unsigned char, 32> bytes{};

  /// 64 lowercase hexadecimal digits.
  std::string hex() const;
  /// The digest written by hex(); nothing for anything else.
  static std::optional<Digest> from_hex(std::string_view hex);

  auto operator<=>(const Digest&) const = default;
};

/// For unordered containers of digests: their first bytes are already uniformly spread.
struct DigestHash {
  std::size_t operator()(const Digest& d) const {
    std::size_t h = 0;
    for (std::size_t i = 0; i < sizeof h; ++i) h = (h << 8) | d.bytes[i];
    return h;
  }
};

/// Digests a sequence of values. Each value is framed (strings by their length, numbers by their
/// width), so that the sequence ("ab", "c") and ("a", "bc") never share a digest.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(Hasher&&) noexcept;
  Hasher& operator=(Hasher&&) noexcept;

  Hasher& add(std::string_view text);
  Hasher& add(std::uint64_t number);
  Hasher& add(const Digest& digest);
  /// The digest of everything added so far. The hasher may not be used afterwards.
  Digest finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The digest of `bytes` alone, unframed: the SHA-256 any tool gives for a file with these bytes.
Digest digest_of(std::string_view bytes);

}  // namespace legisite
