#pragma once

#include <string_view>

namespace legisite {

/// The SHA-256 (hexadecimal) of every source file of generator/, computed when the program is
/// built: a page rendered by a program built from other sources is rendered again by this one
/// (render/fingerprints.h). The program and the tests, built from the same sources, agree.
std::string_view program_identity();

}  // namespace legisite
