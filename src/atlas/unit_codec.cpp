#include "atlas/unit_codec.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace cohesion {

namespace {

using nlohmann::json;

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double num(const json& j) { return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>(); }

json nums(const std::vector<double>& v) {
    json a = json::array();
    for (double x : v) a.push_back(num(x));
    return a;
}
std::vector<double> nums(const json& a) {
    std::vector<double> v;
    v.reserve(a.size());
    for (const auto& x : a) v.push_back(num(x));
    return v;
}

}  // namespace

std::string encode_unit(const AtlasUnit& u) {
    json j;
    j["name"] = u.name;
    j["region"] = u.region;
    j["seed"] = u.seed;
    j["areas"] = u.areas;
    j["people"] = u.people;
    j["groups"] = u.groups;
    j["group_people"] = nums(u.group_people);
    j["values"] = json::array();
    for (const auto& v : u.values) {
        const BootstrapSummary& s = v.value;
        json x{{"index", v.index},
               {"group", v.group},
               {"method", to_string(s.method)},
               {"summary", json::array({num(s.confidence), num(s.raw_value), num(s.estimate), num(s.standard_error),
                                        num(s.ci_lower), num(s.ci_upper), num(s.bias), num(s.replicate_mean)})},
               {"replicates", s.replicates},
               {"undefined", s.undefined},
               {"rank_replicates", nums(v.rank_replicates)}};
        if (v.chance) x["chance"] = json::array({num(v.chance->expected), num(v.chance->excess), num(v.chance->p_value)});
        j["values"].push_back(std::move(x));
    }
    j["hierarchy"] = json::array();
    for (const auto& p : u.hierarchy) j["hierarchy"].push_back(json::array({p.part, num(p.M), num(p.H)}));
    return j.dump();
}

AtlasUnit decode_unit(const std::string& bytes) {
    try {
        const json j = json::parse(bytes);
        AtlasUnit u;
        u.name = j.at("name").get<std::string>();
        u.region = j.at("region").get<std::string>();
        u.seed = j.at("seed").get<std::uint64_t>();
        u.areas = j.at("areas").get<std::size_t>();
        u.people = num(j.at("people"));
        u.groups = j.at("groups").get<std::vector<std::string>>();
        u.group_people = nums(j.at("group_people"));
        for (const auto& x : j.at("values")) {
            AtlasValue v;
            v.index = x.at("index").get<std::string>();
            v.group = x.at("group").get<std::string>();
            BootstrapSummary& s = v.value;
            s.method = parse_interval_method(x.at("method").get<std::string>());
            const auto& m = x.at("summary");
            s.confidence = num(m.at(0));
            s.raw_value = num(m.at(1));
            s.estimate = num(m.at(2));
            s.standard_error = num(m.at(3));
            s.ci_lower = num(m.at(4));
            s.ci_upper = num(m.at(5));
            s.bias = num(m.at(6));
            s.replicate_mean = num(m.at(7));
            s.replicates = x.at("replicates").get<std::size_t>();
            s.undefined = x.at("undefined").get<std::size_t>();
            v.rank_replicates = nums(x.at("rank_replicates"));
            if (x.contains("chance"))
                v.chance = ChanceSummary{num(x["chance"].at(0)), num(x["chance"].at(1)), num(x["chance"].at(2))};
            u.values.push_back(std::move(v));
        }
        for (const auto& p : j.at("hierarchy")) u.hierarchy.push_back({p.at(0).get<std::string>(), num(p.at(1)), num(p.at(2))});
        return u;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("atlas: a work unit's result could not be read (") + e.what() + ")");
    }
}

}  // namespace cohesion
