#include "analysis/group_labels.hpp"

#include <map>

namespace cohesion {

GroupLabel group_label(const std::string& column) {
    // Census 2011 table KS201EW categories and the Census 2021 TS021 high-level groups.
    static const std::map<std::string, GroupLabel> labels = {
        {"WhiteBrit", {"White: English/Welsh/Scottish/Northern Irish/British", "White British"}},
        {"Irish", {"White: Irish", "Irish"}},
        {"GypsyTraveller", {"White: Gypsy or Irish Traveller", "Gypsy or Irish Traveller"}},
        {"OtherWhite", {"White: Other White", "Other White"}},
        {"Mixed", {"Mixed/multiple ethnic groups", "Mixed"}},
        {"Indian", {"Asian/Asian British: Indian", "Indian"}},
        {"Pakistani", {"Asian/Asian British: Pakistani", "Pakistani"}},
        {"Bangladeshi", {"Asian/Asian British: Bangladeshi", "Bangladeshi"}},
        {"Chinese", {"Asian/Asian British: Chinese", "Chinese"}},
        {"OtherAsian", {"Asian/Asian British: Other Asian", "Other Asian"}},
        {"BlkAfrican", {"Black/African/Caribbean/Black British: African", "Black African"}},
        {"BlkCaribbean", {"Black/African/Caribbean/Black British: Caribbean", "Black Caribbean"}},
        {"OtherBlk", {"Black/African/Caribbean/Black British: Other Black", "Other Black"}},
        {"Arab", {"Other ethnic group: Arab", "Arab"}},
        {"Other", {"Other ethnic group", "Other"}},
        {"Asian", {"Asian, Asian British or Asian Welsh", "Asian"}},
        {"Black", {"Black, Black British, Black Welsh, Caribbean or African", "Black"}},
        {"White", {"White", "White"}},
    };
    const auto it = labels.find(column);
    return it == labels.end() ? GroupLabel{column, column} : it->second;
}

}  // namespace cohesion
