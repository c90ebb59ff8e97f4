#include "digest/digest.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace legisite {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string Digest::hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::optional<Digest> Digest::from_hex(std::string_view hex) {
  Digest d;
  if (hex.size() != d.bytes.size() * 2) return std::nullopt;
  for (std::size_t i = 0; i < d.bytes.size(); ++i) {
    int high = hex_value(hex[2 * i]), low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    d.bytes[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return d;
}

struct Hasher::State {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~State() { EVP_MD_CTX_free(context); }
};

Hasher::Hasher() : state_(std::make_unique<State>()) {
  // Only a failed allocation makes these fail: there is no digest to give then.
  if (!state_->context || EVP_DigestInit_ex(state_->context, EVP_sha256(), nullptr) != 1)
    throw std::bad_alloc();
}
Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

Hasher& Hasher::add(std::uint64_t number) {
  unsigned char little_endian[8];
  for (int i = 0; i < 8; ++i) little_endian[i] = static_cast<unsigned char>(number >> (8 * i));
  EVP_DigestUpdate(state_->context, little_endian, sizeof little_endian);
  return *this;
}

Hasher& Hasher::add(std::string_view text) {
  add(static_cast<std::uint64_t>(text.size()));
  EVP_DigestUpdate(state_->context, text.data(), text.size());
  return *this;
}

Hasher& Hasher::add(const Digest& digest) {
  EVP_DigestUpdate(state_->context, digest.bytes.data(), digest.bytes.size());
  return *this;
}

Digest Hasher::finish() {
  Digest d;
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->context, d.bytes.data(), &size);
  return d;
}

Digest digest_of(std::string_view bytes) {
  Digest d;
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), d.bytes.data(), &size, EVP_sha256(), nullptr) != 1)
    throw std::bad_alloc();
  return d;
}

}  // namespace legisite
