"""Printing a question's slip from the screen, as a visitor does it.

Drives the kiosk step by step (`--script -`) on the ask test pack:
  1. with a printer that is a plain file: "Print dit briefje" ends in "Pak
     uw briefje", and the bytes parse back (slip.py) into a picture whose
     code decodes (zbarimg) to exactly the code on the screen;
  2. with a printer that hangs (a FIFO nobody reads): the next command is
     answered at once, the screen says the printer does not work within a
     few seconds, and the kiosk goes on.
Usage: print.py KIOSK PACK OUTDIR. Prints "ok ..." lines; exit 1 on the
first failure.
"""
import fcntl
import os
import subprocess
import sys
import time

KIOSK, PACK, OUT = sys.argv[1:4]
ROOT = os.path.dirname(os.path.abspath(__file__))
START = "Tik op het scherm om te beginnen"


def ok(what, cond, detail=""):
    if not cond:
        sys.exit("not ok %s %s" % (what, detail))
    print("ok", what)


class Kiosk:
    def __init__(self, data):
        self.p = subprocess.Popen(
            [KIOSK, "--content", PACK, "--data", data, "--date",
             "2026-11-24", "--script", "-"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=open(data + ".err", "w"),
            text=True, bufsize=1)

    def send(self, cmd):
        self.p.stdin.write(cmd + "\n")
        self.p.stdin.flush()

    def screen(self):
        """What `list` says: (taps, texts), and how long it took."""
        t0 = time.monotonic()
        self.send("list")
        taps, texts = [], []
        for line in self.p.stdout:
            line = line.rstrip("\n")
            if line == "end":
                return taps, texts, time.monotonic() - t0
            kind, _, rest = line.partition(": ")
            (taps if kind == "tap" else texts).append(rest)
        sys.exit("not ok the kiosk closed its output")

    def wait_text(self, text, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.send("wait 50")  # a frame after the printer's news
            taps, texts, _ = self.screen()
            if any(text in t for t in texts):
                return True
            time.sleep(0.1)
        return False

    def quit(self):
        self.send("quit")
        self.p.stdin.close()
        return self.p.wait(timeout=60)


def to_outcome(k):
    for cmd in ['tap "%s"' % START, 'tap "Stel een vraag"', 'tap "Wonen & zo"',
                'tap "Een lift of één verdieping"', 'tap "Volgende"',
                'tap "Volgende"', 'tap "Wie kan helpen?"']:
        k.send(cmd)


def decode(path):
    r = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", path],
                       capture_output=True, timeout=60)
    return r.stdout.rstrip(b"\n").decode("utf-8") if r.returncode == 0 else None


def settings(data, device):
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(data, "settings.ini"), "w") as f:
        f.write("[printer]\ndevice = %s\n" % device)


os.makedirs(OUT, exist_ok=True)

# 1. a printer that takes the slip
data = os.path.join(OUT, "file")
slip = os.path.join(OUT, "slip.bin")
open(slip, "wb").close()  # a device is there before anything is printed
settings(data, slip)
k = Kiosk(data)
to_outcome(k)
k.send("shot %s" % os.path.join(OUT, "screen.png"))
k.send('tap "Print dit briefje"')
ok("the slip is printed and the visitor told to take it",
   k.wait_text("Pak uw briefje uit de printer.", 10))
ok("the kiosk ends cleanly", k.quit() == 0)
r = subprocess.run([sys.executable, os.path.join(ROOT, "slip.py"), slip,
                    os.path.join(OUT, "slip")], capture_output=True, text=True)
ok("the printer's bytes parse back into one slip of 80 mm",
   r.returncode == 0 and r.stdout.startswith("slip 1: 576x"), r.stderr)
on_screen = decode(os.path.join(OUT, "screen.png"))
on_paper = decode(os.path.join(OUT, "slip-1.pbm"))
ok("the code on the slip decodes", on_paper is not None)
ok("to the same message as the code on the screen",
   on_paper == on_screen, "\n  paper  %r\n  screen %r" % (on_paper, on_screen))

# 2. a printer that hangs: a FIFO with no reader behind it
data = os.path.join(OUT, "stalled")
fifo = os.path.join(OUT, "printer.fifo")
os.mkfifo(fifo)
holder = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open, never read
# a pipe smaller than a slip, so the printer "takes" only its start
fcntl.fcntl(holder, fcntl.F_SETPIPE_SZ, 4096)
settings(data, fifo)
k = Kiosk(data)
to_outcome(k)
k.send('tap "Print dit briefje"')
taps, texts, took = k.screen()
ok("the next command is answered at once (%.0f ms)" % (took * 1000),
   took < 1.0)
ok("the screen says the slip is being printed",
   "Het briefje wordt geprint." in texts, texts)
t0 = time.monotonic()
ok("a hanging printer is reported within a few seconds",
   k.wait_text("De printer doet het nu niet.", 8))
ok("(after %.1f s)" % (time.monotonic() - t0), True)
k.send('tap "Klaar"')
taps, texts, _ = k.screen()
ok("and the kiosk goes on", "Stel een vraag" in taps, taps)
ok("the kiosk ends cleanly", k.quit() == 0)
os.close(holder)
