#include "io/ons_census_headings.hpp"

namespace cohesion {

std::map<std::string, std::string> ons_census_headings(const std::string& stem) {
    if (stem == "ts001")  // usual residents by residence type
        return {{"Lives in a household", "household"}, {"Lives in a communal establishment", "communal"}};
    if (stem == "ts004")  // country of birth
        return {{"Europe", "europe"},
                {"Europe: United Kingdom", "uk"},
                {"Europe: EU countries", "eu"},
                {"Europe: EU countries: European Union EU14", "eu14"},
                {"Europe: EU countries: European Union EU8", "eu8"},
                {"Europe: EU countries: European Union EU2", "eu2"},
                {"Europe: EU countries: All other EU countries", "eu_other"},
                {"Europe: Non-EU countries", "europe_non_eu"},
                {"Europe: Non-EU countries: All other non-EU countries", "europe_non_eu_other"},
                {"Africa", "africa"},
                {"Middle East and Asia", "middle_east_asia"},
                {"The Americas and the Caribbean", "americas_caribbean"},
                {"Antarctica and Oceania (including Australasia) and Other", "oceania_other"},
                {"British Overseas", "british_overseas"}};
    if (stem == "ts029") {  // proficiency in English, usual residents aged 3 and over
        const std::string not_english = "Main language is not English (English or Welsh in Wales)";
        return {{"Main language is English (English or Welsh in Wales)", "main_english"},
                {not_english, "main_not_english"},
                {not_english + ": Can speak English very well", "very_well"},
                {not_english + ": Can speak English well", "well"},
                {not_english + ": Cannot speak English well", "not_well"},
                {not_english + ": Cannot speak English", "not_at_all"}};
    }
    if (stem == "ts054")  // tenure of household
        return {{"Owned", "owned"},
                {"Owned: Owns outright", "owned_outright"},
                {"Owned: Owns with a mortgage or loan", "owned_mortgage"},
                {"Shared ownership", "shared_ownership"},
                {"Shared ownership: Shared ownership", "shared_ownership_sub"},
                {"Social rented", "social_rented"},
                {"Social rented: Rents from council or Local Authority", "social_council"},
                {"Social rented: Other social rented", "social_other"},
                {"Private rented", "private_rented"},
                {"Private rented: Private landlord or letting agency", "private_landlord"},
                {"Private rented: Other private rented", "private_other"},
                {"Lives rent free", "rent_free"}};
    return {};
}

}  // namespace cohesion
