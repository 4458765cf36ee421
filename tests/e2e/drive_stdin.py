"""Drives the kiosk through `--script -` one command at a time.

Reads each `list` answer before sending the next command, as a program
that steers the kiosk would, and taps the first tile it finds. Exits 0 when
the kiosk answered every step and ended cleanly.
"""
import os
import subprocess
import sys

kiosk, data = sys.argv[1], sys.argv[2]
p = subprocess.Popen([kiosk, "--data", data, "--script", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, bufsize=1)


def ask(cmd):
    p.stdin.write(cmd + "\n")
    p.stdin.flush()


def read_list():
    ask("list")
    taps, texts = [], []
    for line in p.stdout:
        line = line.rstrip("\n")
        if line == "end":
            return taps, texts
        kind, _, rest = line.partition(": ")
        (taps if kind == "tap" else texts).append(rest)
    sys.exit("kiosk closed its output before 'end'")


taps, texts = read_list()
assert taps == ["Tik op het scherm om te beginnen"], taps
ask('tap "%s"' % taps[0])
taps, texts = read_list()
assert "De werkwijze" in taps, taps
assert "Waar wilt u meer over weten?" in texts, texts
ask('tap "De werkwijze"')
taps, texts = read_list()
assert "Wat kan je zelf?" in texts, texts
assert "Terug" in taps, taps
ask("quit")
p.stdin.close()
rc = p.wait(timeout=60)
err = p.stderr.read()
if rc != 0 or "Sanitizer" in err:
    sys.exit("kiosk ended with %d: %s" % (rc, err))
