// advise --completion bash: a completion script; ids come from the rule set at completion time.
#include <iostream>

#include "commands.hpp"

namespace advise::cli {

namespace {
constexpr const char* bash_script = R"bash(# bash completion for advise: eval "$(advise --completion bash)", or installed under
# share/bash-completion/completions/advise
_advise_files() {
    # File names; a folder gets no space after it, so its files can follow.
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$1"))
    compopt -o filenames 2>/dev/null
    if [ "${#COMPREPLY[@]}" -eq 1 ] && [ -d "${COMPREPLY[0]}" ]; then
        COMPREPLY=("${COMPREPLY[0]%/}/")
        compopt -o nospace 2>/dev/null
    fi
}
_advise() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" kind="" command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in check|diff|graph|test|train) command="${COMP_WORDS[i]}"; break ;; esac
    done
    case "$prev" in
        --topic) kind=topics ;;
        --type) kind=types ;;
        --stakes) kind=stakes ;;
        --raised-with) kind=roles ;;
        --flag) kind=flags ;;
        --list) COMPREPLY=($(compgen -W "roles channels topics types stakes flags" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "text json dot" -- "$cur")); return ;;
        --completion) COMPREPLY=($(compgen -W "bash" -- "$cur")); return ;;
        --rules) _advise_files "$cur"; return ;;
        --bank|--grade|--out) _advise_files "$cur"; return ;;
        --school|--attempts|--min|--count|--seed|--generate|--handout) return ;;
    esac
    if [ -n "$kind" ]; then
        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" --list "$kind" 2>/dev/null | cut -d' ' -f1)" -- "$cur"))
        return
    fi
    case "$command" in
        check) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--rules --json --help" -- "$cur")) || _advise_files "$cur" ;;
        diff) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--json --help" -- "$cur")) || _advise_files "$cur" ;;
        graph) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--ladder --rules --help" -- "$cur")) || _advise_files "$cur" ;;
        test) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--min --quiet --from-facts --rules --help" -- "$cur")) || _advise_files "$cur" ;;
        train) COMPREPLY=($(compgen -W "--count --difficulty --topic --seed --bank --grade --json --generate --handout --out --summary --rules --help" -- "$cur")) ;;
        *)
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--topic --type --stakes --compliance --raised-with --resolved --unresolved --attempts --flag --school --why --no-input --rules --json --format --batch --list --completion --help --version" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "check diff graph test train" -- "$cur"))
            fi
            ;;
    esac
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
