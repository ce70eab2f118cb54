// advise --completion bash: a completion script; ids come from the rule set at completion time.
#include <iostream>

#include "commands.hpp"

namespace advise::cli {

namespace {
constexpr const char* bash_script = R"bash(# bash completion for advise: eval "$(advise --completion bash)"
_advise() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" kind=""
    case "$prev" in
        --topic) kind=topics ;;
        --type) kind=types ;;
        --stakes) kind=stakes ;;
        --raised-with) kind=roles ;;
        --flag) kind=flags ;;
        --list) COMPREPLY=($(compgen -W "roles channels topics types stakes flags" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "text json dot" -- "$cur")); return ;;
        --completion) COMPREPLY=($(compgen -W "bash" -- "$cur")); return ;;
        --rules) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [ -n "$kind" ]; then
        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" --list "$kind" 2>/dev/null | cut -d' ' -f1)" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "--topic --type --stakes --compliance --raised-with --resolved --unresolved --attempts --flag --rules --json --format --batch --list --completion --help --version" -- "$cur"))
}
complete -F _advise advise
)bash";
}  // namespace

int completion(const std::string& shell) {
    if (shell != "bash") {
        std::cerr << "advise: completion is available for bash, not '" << shell << "'\n";
        return exit_bad_input;
    }
    std::cout << bash_script;
    return exit_advice;
}

}  // namespace advise::cli
