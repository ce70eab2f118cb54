#!/usr/bin/env python3
"""advise from Python through its C interface (ctypes; nothing to build).

    python3 examples/python/advise_example.py [path/to/libadvise.so]

Without a path, the library is found as the system finds it (ldconfig after installing into
/usr/local), or from the ADVISE_LIBRARY environment variable.
"""
import ctypes
import ctypes.util
import json
import os
import sys


class Advise:
    """A rule set, loaded once; evaluate() and read() may be called from many threads."""

    def __init__(self, library=None, rules_file=None):
        path = library or os.environ.get("ADVISE_LIBRARY") or ctypes.util.find_library("advise")
        if not path:
            raise OSError("libadvise not found: install advise, or give the library's path")
        lib = ctypes.CDLL(path)
        lib.advise_version.restype = ctypes.c_char_p
        lib.advise_last_error.restype = ctypes.c_char_p
        lib.advise_rules_builtin.restype = ctypes.c_void_p
        lib.advise_rules_from_file.restype = ctypes.c_void_p
        lib.advise_rules_from_file.argtypes = [ctypes.c_char_p]
        lib.advise_rules_free.argtypes = [ctypes.c_void_p]
        # Returned strings are ours to free, so they are taken as raw pointers, not c_char_p.
        for name in ("advise_evaluate_json", "advise_evaluate_text"):
            getattr(lib, name).restype = ctypes.c_void_p
            getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.advise_string_free.argtypes = [ctypes.c_void_p]
        self._lib = lib
        self._rules = lib.advise_rules_from_file(rules_file.encode()) if rules_file else lib.advise_rules_builtin()
        if not self._rules:
            raise ValueError(self._error())

    def version(self):
        return self._lib.advise_version().decode()

    def evaluate(self, situation):
        """Advice (a dict, the JSON contract) for a situation given as facts (a dict)."""
        return self._call(self._lib.advise_evaluate_json, json.dumps(situation))

    def read(self, text):
        """Advice for a situation told in words; {"sure": False, "question": ...} if none was understood."""
        return self._call(self._lib.advise_evaluate_text, text)

    def _call(self, function, argument):
        result = function(self._rules, argument.encode())
        if not result:
            raise ValueError(self._error())
        try:
            return json.loads(ctypes.string_at(result).decode())
        finally:
            self._lib.advise_string_free(result)

    def _error(self):
        return self._lib.advise_last_error().decode()

    def __del__(self):
        if getattr(self, "_rules", None):
            self._lib.advise_rules_free(self._rules)
            self._rules = None


def main():
    advise = Advise(sys.argv[1] if len(sys.argv) > 1 else None)
    print("advise", advise.version())

    a = advise.evaluate({"topic": "speech_therapy", "message_type": "concern",
                         "stakes": "safety"})
    print("Contact:", a["contact"]["title"], "| channel:", a["channel"]["label"],
          "| escalate:", a["escalate"])
    for reason in a["reasons"]:
        print("  -", reason["text"], f'[{reason["rule"]}]')

    b = advise.read("I emailed his teacher twice about the extended time on tests and got no answer")
    if b.get("sure", True):
        print("In words: contact", b["contact"]["title"], "by", b["channel"]["label"])
    else:
        print("In words:", b["question"])

    try:
        advise.evaluate({"topic": "speech_therapy", "resolved": "maybe"})
    except ValueError as e:
        print("refused:", e)


if __name__ == "__main__":
    main()
