#!/usr/bin/env python3
"""Drives the gscript REPL through a real pseudo-terminal (spec 13.3).

usage: pty_driver.py PATH_TO_GSCRIPT

Each check types input (as a person would, with Enter = CR), waits for the next prompt
and compares what the terminal showed, with ANSI escape sequences removed. Prints one
line per check and a final `N passed, N failed` line; exits 1 if anything failed.
"""

import os
import pty
import re
import select
import sys
import tempfile
import time

EXE = os.path.abspath(sys.argv[1])
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\r")
TIMEOUT = 20.0

passed = 0
failed = 0


def clean(b):
    return ANSI.sub(b"", b).decode("utf-8", "replace")


class Repl:
    def __init__(self, args=(), cwd=None, env_extra=None):
        self.home = tempfile.mkdtemp(prefix="gscript-repl-")
        env = dict(os.environ)
        env["HOME"] = self.home
        env.pop("GSCRIPT_HISTORY", None)
        env["TERM"] = "xterm"
        env.update(env_extra or {})
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            if cwd:
                os.chdir(cwd)
            os.execve(EXE, [EXE] + list(args), env)
        self.buf = b""

    def read_until(self, pattern, timeout=TIMEOUT):
        """Reads until the cleaned output ends with `pattern` (a regex); returns the text."""
        end = time.time() + timeout
        rx = re.compile(pattern + r"\Z", re.S)
        while time.time() < end:
            text = clean(self.buf)
            if rx.search(text):
                self.buf = b""
                return text
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    break
                if not data:
                    break
                self.buf += data
        text = clean(self.buf)
        self.buf = b""
        return text + "\n<<timeout waiting for %r>>" % pattern

    def prompt(self):
        return self.read_until(r"(^|\n)> ")

    def send(self, text):
        os.write(self.fd, text.encode())

    def line(self, text, until=r"(^|\n)> "):
        self.send(text + "\r")
        return self.read_until(until)

    def wait(self):
        end = time.time() + TIMEOUT
        while time.time() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            try:
                r, _, _ = select.select([self.fd], [], [], 0.05)
                if r:
                    os.read(self.fd, 65536)
            except OSError:
                time.sleep(0.05)
        os.kill(self.pid, 9)
        return "timeout"


def check(name, got, expected_fragments):
    global passed, failed
    missing = [e for e in expected_fragments if e not in got]
    if missing:
        failed += 1
        print("FAIL %s: missing %r in:\n%s" % (name, missing, got))
    else:
        passed += 1
        print("ok   %s" % name)


def main():
    r = Repl()
    check("banner and prompt", r.prompt(), ["GScript 1.0", "> "])
    check("expression value", r.line("1 + 2"), ["1 + 2\n3\n> "])
    check("several values", r.line('1, "a", nil'), ["1\ta\tnil\n"])
    check("string printed raw", r.line('"hi" .. "!"'), ["\nhi!\n"])
    check("statement prints nothing", r.line("t := {1, 2, x: {y: \"z\"}, [true]: 3.5}"), ["}\n> "])
    check("global survives, table rendered", r.line("t"), ['{1, 2, x: {y: "z"}, [true]: 3.5}'])
    check("empty table", r.line("{}"), ["\n{}\n"])
    r.line("c := {}; c.me = c")
    check("cycle protection", r.line("c"), ["{me: <cycle>}"])
    check("depth limit", r.line("{a: {b: {c: {d: {e: 1}}}}}"), ["{a: {b: {c: {d: {...}}}}}"])
    check("continuation prompt", r.line("func double(x) {", until=r"\n>> "), [">> "])
    r.line("return x * 2", until=r"\n>> ")
    check("multi-line input runs", r.line("}"), ["}\n> "])
    check("function defined over lines", r.line("double(21)"), ["\n42\n"])
    check("print flushed before prompt", r.line('print("out")'), ["\nout\n> "])
    check("runtime error, REPL continues", r.line('error("boom")'), ["stdin:1: boom", "stack traceback:"])
    check("compile error shown", r.line("x := )"), ["stdin:1: unexpected symbol near ')'", "^"])
    check("still alive after errors", r.line("double(5)"), ["\n10\n"])
    # Ctrl-C while a loop runs interrupts it.
    r.send("n := 0; for { n++ }\r")
    time.sleep(0.5)
    # Resend Ctrl-C until the prompt returns, in case the first one arrived before the
    # loop started (a slow machine).
    shown = ""
    for _ in range(15):
        r.send("\x03")
        shown = r.read_until(r"(^|\n)> ", timeout=1.5)
        if "<<timeout" not in shown:
            break
    check("Ctrl-C interrupts a running loop", shown, ["interrupted"])
    check("state kept after interrupt", r.line("n > 0"), ["\ntrue\n"])
    # Ctrl-C while editing discards the line.
    r.send("this is not code")
    time.sleep(0.2)
    r.send("\x03")
    r.prompt()
    check("Ctrl-C discards the edited line", r.line("1"), ["\n1\n"])
    # Line editing: Ctrl-A moves to the start of the line.
    r.send("+ 1")
    r.send("\x01")
    check("line editing (Ctrl-A)", r.line("41 "), ["\n42\n"])
    # History: Up arrow recalls the previous entry.
    r.send("\x1b[A")
    check("history (Up arrow)", r.line(""), ["\n42\n"])
    r.send("\x04")
    check("Ctrl-D exits with status 0", str(r.wait()), ["0"])
    hist_path = os.path.join(r.home, ".gscript_history")
    hist = open(hist_path).read() if os.path.exists(hist_path) else ""
    check("history saved in ~/.gscript_history", hist, ["double(21)", "func double(x) {"])

    # History is loaded by the next session.
    r2 = Repl(env_extra={"HOME": r.home})
    r2.prompt()
    r2.send("\x1b[A")
    check("history loaded at start", r2.line(""), ["\n42\n"])
    r2.send("\x04")
    r2.wait()

    # -i runs the script first, then the REPL sees its globals.
    d = tempfile.mkdtemp(prefix="gscript-repl-")
    with open(os.path.join(d, "lib.gs"), "w") as f:
        f.write('greeting := "hello from lib"\nprint("script ran")\n')
    r3 = Repl(args=["-i", "lib.gs"], cwd=d)
    check("-i runs the script first", r3.prompt(), ["script ran", "> "])
    check("-i: script globals visible", r3.line("greeting"), ["hello from lib"])
    r3.send("\x04")
    check("-i: Ctrl-D exits 0", str(r3.wait()), ["0"])

    print("repl: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
