#pragma once
// People's words for the groups: the census category names for the short column names the
// data files use (2011's 14 ethnic groups, 2021's five broad groups), with a short form for
// charts and sentences. Unknown names are shown as given. The identifiers stay in the
// data files; reports and the dashboard show these labels.
#include <string>

namespace cohesion {

struct GroupLabel {
    std::string census;  // "Asian/Asian British: Pakistani"
    std::string short_name;  // "Pakistani"
};

GroupLabel group_label(const std::string& column);

}  // namespace cohesion
