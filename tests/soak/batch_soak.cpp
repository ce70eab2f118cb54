// Soak test of `advise --batch`: a long stream of mixed lines (good, empty, invalid, over-long)
// through the real command. Every input line must get exactly one output line, and memory must
// stay flat: the peak resident size of a run of N lines is compared with one of N/10.
// Prints lines per second and the peak sizes; the time is reported, never asserted.
//
//   batch_soak PATH/TO/advise [LINES]      default 100000 lines
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// The kinds of line a batch meets, in a fixed rotation: most are real questions.
std::string line_for(std::size_t n) {
    static const std::vector<std::string> good = {
        "my son's speech sessions keep getting cancelled",
        "the bus was late again this morning",
        "he didn't get extended time on his math test",
        "I emailed his teacher twice about the homework load and nobody answered",
        "can we schedule the annual review for next week?",
        "she came home with a bruise and says an aide grabbed her arm",
        "the school says they won't evaluate him for an IEP",
        "thank you to the OT, his handwriting is so much better"};
    if (n % 1000 == 999) return std::string(70000, 'a');  // over the 64 KiB line limit
    switch (n % 20) {
        case 5: return "";                                 // empty
        case 11: return "speech\x01therapy";               // a control character
        case 17: return "speech \xC3\x28 therapy";         // invalid UTF-8
        default: return good[n % good.size()];
    }
}

struct Run {
    std::size_t lines_out = 0;
    long peak_kib = 0;
    double seconds = 0;
    int exit_code = -1;
};

// Runs `advise --batch` over `lines` lines written to a file, counting the lines it writes.
Run run(const std::string& advise, std::size_t lines) {
    const std::string input = "batch_soak_input_" + std::to_string(::getpid()) + ".txt";
    {
        std::ofstream out(input, std::ios::binary);
        for (std::size_t n = 0; n < lines; ++n) out << line_for(n) << '\n';
    }
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) std::exit(2);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
        std::FILE* in = std::freopen(input.c_str(), "rb", stdin);
        if (in == nullptr) _exit(127);
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        std::FILE* err = std::freopen("/dev/null", "w", stderr);
        (void)err;
        ::execl(advise.c_str(), advise.c_str(), "--batch", static_cast<char*>(nullptr));
        _exit(127);
    }
    ::close(pipe_fds[1]);
    Run result;
    char buffer[1 << 16];
    for (ssize_t got; (got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        for (ssize_t i = 0; i < got; ++i) result.lines_out += buffer[i] == '\n';
    ::close(pipe_fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peak_kib = usage.ru_maxrss;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::remove(input.c_str());
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: batch_soak PATH/TO/advise [LINES]\n";
        return 2;
    }
    const std::size_t lines = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
    const Run small = run(argv[1], lines / 10);
    const Run full = run(argv[1], lines);
    std::cout << lines << " lines in, " << full.lines_out << " lines out, exit " << full.exit_code << "; "
              << static_cast<long>(static_cast<double>(lines) / full.seconds) << " lines/s (" << full.seconds
              << " s); peak RSS " << full.peak_kib / 1024 << " MiB (" << small.peak_kib / 1024 << " MiB for "
              << lines / 10 << " lines)\n";
    bool ok = true;
    if (full.lines_out != lines || small.lines_out != lines / 10) {
        std::cout << "FAIL: output lines != input lines\n";
        ok = false;
    }
    if (full.exit_code != 3) {  // some lines are meant to fail
        std::cout << "FAIL: exit " << full.exit_code << ", expected 3 (some lines could not be answered)\n";
        ok = false;
    }
    // Flat: ten times the lines may not cost more than a few MiB more (allocator slack).
    if (full.peak_kib > small.peak_kib + 16 * 1024) {
        std::cout << "FAIL: memory grows with the number of lines\n";
        ok = false;
    }
    return ok ? 0 : 1;
}
