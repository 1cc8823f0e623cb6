// plan_text and plan_html (core/plan.hpp): one list of sections, rendered as plain text or as an HTML page.
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/estimate_json.hpp"
#include "core/plan.hpp"
#include "core/string_table.hpp"

namespace mn {
namespace {

struct Line {
  std::string label, value;
};

struct Section {
  std::string title;
  std::vector<Line> lines;
};

struct Page {
  std::string title, subtitle;
  std::vector<Section> sections;
  std::vector<std::string> notes;
};

// Everything a page needs to put the plan's figures into words.
class Writer {
 public:
  Writer(const Plan& plan, const Estimate& e, const ClinicConfig& clinic, const Content& content)
      : plan_(plan), e_(e), clinic_(clinic), content_(content), lang_(plan.lang),
        money_(e.price.currency, clinic.locale) {}

  Page page() const {
    Page p;
    p.title = s("title");
    p.subtitle = s("subtitle", {{"clinic", clinic_.clinic.name}});
    // A treatment the clinic has switched off (a link made elsewhere, or before it was switched off): said so
    // plainly, with no price (the clinic has none for it) and no booking for it.
    if (!e_.offered) {
      p.sections = {treatment(), schedule(), maintenance(), not_offered(), contact()};
      p.notes.push_back(s("note.estimate"));
      return p;
    }
    p.sections = {treatment(), schedule(), maintenance(), costs(), contact()};
    if (e_.price.unit != PriceUnit::session)
      p.notes.push_back(StringTable::compare().get(lang_, "estimate.unit_note." + std::string(price_unit_name(e_.price.unit))));
    if (!e_.price.from_clinic) p.notes.push_back(s("note.published_price"));
    p.notes.push_back(s("note.estimate"));
    return p;
  }

 private:
  std::string s(std::string_view key, const std::vector<Placeholder>& values = {}) const {
    return StringTable::plan().get(lang_, key, values);
  }
  std::string c(std::string_view key) const { return StringTable::compare().get(lang_, key); }
  std::string tax_name() const {
    return clinic_.tax && !clinic_.tax->name.empty() ? clinic_.tax->name.get(lang_) : c("estimate.tax_name");
  }
  std::string date(const Date& d) const { return format_date(d, lang_, clinic_.locale); }
  std::string counts(const Counts& n, std::string_view key) const {
    if (n[Level::low] == n[Level::high]) return s(std::string(key) + ".fixed", {{"count", std::to_string(n[Level::low])}});
    return s(key, {{"low", std::to_string(n[Level::low])},
                   {"typical", std::to_string(n[Level::typical])},
                   {"high", std::to_string(n[Level::high])}});
  }
  std::string amounts(const Amounts& a) const {
    const std::string range = money_.range(a[Level::low], a[Level::high]);
    const std::string typical = money_(a[Level::typical]);
    return range == typical ? range : s("money_range", {{"range", range}, {"typical", typical}});
  }

  Section treatment() const {
    std::string concerns;
    for (const ConcernAnswer& a : plan_.concerns) {
      const Concern* concern = content_.concern(lang_, a.id);
      concerns += (concerns.empty() ? "" : ", ") +
                  s("concern_item", {{"concern", concern ? concern->name : a.id},
                                     {"severity", c("severity." + std::to_string(a.severity))}});
    }
    return {s("section.treatment"),
            {{s("label.treatment"), treatment_display_name(content_, lang_, e_.treatment->id)},
             {s("label.concerns"), concerns.empty() ? s("concerns_none") : concerns},
             {s("label.start"), date(e_.options.start)}}};
  }

