// Advice with {fmt}: fmt::format("{}", advice) gives the short answer, as advise::to_text does.
// Include it only where fmt is at hand.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "advise/render.hpp"

template <>
struct fmt::formatter<advise::Advice> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const advise::Advice& advice, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(advise::to_text(advice), ctx);
    }
};
