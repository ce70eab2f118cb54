#!/usr/bin/env bash
# Builds the project and its tests with sanitizers in a build directory of their own, and runs
# the tests.
#
#   tests/sanitize.sh            ASan + UBSan, then every test (ctest)
#   tests/sanitize.sh --thread   TSan, then the thread tests (advise_thread_tests "[threads]")
#
# BUILD_DIR overrides the build directory (default build/asan or build/tsan under the
# project); CXX the compiler (default g++); JOBS the parallel jobs (default: the cores).
# Any sanitizer report fails the run: reports halt the program, and the exit status is the
# tests' own.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
mode=address
case "${1:-}" in
    "") ;;
    --thread) mode=thread ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--thread]" >&2; exit 2 ;;
esac
jobs=${JOBS:-$(nproc)}
export CXX=${CXX:-g++}

if [ "$mode" = address ]; then
    build=${BUILD_DIR:-$root/build/asan}
    # -O1 keeps the tests quick enough; frame pointers keep the stacks in reports whole.
    # Without -fno-sanitize-recover, UBSan would only print and the test would still pass.
    flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
else
    build=${BUILD_DIR:-$root/build/tsan}
    flags="-O1 -g -fno-omit-frame-pointer -fsanitize=thread"
fi

# A Debug build keeps assertions; the flags above set the optimisation. The benchmarks are
# left out (Google Benchmark is not built with the sanitizers).
# Tests run several times slower under a sanitizer: their time limit is raised to match.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DADVISE_BENCH=OFF -DADVISE_TESTS=ON \
    -DADVISE_TEST_TIMEOUT=900 -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="${flags#-O1 -g }" >/dev/null
if [ "$mode" = address ]; then
    cmake --build "$build" -j "$jobs"
else
    cmake --build "$build" -j "$jobs" --target advise_thread_tests
fi

if [ "$mode" = address ]; then
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:abort_on_error=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    # The soak test measures the command's own memory: under a sanitizer it would measure the
    # sanitizer's. It runs in the ordinary build.
    ctest --test-dir "$build" --output-on-failure -j "$jobs" -LE soak
else
    export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
    "$build/tests/advise_thread_tests" "[threads]"
fi
