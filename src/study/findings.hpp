#pragma once
// The findings of a study in sentences, with numbers, the way a council officer reads
// them (the report's first page and the dashboard's findings panel): who lives most apart
// and how sure we are, and how much of it chance explains; where the focal group's
// enclaves are and how many of its people live in them; whether segregation rose or fell
// between the censuses and why (the Shapley parts in words); how many people need English
// classes, where integration hubs would go and whom they reach, and which private-renting
// zones a licensing scheme could cover. Built from typed results; every sentence names the
// section behind it.
#include <string>
#include <vector>

#include "analysis/town_profile.hpp"
#include "output/people_text.hpp"
#include "output/result_table.hpp"
#include "study/study.hpp"

namespace cohesion {

struct Finding {
    std::string heading;   // "Who lives most apart"
    std::string text;      // sentences, plain words, numbers with units
    std::string section;   // title of the report section with the table or map behind it
    // What the sentence is about, a stable key the dashboard links to its view: ranking,
    // all_groups, enclaves, change, english, hubs, licensing.
    std::string topic;
    std::string group;     // the group the sentence names first (the view's group), or ""
    std::string note = {};  // where a number from outside the study came from (e.g. England & Wales), or ""
};

// `profile` is the study's town profile (the report's); change and targeting findings
// come from the study's inputs when it has them.
std::vector<Finding> study_findings(const Study& study, const TownProfile& profile);

// The same findings on the study's own town profile (study/study_profile.hpp): what
// `cohesion findings PROJECT` prints and /api/findings serves — the sentences of the
// report that `cohesion run` writes for that project.
std::vector<Finding> study_findings(const Study& study);

// The findings as a table for output (columns topic, group_name, heading, text, section).
ResultTable findings_table(const std::vector<Finding>& findings, const std::string& town);


}  // namespace cohesion
