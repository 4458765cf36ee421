"""Checks that every signal but SIGTERM is logged and survived, and that
SIGTERM ends the kiosk cleanly (exit 0).

Two runs. The public kiosk (the touch loop, started with --bench, which
prints a line once the first frame is on screen): SIGINT (Ctrl+C), SIGHUP,
SIGUSR1 (then a line on what the caches hold), SIGUSR2 and SIGPIPE each give
their log line and leave it running.
A script run driven through `--script -`: after each of SIGHUP, SIGUSR1,
SIGUSR2 and SIGPIPE it still answers `list` with the same screen. Each step
waits for the kiosk's own answer (a log line, a `list`), never for a time.
"""
import signal
import subprocess
import sys

kiosk, data = sys.argv[1], sys.argv[2]


def fail(p, why):
    if p.poll() is None:
        p.kill()
    sys.exit(why)


def await_log(p, text):
    """Reads stderr until a line holds text; fails if the kiosk ends."""
    for line in p.stderr:
        if text in line:
            return
    fail(p, "kiosk ended (exit %s) before logging %r" % (p.wait(), text))


def end_with_sigterm(p):
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        fail(p, "kiosk did not end on SIGTERM")
    rest = p.stderr.read()
    if rc != 0 or "Sanitizer" in rest:
        sys.exit("kiosk ended with %d on SIGTERM: %s" % (rc, rest))


SURVIVED = [
    (signal.SIGHUP, "SIGHUP"),
    (signal.SIGUSR1, "SIGUSR1: reporting what the caches hold"),
    (signal.SIGUSR2, "SIGUSR2: ignored"),
    (signal.SIGPIPE, "SIGPIPE: ignored"),
]

# ---- the public kiosk ----
p = subprocess.Popen([kiosk, "--data", data, "--bench"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = p.stdout.readline()
if not line.startswith("bench: first-frame-ns"):
    fail(p, "no first frame: %r %s" % (line, p.stderr.read()))
for sig, text in [(signal.SIGINT, "ignoring Ctrl+C")] + SURVIVED:
    p.send_signal(sig)
    await_log(p, "SIGHUP: looking for a newly installed pack"
              if sig == signal.SIGHUP else text)
    if sig == signal.SIGUSR1:
        await_log(p, "caches: texts")
    if p.poll() is not None:
        fail(p, "public kiosk ended on %s (exit %s)" % (text, p.returncode))
end_with_sigterm(p)

# ---- a script run, fed one line at a time ----
p = subprocess.Popen([kiosk, "--data", data, "--script", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, bufsize=1)


def screen():
    p.stdin.write("list\n")
    p.stdin.flush()
    lines = []
    for out in p.stdout:
        out = out.rstrip("\n")
        if out == "end":
            return lines
        lines.append(out)
    fail(p, "kiosk closed its output before 'end' (exit %s)" % p.wait())


before = screen()
if "tap: Tik op het scherm om te beginnen" not in before:
    fail(p, "script run shows no attract screen: %r" % before)
for sig, text in SURVIVED:
    p.send_signal(sig)
    await_log(p, text)
    if screen() != before:
        fail(p, "screen changed after %s" % text)
end_with_sigterm(p)
