// Asset packs (core/assets.hpp) and content loaded for some languages only: how the web app gets each language
// but English when it is first wanted.
#include <doctest/doctest.h>

#include <string>

#include "content_fixture.hpp"
#include "core/assets.hpp"
#include "core/content.hpp"
#include "core/string_table.hpp"

using namespace mn;
using mn::test::ContentFixture;

TEST_CASE("an asset pack adds its files once; the store's version says so") {
  const std::uint64_t before = assets_version();
  const std::string pack = make_asset_pack({{"test/pack/a.json", "{\"a\": 1}"}, {"test/pack/b.txt", "two\nlines"}});
  CHECK(add_asset_pack(pack).empty());
  CHECK(assets_version() == before + 1);
  CHECK(asset("test/pack/a.json") == std::optional<std::string_view>("{\"a\": 1}"));
  CHECK(asset("test/pack/b.txt") == std::optional<std::string_view>("two\nlines"));
  CHECK_FALSE(asset("test/pack/c.json"));

  // The same files again change nothing, and a file the store has keeps its bytes.
  CHECK(add_asset_pack(make_asset_pack({{"test/pack/a.json", "{\"a\": 2}"}})).empty());
  CHECK(assets_version() == before + 1);
  CHECK(asset("test/pack/a.json") == std::optional<std::string_view>("{\"a\": 1}"));
  // A compiled-in asset is never replaced by a pack.
  const auto ui = embedded_asset("content/en/ui.json");
  REQUIRE(ui);
  CHECK(add_asset_pack(make_asset_pack({{"content/en/ui.json", "{}"}})).empty());
  CHECK(asset("content/en/ui.json") == ui);
}

TEST_CASE("a broken or tampered pack is refused whole, with the reason") {
  const std::uint64_t before = assets_version();
  const std::string good = make_asset_pack({{"test/broken/a.json", "{}"}});
  CHECK(add_asset_pack("hello") == "not an asset pack (it does not start with \"mn-asset-pack 1\")");
  CHECK(add_asset_pack(good.substr(0, good.size() - 3)) == "file 1: test/broken/a.json is shorter than its size (2 bytes)");
  CHECK(add_asset_pack("mn-asset-pack 1\ntest/broken/a.json\nx2\n{}\n") == "file 1: \"x2\" is not a size in bytes");
  CHECK(add_asset_pack("mn-asset-pack 1\n../etc/passwd\n2\n{}\n") == "file 1: \"../etc/passwd\" is not a path under assets/");
  CHECK(add_asset_pack("mn-asset-pack 1\ntest/broken/a.json") ==
        "file 1: the pack ends in the middle of a file's path or size");
  // One bad file after a good one: nothing of the pack is added.
  CHECK_FALSE(add_asset_pack(good + "test/broken/b.json\n9\n{}\n").empty());
  CHECK_FALSE(asset("test/broken/a.json"));
  CHECK(assets_version() == before);
}

TEST_CASE("a pack read first and added later: nothing is visible until it is added, then all of it is") {
  const std::uint64_t before = assets_version();
  AssetFiles files;
  CHECK(read_asset_pack("nonsense", files) == "not an asset pack (it does not start with \"mn-asset-pack 1\")");
  CHECK(files.empty());
  REQUIRE(read_asset_pack(make_asset_pack({{"test/staged/a.json", "[1]"}, {"test/staged/b.txt", "b"}}), files).empty());
  REQUIRE(files.size() == 2);
  CHECK(files[0] == std::pair<std::string, std::string>("test/staged/a.json", "[1]"));
  CHECK_FALSE(asset("test/staged/a.json"));
  CHECK(assets_version() == before);
  add_asset_files(files);
  CHECK(assets_version() == before + 1);
  CHECK(asset("test/staged/a.json") == std::optional<std::string_view>("[1]"));
  CHECK(asset("test/staged/b.txt") == std::optional<std::string_view>("b"));
}

TEST_CASE("content loaded for English only reads as English in every language, with no issues") {
  ContentFixture fixture;
  for (const char* file : {"treatments.json", "concerns.json", "education.json", "ui.json"})
    fixture.remove(language_file(Lang::es, file));
  const Content content = fixture.load(std::vector<Lang>{});
  CHECK(content.issues().empty());
  CHECK(content.has_language(Lang::en));
  CHECK_FALSE(content.has_language(Lang::es));
  CHECK(content.tr(Lang::es, "nav.learn") == "en: Learn");
  CHECK(content.treatment_text(Lang::es, "neurotoxin")->name == "en: name of neurotoxin");
  CHECK(content.education(Lang::es).size() == kEducationSectionIds.size());
  // Asked for Spanish, the same files are an error: the language's files are missing.
  CHECK_FALSE(fixture.load(std::vector<Lang>{Lang::es}).issues().empty());
}

TEST_CASE("the UI strings alone: what the web app shows before the rest of its content arrives") {
  ContentFixture fixture;
  // Everything but the ui.json files is missing, as in the web app before English's pack.
  for (Lang lang : kLanguages)
    for (const char* file : {"treatments.json", "concerns.json", "education.json"}) fixture.remove(language_file(lang, file));
  fixture.remove(std::string(kSourcesFile));
  fixture.remove(std::string(kTreatmentsFile));
  const Content strings = Content::load_strings(fixture.reader(), {Lang::es});
  CHECK(strings.issues().empty());
  CHECK_FALSE(strings.complete());
  CHECK(strings.tr(Lang::en, "nav.learn") == "en: Learn");
  CHECK(strings.tr(Lang::es, "nav.learn") == "es: Learn");
  CHECK(strings.treatments().empty());
  CHECK(strings.treatment_text(Lang::en, "microneedling") == nullptr);
  CHECK(strings.education(Lang::en).empty());
  // A translation's placeholders are checked against English's as in a full load.
  fixture["content/es/ui.json"]["strings"]["plan.sessions"] = "es: {count} sesiones";
  CHECK_FALSE(Content::load_strings(fixture.reader(), {Lang::es}).issues().empty());
  // The full load of the same files names what is missing.
  const Content full = fixture.load(std::vector<Lang>{});
  CHECK(full.complete());
  CHECK_FALSE(full.issues().empty());
}

TEST_CASE("a language is available when every file its screens read is there, English's and the shared ones too") {
  // A native build compiles in everything.
  for (Lang lang : kLanguages) {
    CHECK(language_available(lang));
    CHECK(language_strings_available(lang));
  }
  CHECK(Content::builtin().complete());
}

TEST_CASE("the app's own content and string tables: every language of a native build, loaded once") {
  CHECK(available_languages() == std::vector<Lang>{Lang::en, Lang::es});
  const Content& first = Content::builtin();
  CHECK(&Content::builtin() == &first);
  CHECK(first.has_language(Lang::es));
  CHECK(StringTable::compare().has(Lang::es, StringTable::compare().strings(Lang::en).begin()->first));
  // A pack that adds files loads the content again; the earlier load stays valid.
  REQUIRE(add_asset_pack(make_asset_pack({{"test/reload/x.json", "{}"}})).empty());
  const Content& second = Content::builtin();
  CHECK(&second != &first);
  CHECK(first.tr(Lang::en, "nav.learn") == second.tr(Lang::en, "nav.learn"));
}
