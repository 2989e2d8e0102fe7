#pragma once
// The message of the cohesion::Error a callable throws; fails the test when it throws none.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"

template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const cohesion::Error& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected cohesion::Error";
    return {};
}
