"""Nothing a visitor typed stays in the kiosk's memory once it is forgotten.

Drives the real kiosk through `--script -`, types unique canaries (a name
and a phone number on a sign-up form, a question's own words that go into
a QR code), paints the screen so the platform renders them, and reads the
whole memory of the running process (/proc/PID/maps and /proc/PID/mem;
the test started the kiosk, so it may read it) for the canaries' bytes:

- while they are on screen each must be found (so the search works and
  the test can fail);
- after "Stoppen" on the form, and after the idle wipe, neither the name
  nor the phone may be left: not in the visit, not in the platform's text
  textures or measured widths, not in the script runner's buffers. The
  question's words are reported, not judged: libqrencode keeps a freed,
  unzeroed copy of a code's text that the kiosk cannot reach.

Only writable mappings are read: text a program copies lands there.
Mappings over 4 GiB are address space ASan reserves for its shadow, not
data, and are passed over. Usage: forget.py KIOSK PACK DATA. Prints "ok"
lines; exits 1 on the first failure.
"""
import os
import re
import secrets
import subprocess
import sys

KIOSK, PACK, DATA = sys.argv[1:4]
START = "Tik op het scherm om te beginnen"
RESERVED = 4 << 30
CHUNK = 16 << 20

env = dict(os.environ)
env.setdefault("SDL_VIDEODRIVER", "dummy")
p = subprocess.Popen([KIOSK, "--content", PACK, "--data", DATA, "--date",
                      "2026-11-24", "--script", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, bufsize=1, env=env)


def fail(why):
    if p.poll() is None:
        p.kill()
    sys.exit("not ok " + why)


def send(cmd):
    p.stdin.write(cmd + "\n")
    p.stdin.flush()


def screen():
    send("list")
    lines = []
    for line in p.stdout:
        line = line.rstrip("\n")
        if line == "end":
            return lines
        lines.append(line)
    fail("kiosk ended (exit %s): %s" % (p.wait(), p.stderr.read()[-2000:]))


def do(*cmds):
    """Sends commands, then paints and lists the screen, as seen."""
    for c in cmds:
        send(c)
    send("shot " + os.path.join(DATA, "screen.png"))
    return screen()


def where(needles):
    """{needle: [mapping names]} of every copy in the kiosk's memory."""
    found = {n: [] for n in needles}
    with open("/proc/%d/maps" % p.pid) as f:
        maps = f.read().splitlines()
    with open("/proc/%d/mem" % p.pid, "rb", 0) as mem:
        for m in maps:
            f = m.split()
            start, end = (int(x, 16) for x in f[0].split("-"))
            if "w" not in f[1] or end - start > RESERVED:
                continue
            name = f[5] if len(f) > 5 else "anonymous"
            tail = b""
            for at in range(start, end, CHUNK):
                try:
                    mem.seek(at)
                    data = tail + mem.read(min(CHUNK, end - at))
                except (OSError, ValueError, OverflowError):
                    tail = b""
                    continue
                for n in needles:
                    if re.search(re.escape(n), data):
                        found[n].append("%s at %#x" % (name, at))
                tail = data[-64:]
    return found


def expect(label, canaries, held):
    found = where([c.encode() for c in canaries])
    for c in canaries:
        places = found[c.encode()]
        if held and not places:
            fail("%s: '%s' not found in memory while on screen: the "
                 "search cannot see it" % (label, c))
        if not held and places:
            fail("%s: '%s' is still in memory: %s"
                 % (label, c, "; ".join(sorted(set(places)))))
    print("ok", label)


name = "Zq" + secrets.token_hex(6)
phone = "06" + "".join(str(secrets.randbelow(10)) for _ in range(8))
question = "Vraagje" + secrets.token_hex(6)

# a sign-up begun, stopped half-way
shown = do('tap "%s"' % START, 'tap "Doe mee"', 'tap "Moestuin Één"',
           'tap "Ik doe mee"', 'tap "Aanmelden op de kiosk"',
           'type "%s"' % name, 'tap "Volgende"', 'type "%s"' % phone)
if "text: " + phone not in shown:
    fail("the contact is not on screen: %r" % shown)
expect("the sign-up's name and phone are in memory while typed",
       [name, phone], True)
do('tap "Stoppen"')
expect("'Stoppen' leaves neither name nor phone in memory",
       [name, phone], False)

# a question in the visitor's own words, shown as a QR code, then the
# visitor walks away
shown = do('tap "Beginscherm"', 'tap "Stel een vraag"', 'tap "Wonen & zo"',
           'tap "Zelf iets typen"', 'type "%s"' % question,
           'tap "Klaar met typen"', 'tap "Volgende"', 'tap "Zelf bellen"',
           'tap "Volgende"', 'tap "Wie kan helpen?"')
if not any("Opent een e-mail aan" in s for s in shown):
    fail("no QR code of the question on screen: %r" % shown)
expect("the question's words are in memory while its QR code shows",
       [question], True)
shown = do("wait 200000", "wait 200000")
if "tap: " + START not in shown:
    fail("the kiosk did not go back to rest: %r" % shown)
expect("after the idle wipe nothing typed on the form is left in memory",
       [name, phone], False)
# Known gap: libqrencode copies a code's text into memory it frees
# without zeroing, out of the kiosk's reach; say where copies are left
# of the question, without failing on it.
left = where([question.encode()])[question.encode()]
print("known: the question's words left in %d place(s) after the wipe "
      "(libqrencode's freed input): %s" % (len(left), "; ".join(left)))

send("quit")
p.stdin.close()
rc = p.wait(timeout=120)
err = p.stderr.read()
if rc != 0 or "Sanitizer" in err:
    sys.exit("not ok kiosk ended with %d: %s" % (rc, err[-2000:]))
print("ok the kiosk ended cleanly")
