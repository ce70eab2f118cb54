// The id table: every id found at its index, absent ones not, and no slowdown when many ids
// look alike to the quick hash (it then hashes every byte).
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "model/id_table.hpp"

using advise::detail::IdTable;

namespace {

// Ids of `length` bytes that differ only in bytes 8..15, which the quick hash does not read
// for ids of 40 bytes.
std::string lookalike(int i) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%08d", i);
    return std::string(8, 'a') + digits + std::string(24, 'b');
}

}  // namespace

TEST_CASE("ids of every length are found at their index", "[id_table]") {
    IdTable table;
    std::vector<std::string> ids = {"", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi"};
    for (int i = 0; i < 200; ++i) ids.push_back("topic_" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 30), 'x'));
    for (const auto& id : ids) CHECK(table.add(id));
    for (const auto& id : ids) CHECK_FALSE(table.add(id));  // repeated
    REQUIRE(table.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(table.find(ids[i]) == static_cast<std::int32_t>(i));
        CHECK(table[static_cast<std::int32_t>(i)] == ids[i]);
    }
    CHECK(table.find("abcdef") == IdTable::none);
    CHECK(table.find("topic_1xx") == IdTable::none);  // "topic_1x" is there
    CHECK(table.find("abcdefghij") == IdTable::none);
}

TEST_CASE("ids alike to the quick hash are still told apart, in linear time", "[id_table][hostile]") {
    IdTable table;
    constexpr int count = 20000;
    for (int i = 0; i < count; ++i) REQUIRE(table.add(lookalike(i)));
    for (int i = 0; i < count; i += 7) CHECK(table.find(lookalike(i)) == i);
    CHECK(table.find(lookalike(count)) == IdTable::none);
    CHECK_FALSE(table.add(lookalike(count / 2)));
}
