#include "weights/gal_gwt.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"

using namespace cohesion;

namespace {
std::string temp(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("cohesion_gal_" + std::to_string(::getpid()) + "_" + name)).string();
}
}  // namespace

TEST(GalGwt, RoundTripKeepsNeighboursAndWeights) {
    Weights w = weights_from_lists({{1, 2}, {0}, {0}, {}}, {"a", "b", "c", "d"}, "toy");
    w.values = {0.5, 2.0, 1.0, 3.0};
    write_gal(w, temp("t.gal"));
    const Weights g = read_gal(temp("t.gal"), {"d", "c", "b", "a"});  // a different order
    EXPECT_EQ(g.cardinality(3), 2u);                                  // a
    EXPECT_EQ(g.neighbours_of(3)[0], 2u);                             // b is now row 2
    EXPECT_EQ(g.islands(), (std::vector<std::size_t>{0}));            // d
    write_gwt(w, temp("t.gwt"));
    const Weights t = read_weights_file(temp("t.gwt"), {"a", "b", "c", "d"});
    EXPECT_EQ(t.neighbours, w.neighbours);
    EXPECT_EQ(t.values, w.values);
}

TEST(GalGwt, MalformedFilesNameTheLine) {
    std::ofstream(temp("bad.gal")) << "2\na 2\nb\nb 0\n";
    try {
        read_gal(temp("bad.gal"), {"a", "b"});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("bad.gal:3: expected 2 neighbour ids"), std::string::npos) << e.what();
    }
    std::ofstream(temp("bad.gwt")) << "0 2 x id\na b notanumber\n";
    EXPECT_THROW(read_gwt(temp("bad.gwt"), {"a", "b"}), Error);
    EXPECT_THROW(read_weights_file(temp("w.txt"), {"a"}), Error);
    std::ofstream(temp("unknown.gal")) << "1\nzzz 0\n";
    EXPECT_THROW(read_gal(temp("unknown.gal"), {"a"}), Error);
}
