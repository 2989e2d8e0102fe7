#pragma once
// A real `cohesion serve` process on a free port for the server tests, serving the bundled
// Bedford table and polygons as dataset "bedford" plus whatever `extra` adds (--project,
// --census ...); stopped with SIGTERM when the object goes.
#include <httplib.h>
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "cli/run_cli.hpp"

namespace cohesion::test {

class Server {
public:
    explicit Server(const std::string& extra = "", int port_offset = 0) {
        port_ = 20000 + static_cast<int>((::getpid() + port_offset) % 20000);
        const auto dir = scratch_dir();
        const std::string data = COHESION_EXAMPLE_DATA;
        const std::string command = std::string(COHESION_CLI) + " serve --port " + std::to_string(port_) +
                                    " --dataset bedford=" + data + "/bedford/oa2011_ethnicity.csv@" + data +
                                    "/bedford/oa2011.geojson " + extra + " >" + (dir / "serve.log").string() +
                                    " 2>&1 & echo $! >" + (dir / "serve.pid").string();
        std::system(command.c_str());
        pid_ = std::stoi(slurp(dir / "serve.pid"));
        httplib::Client c("127.0.0.1", port_);
        for (int i = 0; i < 200; ++i) {
            if (auto r = c.Get("/api/health"); r && r->status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "server did not start: " << slurp(dir / "serve.log");
    }
    ~Server() {
        ::kill(pid_, SIGTERM);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }
    int port() const { return port_; }

private:
    int port_ = 0, pid_ = 0;
};

}  // namespace cohesion::test