  Section schedule() const {
    Section out{s("section.schedule"), {{s("label.sessions"), counts(e_.course.sessions, "sessions_value")}}};
    out.lines.push_back({s("label.interval"), e_.interval_days ? counts(*e_.interval_days, "interval_value")
                                                               : s("interval_none")});
    for (const Visit& v : e_.visits)
      out.lines.push_back({s("label.visit", {{"number", std::to_string(v.number)}}),
                           s(v.beyond_typical ? "visit_if_needed" : "visit_value", {{"date", date(v.date)}})});
    std::string phases;
    for (const Phase& p : e_.treatment->phases)
      phases += (phases.empty() ? "" : ", ") + s("phase_item", {{"phase", c("phase." + p.key)},
                                                                {"from", std::to_string(p.from_day)},
                                                                {"to", std::to_string(p.to_day)}});
    if (!phases.empty()) out.lines.push_back({s("label.after_each"), phases});
    for (const DatedMilestone& m : e_.milestones)
      out.lines.push_back({c("milestone." + m.milestone->key), s("from_date", {{"date", date(m.date)}})});
    if (e_.results_last_until)
      out.lines.push_back({s("label.results_last"), s("date_range", {{"from", date((*e_.results_last_until)[0])},
                                                                     {"to", date((*e_.results_last_until)[1])}})});
    return out;
  }

  Section maintenance() const {
    Section out{s("section.maintenance"), {}};
    if (!e_.maintenance_months) {
      out.lines.push_back({s("label.maintenance_every"), s("maintenance_none")});
      return out;
    }
    const Counts& m = *e_.maintenance_months;
    out.lines.push_back({s("label.maintenance_every"),
                         s("months_range", {{"low", std::to_string(m[Level::high])}, {"high", std::to_string(m[Level::low])}})});
    std::string dates;
    for (const Date& d : e_.maintenance_dates) dates += (dates.empty() ? "" : ", ") + date(d);
    out.lines.push_back({s("label.maintenance_dates"), dates.empty() ? s("maintenance_no_dates") : dates});
    return out;
  }

  Section costs() const {
    Section out{s("section.costs", {{"clinic", clinic_.clinic.name}}), {}};
    if (!e_.price.areas.empty()) {
      std::string names;
      for (const AreaCost& a : e_.price.areas) names += (names.empty() ? "" : ", ") + c("estimate.area." + a.id);
      out.lines.push_back({s("label.areas"), names});
    }
    out.lines.push_back({s("label.per_session"), amounts(e_.price.per_session)});
    Amounts course, saving;
    for (Level l : kLevels) {
      course[l] = e_.lines.front().amount[l];
      saving[l] = e_.course_cost[l].saving();
    }
    out.lines.push_back({s("label.course"), amounts(course)});
    if (const auto& m = e_.membership[Level::typical])
      out.lines.push_back({s("label.membership"), m->membership->name.get(lang_)});
    const Purchase& typical = e_.course_cost[Level::typical];
    for (const PackageUse& use : typical.packages) {
      const std::string name = package_name(*use.package, lang_, clinic_, content_);
      out.lines.push_back({s("label.package"), use.count == 1 ? name : s("package_value", {{"name", name},
                                                                                          {"count", std::to_string(use.count)}})});
    }
    if (saving[Level::high] > 0) out.lines.push_back({s("label.saving"), amounts(saving)});
    for (const AddOnCost& a : e_.addons) out.lines.push_back({a.addon->name.get(lang_), amounts(a.course)});
    for (const CostLine& line : e_.lines) {
      if (line.kind == LineKind::course || line.kind == LineKind::addons) continue;
      std::string label = c("estimate.line." + std::string(line_name(line.kind)));
      if (line.kind == LineKind::tax)
        label = StringTable::compare().get(lang_, "estimate.line.tax",
                                           {{"tax", tax_name()}, {"rate", format_percent(clinic_.tax->rate_percent, money_.locale())}});
      out.lines.push_back({label, amounts(line.amount)});
    }
    if (e_.lines.size() > 1) out.lines.push_back({s("label.course_total"), amounts(e_.course_total)});
    if (e_.tax_included[Level::high] > 0)
      out.lines.push_back({s("label.tax_included", {{"tax", tax_name()}}), amounts(e_.tax_included)});
    if (e_.maintenance_months) out.lines.push_back({s("label.maintenance_per_year"), amounts(e_.maintenance_per_year)});
    out.lines.push_back({s("label.first_year"), amounts(e_.first_year)});
    if (const int years = e_.options.maintenance_years; years > 1)  // one year: the first year's figure
      out.lines.push_back({s("label.total", {{"years", std::to_string(years)}}), amounts(e_.total)});
    for (const FinancingTerm& t : e_.payments) {
      // Levels below the clinic's minimum have no payment: the range covers those that can be financed.
      std::vector<double> monthly;
      for (Level l : kLevels)
        if (t.monthly[l]) monthly.push_back(*t.monthly[l]);
      const std::string label = t.promotion ? s("label.financing_promotion", {{"months", std::to_string(t.months)},
                                                                              {"apr", format_percent(t.apr_percent, money_.locale())}})
                                            : s("label.financing", {{"months", std::to_string(t.months)}});
      if (monthly.empty())
        out.lines.push_back({label, s("financing_below", {{"amount", money_(e_.financing->min_amount)}})});
      else
        out.lines.push_back(
            {label, s("financing_value", {{"range", money_.range(monthly.front(), monthly.back(), MoneyPrecision::exact)}})});
    }
    return out;
  }

