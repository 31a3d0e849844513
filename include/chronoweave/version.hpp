#pragma once
// The one place the version is written; CMake and pyproject.toml read it from here.
#define CHRONOWEAVE_VERSION_MAJOR 0
#define CHRONOWEAVE_VERSION_MINOR 1
#define CHRONOWEAVE_VERSION_PATCH 0
#define CHRONOWEAVE_VERSION_STRING "0.1.0"

namespace chronoweave {
inline constexpr const char* version = CHRONOWEAVE_VERSION_STRING;
}
