#pragma once
// The app's content (docs/content-format.md): treatment numbers, sources, and per-language prose and UI strings,
// loaded and checked together. Lookups fall back to English wherever a translation lacks something.
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issues.hpp"
#include "core/lang.hpp"
#include "core/text.hpp"

namespace mn {

// Reads one asset by its path under assets/, e.g. "content/en/ui.json"; nullopt if there is no such file.
using AssetReader = std::function<std::optional<std::string>(const std::string& path)>;
// The app's own assets (core/assets.hpp): compiled in, or added at run time as asset packs.
AssetReader embedded_reader();
// Whether the app's own assets hold everything the screens need in `lang`: its files (the content, the candidacy
// messages, the compare and plan tables), English's (which fill what a translation lacks) and the shared ones
// (sources, treatment numbers, candidacy rules). Native builds compile in everything. The web build compiles in only
// what its first frame needs, the English UI strings, and adds the rest as asset packs (core/assets.hpp): English's
// right after the first frame, each other language's when it is first wanted.
bool language_available(Lang lang);
// The languages available in that sense.
std::vector<Lang> available_languages();
// Whether `lang`'s UI strings are there: enough for Home and the app's frame, not for the other screens.
bool language_strings_available(Lang lang);
// Files under a folder laid out like assets/ (core/files.cpp: native builds only; the web app has no file system).
AssetReader directory_reader(std::string assets_dir);

// Paths of the content files under assets/. The per-language ones are content/<lang>/<file>.
inline constexpr std::string_view kSourcesFile = "content/sources.json";
inline constexpr std::string_view kTreatmentsFile = "content/treatments.json";
inline constexpr std::array<std::string_view, 4> kLanguageFiles = {"treatments.json", "concerns.json", "education.json",
                                                                   "ui.json"};
std::string language_file(Lang lang, std::string_view file);  // "content/es/ui.json"

// {"low", "high"} with an optional "typical" between them.
struct Range {
  double low = 0, high = 0;
  std::optional<double> typical;
};

// Risk of post-inflammatory hyperpigmentation, in increasing order.
enum class PihRisk { low, moderate, high, very_high };

// What one price_usd figure buys.
enum class PriceUnit { session, area, syringe };

// What the days after each session may look like: day 0 is the session, to_day is inclusive.
struct Phase {
  std::string key;  // one of kPhaseKeys
  int from_day = 0, to_day = 0;
};

// When results usually begin to show.
struct Milestone {
  std::string key;                  // one of kMilestoneKeys
  int days = 0;                     // counted from the course's last session...
  bool from_first_session = false;  // ...or from its first one
};

// A treatment's language-neutral numbers (content/treatments.json).
struct Treatment {
  std::string id;
  std::string family;                         // one of kTreatmentFamilies
  Range sessions;                             // a usual first course
  std::array<Range, 3> sessions_by_severity;  // mild, moderate (== sessions), severe
  // days / months; {0, 0} means "not applicable" (interval: one visit; maintenance: none usual)
  Range interval_days, downtime_days, onset_days, duration_months, maintenance_months;
  Range price_usd;                                // published prices, per price_unit
  PriceUnit price_unit = PriceUnit::session;
  std::vector<Phase> phases;
  std::vector<Milestone> milestones;
  int pain = 1;                                   // 1–5, editorial
  std::array<PihRisk, 6> pih_risk{};              // Fitzpatrick I..VI
  std::map<std::string, int, std::less<>> suits;  // concern id -> 0 none, 1 some, 2 good, 3 strong
  std::vector<std::string> sources;
};

struct TreatmentText {
  std::string name, short_text, mechanism, good_for, downtime, results, caution;
  std::vector<std::string> sources;
};

struct Concern {
  std::string name, explain;
  std::vector<std::string> severity;  // plain-word grades, mildest first
  std::string scale;                  // the clinical scale they follow, may be empty
  std::vector<std::string> sources;
};

// How much weight a source carries (docs/content-format.md, "sources.json"). The weak ones (article, clinic, note)
// may be cited only beside a stronger one, never alone.
enum class Strength { label, consensus, review, study, textbook, article, clinic, note };
inline constexpr std::array<std::string_view, 8> kStrengthNames = {"label", "consensus", "review",  "study",
                                                                   "textbook", "article", "clinic", "note"};
inline bool is_weak(Strength s) { return s == Strength::article || s == Strength::clinic || s == Strength::note; }

struct Source {
  std::string id, title, kind, file, cites;
  std::string publisher, url;
  int year = 0;  // 0: not known
  Strength strength = Strength::note;
  // Which treatments (ids, or "*" for all) and topics the document really speaks to. A source with no treatments
  // (a skin-type scale, a scar grading) may be cited beside treatment sources but never covers a treatment.
  std::vector<std::string> covers_treatments, covers_topics;
  // What the document says that a rule rests on, by rule id ("*": a summary), for the evidence table.
  std::map<std::string, std::string, std::less<>> says;
  bool covers(std::string_view treatment) const;
};

struct EducationStep {
  std::string title, when, text;
};

struct EducationFaq {
  std::string q, a;
};

// note: a routine reminder (general education, not advice); urgent: when to get emergency help, drawn as a warning;
// figure: a picture the app draws (see Figure).
enum class BlockType { text, list, steps, dodont, faq, note, urgent, figure };

// The pictures a Learn block can show (drawn by the app), and how many labels each takes, in order:
// needle_depths: three skin layers (outer, middle, fat), then three needle depths (shallow, in between, deepest);
// healing_phases: three healing stages, then four times along the axis (the start and each stage's end).
enum class Figure { needle_depths, healing_phases };
inline constexpr std::array<std::string_view, 2> kFigureNames = {"needle_depths", "healing_phases"};
inline constexpr std::array<std::size_t, 2> kFigureLabels = {6, 7};

// One block of a Learn section; which members are used depends on the type.
struct EducationBlock {
  BlockType type = BlockType::text;
  std::string title;                    // list, steps, dodont (optional)
  std::string text;                     // text, note, urgent, figure (its caption)
  std::vector<std::string> items;       // list, figure (its labels, see Figure)
  Figure figure = Figure::needle_depths;  // figure
  std::vector<EducationStep> steps;     // steps
  std::vector<std::string> dos, donts;  // dodont
  std::vector<EducationFaq> faq;        // faq
  std::vector<std::string> sources;     // every type but note and urgent (optional there)
  // The treatments the block speaks about ("about"); left out: microneedling, the Learn screens' subject.
  std::vector<std::string> about;
};

struct EducationSection {
  std::string id, title, lead;
  std::vector<EducationBlock> blocks;
};

class Content {
 public:
  // Loads and checks every content file of every language. Never throws; whatever is wrong is in issues().
  static Content load(const AssetReader& read);
  // The same for English and `languages` only; lookups in any other language get English.
  static Content load(const AssetReader& read, const std::vector<Lang>& languages);
  // Only the UI strings (ui.json) of English and `languages`: no sources, treatments, concerns or Learn sections.
  // What the web app has before the rest of its content arrives (complete() is false).
  static Content load_strings(const AssetReader& read, const std::vector<Lang>& languages);
  // The app's own content in every available language (or, until English is available, the UI strings there are):
  // loaded on first use, and again after an asset pack adds files. References stay valid for the program's life (an
  // earlier load is kept, not freed). Not thread-safe.
  static const Content& builtin();

