#pragma once
// A minimal streaming JSON writer: enough for bills, diagnostics and rating output.
// Numbers are written from exact decimal text by the caller; nothing here sees a double.
#include <string>
#include <string_view>
#include <vector>

namespace tariff {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view s);
  JsonWriter& number(std::string_view exact_text);  // already-validated numeric text
  JsonWriter& value(std::string_view json);         // a value another writer wrote (a bill)
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

std::string json_quote(std::string_view s);

}  // namespace tariff
