#include "load/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "advise/error.hpp"

namespace advise::detail {
namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
    throw LoadError({{path, 0, 0, "", "cannot read the file: " + why}});
}

std::string why_open_failed(int error) {
    switch (error) {
        case ENOENT: return "there is no such file";
        case EACCES: return "permission denied";
        case ELOOP: return "too many symbolic links (a link loop?)";
        case ENOTDIR: return "a part of the path is not a folder";
        case ENAMETOOLONG: return "the path is too long";
        default: return std::strerror(error);
    }
}

// Closes the descriptor however the read ends.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_rule_file(const std::string& path) {
    constexpr std::size_t limit = max_rule_file_bytes;
    // O_NONBLOCK: opening a pipe with no writer returns at once instead of waiting for one.
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) refuse(path, why_open_failed(errno));
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) refuse(path, std::strerror(errno));
    if (S_ISDIR(info.st_mode)) refuse(path, "it is a folder");
    if (!S_ISREG(info.st_mode)) refuse(path, "it is not a regular file (a device, a pipe or a socket)");
    const auto too_big = [&](const std::string& size) {
        refuse(path, "it is " + size + "; a rule file is at most " + std::to_string(max_rule_file_bytes >> 20) + " MiB");
    };
    if (static_cast<std::size_t>(info.st_size) > limit) too_big(std::to_string(info.st_size) + " bytes");

    std::string text(static_cast<std::size_t>(info.st_size) + 1, '\0');
    std::size_t have = 0;
    while (true) {
        if (have == text.size()) {
            if (have > limit) too_big("more than " + std::to_string(limit) + " bytes");
            text.resize(std::min(limit + 1, have * 2 + 4096));
        }
        const ssize_t got = ::read(file.fd, text.data() + have, text.size() - have);
        if (got < 0) {
            if (errno == EINTR) continue;
            refuse(path, std::strerror(errno));
        }
        if (got == 0) break;
        have += static_cast<std::size_t>(got);
    }
    if (have > limit) too_big("more than " + std::to_string(limit) + " bytes");
    text.resize(have);
    return text;
}

}  // namespace advise::detail
