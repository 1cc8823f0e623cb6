#include "cli/command.hpp"
#include "cli/planner_options.hpp"

namespace mn::cli {

const std::string* Invocation::option(std::string_view name) const {
  const auto it = options.find(name);
  return it == options.end() ? nullptr : &it->second;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate",
       "FILE",
       "check a clinic configuration (clinic.json); FILE '-' reads standard input",
       "Prints one line per problem, 'error: POINTER: MESSAGE' or 'warning: POINTER: MESSAGE', where POINTER is\n"
       "a JSON pointer (RFC 6901) and '(root)' stands for the whole document. A summary goes to standard error.\n"
       "Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error or unreadable FILE.",
       {},
       1,
       1,
       run_validate},
      {"config",
       "",
       "print the configuration the app would use, after every fallback, as JSON",
       "Problems go to standard error as with 'validate'; exit status 1 if there were errors.",
       {kConfigOption},
       0,
       0,
       run_config},
      {"check-content",
       "[ASSETS_DIR]",
       "check the content files (default: the built-in ones)",
       "ASSETS_DIR is a folder like assets/ holding content/ (docs/content-format.md) and, if present, rules/\n"
       "(docs/candidacy.md). Reports every problem as 'error|warning: FILE: POINTER: MESSAGE', including\n"
       "evidence: every treatment, Learn block, concern and rule effect must cite, for each treatment it speaks\n"
       "about, a source that covers it and is stronger than an article, a clinic page or a note. Exit status 1\n"
       "if there are errors.",
       {},
       0,
       1,
       run_check_content},
      {"evidence",
       "[ASSETS_DIR]",
       "print the evidence table: rule, verdict, treatments, source, what the source says",
       "Markdown, as in docs/candidacy.md \"## Evidence\" (regenerate that section with it after the rules\n"
       "change). ASSETS_DIR as for check-content, with rules/. Exit status 1 if the content or rules have errors.",
       {},
       0,
       1,
       run_evidence},
      {"assess",
       "PROFILE",
       "\"am I a candidate?\": every treatment's verdict for a profile, as JSON",
       "PROFILE is a JSON file ('-' reads standard input) in the format of docs/candidacy.md. Prints, for each\n"
       "treatment in content order, a verdict (suitable, suitable_with_precautions, defer, not_recommended), the\n"
       "wait still to go when known, and every reason with its rule, message, question for the clinician and sources.\n"
       "Exit status: 0 assessed, 1 assessed but the --config file has errors (it falls back as 'config' does),\n"
       "2 usage error, unreadable PROFILE, or a malformed profile ('POINTER: MESSAGE' lines on standard error).",
       {kConfigOption, kLangOption},
       1,
       1,
       run_assess},
      {"compare",
       "PROFILE",
       "the clinic's treatments side by side, ranked for a profile, as JSON",
       "PROFILE is as for 'assess'. Prints every enabled treatment, best fit first: sessions, interval, downtime,\n"
       "pain, results, prices and course cost at this clinic, PIH risk for the profile's skin type, the candidacy\n"
       "verdict, and the reasons for its rank (docs/estimates.md). Exit status as for 'assess'.",
       {kConfigOption, kLangOption, kConcernOption},
       1,
       1,
       run_compare},
      {"estimate",
       "PROFILE",
       "sessions, dates, healing, maintenance and costs of one treatment for a profile, as JSON",
       "Low, typical and high figures throughout (docs/estimates.md). Exit status as for 'assess'; a bad option\n"
       "value gives 'POINTER: MESSAGE' lines (/treatment, /start, /package, /addons/N, /severity, ...) and exit 2.",
       {kTreatmentOption, kStartOption, kTodayOption, kConfigOption, kLangOption, kPackageOption, kAddonOption, kSeverityOption,
        kMaintenanceYearsOption, kAreaOption},
       1,
       1,
       run_estimate},
      {"plan",
       "encode PLAN.json | decode|text|html FRAGMENT",
       "share links of plans: encode, decode, or show a plan as text or as a print page",
       "'encode' prints the link fragment for a plan file ('-' reads standard input); 'decode' prints a fragment's\n"
       "plan as JSON; 'text' and 'html' print the plan with its estimate at the clinic (--lang overrides the plan's\n"
       "language). FRAGMENT is the code (p1.….…), 'plan=' and the code, or a whole link from the app\n"
       "(https://…#plan=p1.….…). A refused plan or link gives 'POINTER: MESSAGE (CODE)' and exit 2.",
       {kConfigOption, kLangOption},
       2,
       2,
       run_plan},
  };
  return table;
}

}  // namespace mn::cli
