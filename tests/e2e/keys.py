"""Presses every key combination that ends or hides an ordinary program
(`key NAME` goes through the same SDL event path as a real keyboard) and
checks that the kiosk is still running and shows exactly what it showed
before, on the attract screen and on the home screen. Exits 0 when it held.
"""
import subprocess
import sys

kiosk, data = sys.argv[1], sys.argv[2]

KEYS = [
    "Escape", "alt+F4", "ctrl+w", "ctrl+q", "ctrl+c", "ctrl+d", "ctrl+z",
    "ctrl+shift+q", "ctrl+shift+w", "ctrl+F4", "super", "super+d",
    "super+h", "super+m", "super+l", "super+q", "super+Down", "super+Tab",
    "alt+tab", "alt+shift+tab", "ctrl+alt+tab", "alt+Escape",
    "ctrl+Escape", "ctrl+shift+Escape", "ctrl+alt+Escape", "alt+space",
    "alt+F2", "alt+F9", "alt+F10", "alt+F11", "F11", "F1", "Menu",
    "shift+F10", "ctrl+alt+BackSpace", "ctrl+alt+Delete", "ctrl+alt+l",
    "ctrl+alt+t", "ctrl+alt+d", "ctrl+alt+F1", "ctrl+alt+F2",
    "ctrl+alt+F7", "ctrl+alt+F12", "alt+SysReq", "Return", "space",
    "BackSpace", "Tab", "q",
]

p = subprocess.Popen([kiosk, "--data", data, "--script", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, bufsize=1)


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
    sys.exit("kiosk ended while keys were pressed (exit %s): %s"
             % (p.wait(), p.stderr.read()))


def press_all(where):
    before = screen()
    for key in KEYS:
        send("key " + key)
        after = screen()
        if after != before:
            p.kill()
            sys.exit("%s: 'key %s' changed the screen:\n%r\n%r"
                     % (where, key, before, after))
    return before


attract = press_all("attract screen")
if "tap: Tik op het scherm om te beginnen" not in attract:
    sys.exit("no attract screen: %r" % attract)
send('tap "Tik op het scherm om te beginnen"')
home = press_all("home screen")
if "tap: De werkwijze" not in home:
    sys.exit("no home screen: %r" % home)
send("quit")
p.stdin.close()
rc = p.wait(timeout=120)
err = p.stderr.read()
if rc != 0 or "Sanitizer" in err:
    sys.exit("kiosk ended with %d: %s" % (rc, err))
