# What the CLI test scripts share: check() counts a condition and reports it when it fails;
# report_checks() ends the script, failing it when any check failed.
set(failures 0)
set(checks 0)

# check("what is checked" <if() condition...>); with `check_shows_output` set, a failure also
# prints the last command's `out` and `err`.
macro(check message)
  math(EXPR checks "${checks} + 1")
  if(NOT (${ARGN}))
    math(EXPR failures "${failures} + 1")
    if(check_shows_output)
      message("FAIL ${message}\n--- stdout:\n${out}\n--- stderr:\n${err}")
    else()
      message("FAIL ${message}")
    endif()
  endif()
endmacro()

function(report_checks)
  math(EXPR passed "${checks} - ${failures}")
  message("${passed} passed, ${failures} failed")
  if(failures GREATER 0)
    message(FATAL_ERROR "${failures} of ${checks} checks failed")
  endif()
endfunction()
