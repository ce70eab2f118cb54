#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz_load, fuzz_condition, fuzz_read, fuzz_stdin) with clang, ASan and
# UBSan, compiling the engine's sources directly: no CMake build and no generated snapshot
# needed (the text target loads rules/default.yaml at start-up).
#
#   tests/fuzz/build.sh [BUILD_DIR]      default: build/fuzz under the project
#
# CXX overrides the compiler (default clang++-14, else clang++).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/fuzz}
cxx=${CXX:-$(command -v clang++-14 || command -v clang++)}
jobs=${JOBS:-$(nproc)}
mkdir -p "$out/obj"

# advise/version.h, as CMake writes it from cmake/version.h.in: the project's version and rule
# format, read from CMakeLists.txt.
version=$(sed -n 's/^project(advise VERSION \([0-9]*\)\.\([0-9]*\)\.\([0-9]*\).*/\1 \2 \3/p' "$root/CMakeLists.txt")
format=$(sed -n 's/^set(ADVISE_RULE_FORMAT \([0-9]*\))/\1/p' "$root/CMakeLists.txt")
read -r major minor patch <<<"$version"
[ -n "$patch" ] && [ -n "$format" ] || { echo "no version or rule format found in $root/CMakeLists.txt" >&2; exit 2; }
mkdir -p "$out/include/advise"
sed -e "s/@PROJECT_VERSION@/$major.$minor.$patch/" -e "s/@PROJECT_VERSION_MAJOR@/$major/" \
    -e "s/@PROJECT_VERSION_MINOR@/$minor/" -e "s/@PROJECT_VERSION_PATCH@/$patch/" \
    -e "s/@ADVISE_RULE_FORMAT@/$format/" "$root/cmake/version.h.in" >"$out/include/advise/version.h.new"
cmp -s "$out/include/advise/version.h.new" "$out/include/advise/version.h" 2>/dev/null ||
    mv "$out/include/advise/version.h.new" "$out/include/advise/version.h"
rm -f "$out/include/advise/version.h.new"

common=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
        -I"$root/include" -I"$out/include" -I"$root/engine" -DADVISE_DEFAULT_RULES="\"$root/rules/default.yaml\"")

# The engine's sources are those of the advise_core library in CMakeLists.txt (the built-in
# rules aside), so this list follows the build when files are added.
mapfile -t sources < <(sed -n '/add_library(advise_core OBJECT/,/)/p' "$root/CMakeLists.txt" | grep -o 'engine/[^ )]*\.cpp')
[ ${#sources[@]} -gt 0 ] || { echo "no engine sources found in $root/CMakeLists.txt" >&2; exit 2; }

# Recompile an object when its source, or any engine or public header, is newer.
newest_header=$(find "$root/engine" "$root/include" -name '*.hpp' -printf '%T@\n' | sort -n | tail -1)
stale() {
    local obj=$1 src=$2
    [ -e "$obj" ] || return 0
    [ "$src" -nt "$obj" ] && return 0
    awk -v h="$newest_header" -v o="$(stat -c %Y "$obj")" 'BEGIN { exit !(h > o) }'
}

compile_list=()
objects=()
for src in "${sources[@]}"; do
    obj="$out/obj/$(echo "$src" | tr '/' '_' | sed 's/\.cpp$/.o/')"
    objects+=("$obj")
    if stale "$obj" "$root/$src"; then compile_list+=("$root/$src:$obj"); fi
done

if [ ${#compile_list[@]} -gt 0 ]; then
    echo "compiling ${#compile_list[@]} engine sources with $cxx ($jobs at a time)"
    printf '%s\n' "${compile_list[@]}" | xargs -P "$jobs" -I{} sh -c '
        src=${1%%:*}; obj=${1#*:}; shift
        "$@" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" || { echo "failed: $src" >&2; exit 255; }
    ' _ {} "$cxx" "${common[@]}"
fi

rm -f "$out/libadvise_fuzz.a"
ar rcs "$out/libadvise_fuzz.a" "${objects[@]}"

for target in fuzz_load fuzz_condition fuzz_read; do
    echo "linking $out/$target"
    "$cxx" "${common[@]}" -fsanitize=fuzzer "$root/tests/fuzz/$target.cpp" "$out/libadvise_fuzz.a" \
        -lyaml-cpp -lfmt -llinear -o "$out/$target"
done
# The CLI's standard-input paths take the CLI's own sources for reading and --batch.
echo "linking $out/fuzz_stdin"
"$cxx" "${common[@]}" -I"$root/cli" -fsanitize=fuzzer "$root/tests/fuzz/fuzz_stdin.cpp" \
    "$root/cli/batch.cpp" "$root/cli/read_input.cpp" "$root/cli/situation_from.cpp" "$out/libadvise_fuzz.a" \
    -lyaml-cpp -lfmt -llinear -o "$out/fuzz_stdin"
