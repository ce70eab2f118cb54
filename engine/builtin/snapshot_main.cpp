// Build step: loads rules/default.yaml with every check the engine makes, then writes it as a
// C++ source holding its snapshot. A broken default rule set fails the build, not the user.
//   advise_snapshot rules/default.yaml NAME OUTPUT.cpp
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "advise/error.hpp"
#include "graph/build.hpp"
#include "load/load_yaml.hpp"
#include "model/snapshot.hpp"

int main(int argc, char** argv) {
    using namespace advise::detail;
    if (argc != 4) {
        std::cerr << "usage: advise_snapshot RULES.yaml NAME OUTPUT.cpp\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string name = argv[2];
    std::string bytes;
    try {
        Diagnostics diagnostics(name);
        RuleModel loaded = load_yaml(text.str(), diagnostics);
        if (!loaded.readable) diagnostics.throw_if_any();
        load_examples(loaded, std::filesystem::path(argv[1]).parent_path(), diagnostics);
        auto model = std::make_shared<const RuleModel>(std::move(loaded));
        const auto compiled = build(model, diagnostics);
        bytes = save_snapshot(*model, compiled->lexicon, compiled->models);
    } catch (const advise::LoadError& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    std::ofstream out(argv[3], std::ios::binary);
    out << "// Generated from " << name << " at build time; do not edit.\n"
        << "#include \"builtin/default_rules.hpp\"\n\nnamespace advise::detail {\nnamespace {\n"
        << "alignas(" << block_alignment << ") const unsigned char bytes[] = {";
    for (std::size_t i = 0; i < bytes.size(); ++i)
        out << (i % 24 == 0 ? "\n    " : "") << static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << ',';
    out << "\n};\n}  // namespace\n"
        << "const char* const default_rules_name = \"" << name << "\";\n"
        << "const std::string_view default_rules_snapshot(reinterpret_cast<const char*>(bytes), sizeof bytes);\n"
        << "}  // namespace advise::detail\n";
    return out ? 0 : 1;
}
