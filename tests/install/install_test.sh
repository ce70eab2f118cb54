#!/usr/bin/env bash
# Installs the build into a temporary prefix, as a user would, and embeds it from there: the
# layout, the SONAME, headers that need nothing but themselves, the C++ example through
# find_package, the C example through pkg-config and the Python example through ctypes, each
# checked against the installed `advise` command's own answer.
#
#   tests/install/install_test.sh BUILD_DIR SOURCE_DIR
#
# CXX (and CC) choose the compilers; ADVISE_CXX_FLAGS and ADVISE_LINK_FLAGS are the build's own
# flags, passed on so that a sanitizer build links its examples with the same runtime.
set -euo pipefail

build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
cxx=${CXX:-c++}
cc=${CC:-$(echo "$cxx" | sed -e 's/clang++$/clang/' -e 's/g++$/gcc/' -e 's/c++$/cc/')}
flags=${ADVISE_CXX_FLAGS:-}
link_flags=${ADVISE_LINK_FLAGS:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

cmake --install "$build" --prefix "$prefix" >/dev/null

# Where everything belongs under the prefix.
libdir=$(cd "$prefix" && ls -d lib*/ | head -1)
libdir=$prefix/${libdir%/}
for f in bin/advise include/advise/advise.h include/advise/advise.hpp include/advise/version.h \
         share/advise/default.yaml share/advise/examples; do
    [ -e "$prefix/$f" ] || fail "not installed: $f"
done
for f in libadvise.a libadvise.so cmake/advise/adviseConfig.cmake cmake/advise/adviseConfigVersion.cmake \
         pkgconfig/advise.pc; do
    [ -e "$libdir/$f" ] || fail "not installed: ${libdir#"$prefix"/}/$f"
done
[ -d "$prefix/include/advise" ] && [ -z "$(find "$prefix/include" -type f ! -name '*.h' ! -name '*.hpp')" ] ||
    fail "include/ holds files other than headers"
version=$("$prefix/bin/advise" --version)
soname=$(readelf -d "$libdir/libadvise.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
case "$soname" in
    libadvise.so.[0-9]*) [ -e "$libdir/$soname" ] || fail "no file for the SONAME $soname" ;;
    *) fail "libadvise.so has no versioned SONAME: '$soname'" ;;
esac
[ "libadvise.so.${version#advise }" = "$(readlink "$libdir/$soname")" ] ||
    fail "the library file $(readlink "$libdir/$soname") is not of version ${version#advise }"

# Public headers include only each other and the standard library: an app's compile needs
# nothing that advise is built on. One file including every header is compiled as C++ (and one
# including the C header as C), keeping the list of every file it pulled in.
check_headers() {  # compiler language standard headers...
    local compiler=$1 lang=$2 std=$3
    shift 3
    { for h in "$@"; do echo "#include <advise/$(basename "$h")>"; done; echo "int advise_headers_compile;"; } >"$work/headers.$lang"
    "$compiler" -x $lang $std -Wall -Wextra -pedantic -Werror -I"$prefix/include" -c "$work/headers.$lang" \
        -o "$work/headers.o" -MD -MF "$work/headers.d" || { fail "the headers do not compile as $lang"; return; }
    leaked=$(tr ' \\' '\n\n' <"$work/headers.d" | grep -E '/(boost|yaml-cpp|fmt|nlohmann|CLI)/|/linear\.h$' || true)
    [ -z "$leaked" ] || fail "the public headers include $(echo $leaked)"
    grep -q "$prefix/include/advise/" "$work/headers.d" || fail "the headers were not read from the prefix"
}
# (json.hpp and fmt.hpp adapt Advice to nlohmann-json and fmt for apps that use them: they
# include those by design, and are compiled on their own below.)
check_headers "$cxx" c++ -std=c++20 $(ls "$prefix"/include/advise/* | grep -v -e '/json\.hpp$' -e '/fmt\.hpp$')
for adapter in json.hpp fmt.hpp; do
    echo "#include <advise/$adapter>" | "$cxx" -x c++ -std=c++20 -Wall -Wextra -Werror -I"$prefix/include" -fsyntax-only - ||
        fail "advise/$adapter does not compile"
done
check_headers "$cc" c -std=c99 "$prefix"/include/advise/*.h

# The installed command's answer to the situation the examples ask about first.
contact_of() { grep -o '"role": *"[a-z_]*"' | head -1 | sed 's/.*"\([a-z_]*\)"$/\1/'; }
title_of() { grep -o '"title": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }

# C++: find_package(advise) from the prefix.
expected=$("$prefix/bin/advise" --json --topic speech_therapy --type concern --raised-with related_service_provider --unresolved)
cmake -S "$source/examples/cpp" -B "$work/cpp" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$link_flags" >/dev/null
cmake --build "$work/cpp" >/dev/null
out=$("$work/cpp/advise_example") || fail "the C++ example failed"
echo "$out"
grep -qx "$version" <<<"$out" || fail "the C++ example's version is not '$version'"
grep -qxF "Contact: $(echo "$expected" | title_of)" <<<"$out" || fail "the C++ example's contact differs from the CLI's"
# (Not `ldd | grep -q`: grep leaving early makes ldd fail with SIGPIPE, and pipefail with it.)
grep -q "$libdir/$soname" <<<"$(ldd "$work/cpp/advise_example")" || fail "the C++ example does not use the installed shared library"

# C: pkg-config from the prefix, outside the source tree.
expected=$("$prefix/bin/advise" --json --topic accommodation_not_followed --type concern --raised-with general_ed_teacher --unresolved)
cp -r "$source/examples/c" "$work/c"
PKG_CONFIG_PATH="$libdir/pkgconfig" make -s -C "$work/c" CC="$cc" \
    CFLAGS="-std=c99 -Wall -Wextra -pedantic -Werror $flags" LDFLAGS="$link_flags" >/dev/null
out=$(LD_LIBRARY_PATH="$libdir" "$work/c/advise_example") || fail "the C example failed"
echo "$out"
grep -qx "advise ${version#advise }, rule format [0-9]*" <<<"$out" || fail "the C example's version is not '$version'"
[ "$(echo "$out" | grep '^facts:' | contact_of)" = "$(echo "$expected" | contact_of)" ] ||
    fail "the C example's contact differs from the CLI's"
grep -q '^refused: .*lunch_menu' <<<"$out" || fail "the C example's unknown id was not refused"

# Python: ctypes. A sanitizer's runtime cannot be loaded into a Python that was not started
# with it, so a sanitizer build leaves this part to the release build.
case "$flags" in
    *-fsanitize*) echo "the Python example is not run in a sanitizer build" ;;
    *)
        if command -v python3 >/dev/null; then
            expected=$("$prefix/bin/advise" --json --topic speech_therapy --type concern --stakes safety)
            out=$(python3 "$source/examples/python/advise_example.py" "$libdir/libadvise.so") ||
                fail "the Python example failed"
            echo "$out"
            grep -qF "Contact: $(echo "$expected" | title_of) |" <<<"$out" || fail "the Python example's contact differs from the CLI's"
            grep -q "^refused: .*resolved" <<<"$out" || fail "the Python example's bad value was not refused"
        fi ;;
esac

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
