// Runs a fuzz target over saved inputs without libFuzzer, so that the ordinary test build
// (any compiler, with or without sanitizers) replays every input a fuzzer once failed on.
//
//   fuzz_replay_<target> PATH...          each PATH a file, or a folder of files
//   fuzz_replay_<target> --lines FILE     each line of FILE one input ('#' lines skipped)
//
// Exit status: 0 when every input ran, 2 when a path cannot be read. A finding crashes or
// traps, as it does under libFuzzer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

void run(const std::string& what, const std::string& bytes) {
    std::cout << "replaying " << what << " (" << bytes.size() << " bytes)" << std::endl;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

bool replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    run(file.string(), std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
    return true;
}

// Returns the number of lines replayed, or -1 when the file cannot be read.
long replay_lines(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return -1;
    long count = 0, number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line.front() == '#') continue;
        run(file.string() + ":" + std::to_string(number), line);
        ++count;
    }
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--lines" && i + 1 < argc) {
            const long lines = replay_lines(argv[++i]);
            if (lines < 0) {
                std::cerr << "fuzz_replay: cannot read " << argv[i] << "\n";
                return 2;
            }
            replayed += static_cast<std::size_t>(lines);
            continue;
        }
        const std::filesystem::path path = argv[i];
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(path)) {
            for (const auto& entry : std::filesystem::directory_iterator(path))
                // Dot files keep an empty folder in git; they are not inputs.
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    files.push_back(entry.path());
        } else {
            files.push_back(path);
        }
        for (const auto& file : files) {
            if (!replay(file)) {
                std::cerr << "fuzz_replay: cannot read " << file.string() << "\n";
                return 2;
            }
            ++replayed;
        }
    }
    std::cout << replayed << " inputs replayed\n";
    return 0;
}
