#pragma once
// England & Wales 2021 reference shares the targeting screens compare a town with,
// computed from the shared data's ew2021_oa tables (sums over all 188,880 OAs):
// households privately rented (TS054) 5,023,237 / 24,782,883; residents born in an
// EU8 or EU2 accession country (TS004) 1,914,883 / 59,597,465; residents aged 3+ who
// cannot speak English well or at all (TS029) 1,040,506 / 57,704,938.
namespace cohesion::national2021 {

constexpr double private_rented_share = 0.202690;
constexpr double accession_born_share = 0.032130;
constexpr double low_english_share = 0.018031;

}  // namespace cohesion::national2021