  // Whether `lang` was loaded (else its lookups get English).
  bool has_language(Lang lang) const { return loaded_[static_cast<std::size_t>(lang)]; }
  // False for load_strings(): only tr() has anything to give.
  bool complete() const { return complete_; }

  // Errors (broken or missing data) and warnings (e.g. a translation lacking a key); empty when all is well.
  const std::vector<Issue>& issues() const { return issues_; }

  // The UI string for `key`: in `lang`, else in English, else the key itself. Not thread-safe (missing keys are
  // remembered so that the reference stays valid).
  const std::string& tr(Lang lang, std::string_view key) const;
  // The same with `{name}` placeholders filled.
  std::string tr(Lang lang, std::string_view key, const std::vector<Placeholder>& values) const;

  const std::vector<Treatment>& treatments() const { return treatments_; }
  const Treatment* treatment(std::string_view id) const;
  const TreatmentText* treatment_text(Lang lang, std::string_view id) const;
  const Concern* concern(Lang lang, std::string_view id) const;
  const std::vector<EducationSection>& education(Lang lang) const { return in(lang).education; }
  const std::vector<Source>& sources() const { return sources_; }
  const Source* source(std::string_view id) const;

 private:
  struct LanguageContent {
    std::map<std::string, std::string, std::less<>> strings;
    std::map<std::string, TreatmentText, std::less<>> treatments;
    std::map<std::string, Concern, std::less<>> concerns;
    std::vector<EducationSection> education;
  };
  static Content load_parts(const AssetReader& read, const std::vector<Lang>& languages, bool strings_only);
  // A language that was not loaded reads as English.
  const LanguageContent& in(Lang lang) const {
    const auto i = static_cast<std::size_t>(lang);
    return languages_[loaded_[i] ? i : static_cast<std::size_t>(Lang::en)];
  }

  std::vector<Issue> issues_;
  std::vector<Source> sources_;
  std::vector<Treatment> treatments_;
  std::array<LanguageContent, kLanguages.size()> languages_;
  std::array<bool, kLanguages.size()> loaded_{};
  bool complete_ = true;
  mutable std::map<std::string, std::string, std::less<>> missing_keys_;
};

// The sources a patient is shown under a Learn section: those its blocks cite, in first-cited order, that are public
// documents of standing (label, consensus, review, study, textbook). Weak ones (web articles, clinic pages, internal
// research notes) back the evidence audit (docs/candidacy.md) but are never shown; nor is an id content lacks.
std::vector<const Source*> patient_sources(const Content& content, const EducationSection& section);
// How a patient sees a source: "Title — Publisher, Year" (no year where it is not known). Never its file.
std::string patient_citation(const Source& source);

}  // namespace mn
