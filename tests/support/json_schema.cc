#include "support/json_schema.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace legisite::testing {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The schemas refer to common.schema.json; RapidJSON asks this provider for it by that name.
class SchemaFolder : public rapidjson::IRemoteSchemaDocumentProvider {
 public:
  const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                     rapidjson::SizeType length) override {
    // RapidJSON 1.1 (Debian 12) passes the name one character short ("common.schema.jso"), an
    // off-by-one later versions fixed: complete a name that stops there.
    std::string name(uri, length);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".jso") == 0) name += 'n';
    return load(name);
  }

  const rapidjson::SchemaDocument* load(const std::string& name) {
    auto it = documents_.find(name);
    if (it != documents_.end()) return it->second.get();
    rapidjson::Document d;
    d.Parse(slurp(std::string(LEGISITE_SOURCE_DIR) + "/schemas/" + name).c_str());
    if (d.HasParseError()) return nullptr;
    auto doc = std::make_unique<rapidjson::SchemaDocument>(d, this);
    return (documents_[name] = std::move(doc)).get();
  }

 private:
  std::map<std::string, std::unique_ptr<rapidjson::SchemaDocument>> documents_;
};

std::string pointer_text(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer sb;
  p.StringifyUriFragment(sb);
  return sb.GetString();
}

}  // namespace

std::string schema_problem(const std::string& json) {
  static std::mutex mutex;  // the provider caches documents
  static SchemaFolder folder;
  std::lock_guard<std::mutex> lock(mutex);
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError())
    return std::string("not well-formed: ") + rapidjson::GetParseError_En(d.GetParseError()) +
           " at offset " + std::to_string(d.GetErrorOffset());
  if (!d.IsObject() || !d.HasMember("schema") || !d["schema"].IsString())
    return "no \"schema\" field";
  std::string kind = d["schema"].GetString();  // legisite/<kind>/<version>
  if (kind.rfind("legisite/", 0) != 0) return "unknown schema " + kind;
  kind = kind.substr(9, kind.find('/', 9) - 9);
  const rapidjson::SchemaDocument* schema = folder.load(kind + ".schema.json");
  if (!schema) return "no schema file for " + kind;
  rapidjson::SchemaValidator validator(*schema);
  if (d.Accept(validator)) return {};
  return "value " + pointer_text(validator.GetInvalidDocumentPointer()) + " breaks rule '" +
         validator.GetInvalidSchemaKeyword() + "' at schema " +
         pointer_text(validator.GetInvalidSchemaPointer());
}

std::string pretty_json(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError()) return {};
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(sb);
  writer.SetIndent(' ', 1);
  d.Accept(writer);
  return std::string(sb.GetString()) + "\n";
}

}  // namespace legisite::testing
