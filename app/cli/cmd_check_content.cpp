// navigator check-content [ASSETS_DIR]: checks the content files, the candidacy rules and their evidence.
// navigator evidence [ASSETS_DIR]: prints the evidence table of docs/candidacy.md.
#include <ostream>

#include "cli/common.hpp"
#include "core/candidacy_rules.hpp"
#include "core/content.hpp"
#include "core/evidence.hpp"

namespace mn::cli {
namespace {

AssetReader reader_for(const Invocation& invocation) {
  return invocation.args.empty() ? embedded_reader() : directory_reader(invocation.args[0]);
}

}  // namespace

int run_check_content(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const AssetReader read = reader_for(invocation);
  const Content content = Content::load(read);
  std::vector<Issue> issues = content.issues();
  // The rules are checked with the content they cite; a folder without rules/ is content only.
  const bool has_rules = read(std::string(kCandidacyRulesFile)).has_value();
  std::optional<CandidacyRules> rules;
  if (has_rules) {
    rules = CandidacyRules::load(read, content);
    issues.insert(issues.end(), rules->issues().begin(), rules->issues().end());
  }
  const std::vector<Issue> evidence = check_evidence(content, rules ? &*rules : nullptr);
  issues.insert(issues.end(), evidence.begin(), evidence.end());
  print_issues(issues, out);
  err << summary(invocation.args.empty() ? "built-in content" : invocation.args[0], issues) << "\n";
  return has_errors(issues) ? kExitFailed : kExitOk;
}

int run_evidence(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const AssetReader read = reader_for(invocation);
  const Content content = Content::load(read);
  const CandidacyRules rules = CandidacyRules::load(read, content);
  std::vector<Issue> issues = content.issues();
  issues.insert(issues.end(), rules.issues().begin(), rules.issues().end());
  if (has_errors(issues)) {
    print_issues(issues, err);
    return kExitFailed;
  }
  out << evidence_table(content, rules);
  return kExitOk;
}

}  // namespace mn::cli
