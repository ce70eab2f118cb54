// libFuzzer target: the CLI's standard-input paths, with the default rules (default_rules.hpp).
// The input is what `advise` reads on standard input: as one text (it is
// answered or refused with InputError, having read at most 64 KiB + 1 byte), and as a --batch
// stream (every input line gets exactly one numbered output line, whatever the line holds).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "advise/advise.hpp"
#include "default_rules.hpp"
#include "commands.hpp"
#include "read_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(bytes);
        try {
            const auto reading = fuzz::rules().read(advise::cli::read_text(in));
            if (fuzz::rules().evaluate(reading).reasons.empty()) __builtin_trap();
        } catch (const advise::InputError&) {
        }
    }
    std::istringstream in(bytes);
    std::ostringstream out, err;
    (void)advise::cli::batch(fuzz::rules(), {}, in, out, err);
    std::size_t lines_in = 0, lines_out = 0;
    for (char c : bytes) lines_in += c == '\n';
    if (!bytes.empty() && bytes.back() != '\n') ++lines_in;  // a last line without its line break
    const std::string answers = out.str();
    for (std::size_t at = 0, number = 1; at < answers.size(); ++number) {
        const auto end = answers.find('\n', at);
        if (end == std::string::npos) __builtin_trap();  // every answer ends its line
        // Numbered in order: {"line":N,...}
        if (answers.compare(at, 8, "{\"line\":") != 0 ||
            answers.compare(at + 8, std::to_string(number).size() + 1, std::to_string(number) + ",") != 0)
            __builtin_trap();
        ++lines_out;
        at = end + 1;
    }
    if (lines_out != lines_in) __builtin_trap();
    return 0;
}
