# Writes a C++ file holding the text of INPUT as a string constant: cmake -DINPUT=.. -DOUTPUT=.. -DNAME=.. -P embed.cmake
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
# One byte per "\xNN" escape; split into short literals so no line grows huge.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${content}")
string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){32})" "\\1\"\n    \"" escaped "${escaped}")
file(WRITE "${OUTPUT}" "// Generated from ${NAME} at build time; do not edit.\n#include \"builtin/default_rules.hpp\"\n\nnamespace advise::detail {\nconst char* const default_rules_name = \"${NAME}\";\nconst char* const default_rules_yaml =\n    \"${escaped}\";\n}  // namespace advise::detail\n")
