#!/usr/bin/env python3
"""advise at a terminal, driven through a pseudo-terminal: it asks between two close readings,
answers with the one chosen, and wraps to the terminal's width. Usage: ask_on_terminal.py ADVISE"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

ADVISE = sys.argv[1]
TWO_READINGS = "question about the bus and his speech"
failures = []


def run(args, answer=None, columns=80, env_columns=None):
    """Runs advise on a pseudo-terminal of `columns`; types `answer` once asked. Returns (output, exit code)."""
    pid, fd = pty.fork()
    if pid == 0:
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        env["NO_COLOR"] = "1"
        if env_columns:
            env["COLUMNS"] = str(env_columns)
        os.execve(ADVISE, [ADVISE] + args, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    out, asked, deadline = b"", False, time.time() + 20
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if answer is not None and not asked and b"? [1-" in out:
            os.write(fd, answer.encode() + b"\n")
            asked = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return out.decode("utf-8", "replace").replace("\r\n", "\n"), os.waitstatus_to_exitcode(status)


def check(what, condition, output=""):
    if not condition:
        failures.append(what)
        print("FAIL " + what + "\n" + output)


# Asked on a terminal: the second reading chosen gives its own answer.
out, code = run([TWO_READINGS], answer="2", columns=100)
check("asks between the two readings", "Is this mainly about 1) transportation (the bus) or 2) speech and language therapy?" in out, out)
after = out.split("[1-2]", 1)[-1]
check("answers for the reading chosen", "Email the speech therapist." in after, out)
check("no alternative once the person chose", "If this is mainly about" not in after, out)
check("exit 0 after asking", code == 0, str(code))

# The first reading by default (Enter).
out, code = run([TWO_READINGS], answer="", columns=100)
check("Enter keeps the first reading", "Email the principal." in out, out)

# --no-input on a terminal: no question, the answer with its alternative.
out, code = run(["--no-input", TWO_READINGS], columns=100)
check("--no-input never asks", "Is this mainly about" not in out, out)
check("--no-input shows the alternative", "If this is mainly about speech and language therapy" in out, out)

# Wrapped to the terminal's width, and to COLUMNS when set, never inside a word.
for columns, env_columns in ((50, None), (100, 44)):
    out, code = run(["--why", "--no-input", "my son didn't get extended time on his quiz and I already emailed his teacher twice"],
                    columns=columns, env_columns=env_columns)
    width = env_columns or columns
    long_lines = [line for line in out.split("\n") if len(line) > width]
    check(f"lines fit {width} columns", not long_lines, "\n".join(long_lines))
    check(f"at {width} columns the words are whole", "Understood" in out and "principal" in out, out)

print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
