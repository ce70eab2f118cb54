#pragma once

namespace advise {
inline constexpr const char* version = "0.1.0";
}
