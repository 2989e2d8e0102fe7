#include "cli/invocation.hpp"

#include <ctime>

namespace cohesion::cli {

namespace {
std::string& stored() {
    static std::string s;
    return s;
}
}  // namespace

void set_invocation(int argc, char** argv) {
    std::string& s = stored();
    s.clear();
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a.find_first_of(" \"'$") != std::string::npos) a = "'" + a + "'";
        s += (i ? " " : "") + a;
    }
}

const std::string& invocation() { return stored(); }

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace cohesion::cli
