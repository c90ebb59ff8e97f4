#pragma once
/// Test support: the repository's JSON Schemas (schemas/), loaded once, and validation of a data
/// file against the schema its "schema" field names.

#include <string>

namespace legisite::testing {

/// "" when `json` parses and satisfies the schema of its kind ("legisite/article/1" ->
/// schemas/article.schema.json); else what is wrong, with the JSON pointers of the failing
/// value and schema rule.
std::string schema_problem(const std::string& json);

/// `json` parsed and written again with indentation, keys in their order: the form goldens are
/// kept in, readable in a diff. "" when it does not parse.
std::string pretty_json(const std::string& json);

}  // namespace legisite::testing
