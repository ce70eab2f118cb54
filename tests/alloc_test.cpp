// Evaluating a structured situation allocates nothing once an Advice has grown to size: counted
// by replacing the global allocation functions for this test program.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "support.hpp"

namespace {
std::atomic<long> allocations{0};
}

void* operator new(std::size_t size) {
    ++allocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
// Every form that can meet the delete above: Catch allocates with the nothrow form, and a
// sanitizer build reports a new it did not see paired with a free.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    ++allocations;
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

TEST_CASE("evaluation allocates nothing after warm-up", "[api][alloc]") {
    const auto& cat = test::rules().catalog();
    std::vector<advise::Situation> situations;
    for (std::size_t i = 0; i < 500; ++i) {
        auto s = test::situation(cat.topics[i % cat.topics.size()].id, cat.message_types[i % cat.message_types.size()].id);
        s.stakes = cat.stakes[(i / 3) % cat.stakes.size()].id;
        s.compliance = i % 7 == 0;
        if (i % 2 == 0) s.raised_with = {cat.roles[(i / 2) % cat.roles.size()].id};
        s.flags = {cat.flags[i % cat.flags.size()].id};
        situations.push_back(std::move(s));
    }
    advise::Advice advice;
    for (const auto& s : situations) test::rules().evaluate(s, advice);  // grow to size
    const long before = allocations.load();
    CHECK(before > 0);  // the counter does count
    for (const auto& s : situations) test::rules().evaluate(s, advice);
    CHECK(allocations.load() - before == 0);
}