  Section not_offered() const {
    return {s("section.not_offered"),
            {{s("label.availability"), s("not_offered", {{"treatment", treatment_display_name(content_, lang_, e_.treatment->id)},
                                                        {"clinic", clinic_.clinic.name}})}}};
  }

  Section contact() const {
    Section out{s("section.contact"), {{s("label.clinic"), clinic_.clinic.name}}};
    const std::pair<const char*, const std::string*> details[] = {{"label.phone", &clinic_.clinic.phone},
                                                                  {"label.email", &clinic_.clinic.email},
                                                                  {"label.address", &clinic_.clinic.address},
                                                                  {"label.booking", &clinic_.clinic.booking_url}};
    for (const auto& [key, value] : details)
      if (!value->empty() && (e_.offered || value != &clinic_.clinic.booking_url)) out.lines.push_back({s(key), *value});
    return out;
  }

  const Plan& plan_;
  const Estimate& e_;
  const ClinicConfig& clinic_;
  const Content& content_;
  Lang lang_;
  MoneyFormat money_;
};

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace

std::string plan_text(const Plan& plan, const Estimate& estimate, const ClinicConfig& clinic, const Content& content) {
  const Page page = Writer(plan, estimate, clinic, content).page();
  std::string out = page.title + "\n" + page.subtitle + "\n";
  for (const Section& section : page.sections) {
    out += "\n" + section.title + "\n";
    for (const Line& line : section.lines) out += "  " + line.label + ": " + line.value + "\n";
  }
  out += "\n";
  for (const std::string& note : page.notes) out += note + "\n";
  return out;
}

std::string plan_html(const Plan& plan, const Estimate& estimate, const ClinicConfig& clinic, const Content& content) {
  const Page page = Writer(plan, estimate, clinic, content).page();
  const std::string primary = to_hex(clinic.brand.primary);  // "#RRGGBB": nothing to escape
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(plan.lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    escape_html(page.title) + " – " + escape_html(clinic.clinic.name) +
                    "</title>\n<style>\n"
                    "body{font-family:system-ui,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:42rem;padding:0 1rem;"
                    "line-height:1.45}\n"
                    "h1,h2{color:" + primary + "}\nh1{margin-bottom:0}\n.subtitle{margin-top:.25rem;color:#444}\n"
                    "h2{font-size:1.1rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.5rem}\n"
                    "table{border-collapse:collapse;width:100%}\n"
                    "th{text-align:left;font-weight:600;padding:.2rem 1rem .2rem 0;vertical-align:top;width:40%}\n"
                    "td{padding:.2rem 0}\n.notes{margin-top:1.5rem;font-size:.9rem;color:#444}\n"
                    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}\n"
                    "</style>\n</head>\n<body>\n<main>\n<h1>" +
                    escape_html(page.title) + "</h1>\n<p class=\"subtitle\">" + escape_html(page.subtitle) + "</p>\n";
  for (const Section& section : page.sections) {
    out += "<section>\n<h2>" + escape_html(section.title) + "</h2>\n<table>\n";
    for (const Line& line : section.lines)
      out += "<tr><th scope=\"row\">" + escape_html(line.label) + "</th><td>" + escape_html(line.value) + "</td></tr>\n";
    out += "</table>\n</section>\n";
  }
  out += "<div class=\"notes\">\n";
  for (const std::string& note : page.notes) out += "<p>" + escape_html(note) + "</p>\n";
  out += "</div>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace mn
