"""A running kiosk takes up a pack that `kioskctl install` puts in place,
but only once nobody is using it.

Drives the kiosk through `--script -` on an empty data folder (so it shows
the demo pack and watches for installed ones). A visitor opens the home
screen; staff install the small example pack; a few seconds later the
visitor still has their screen; once the idle wipe has sent them away the
example pack is on screen. The kiosk's clock is the script's simulated one,
so this takes no real waiting. Exits 0 when all of it held and the kiosk
ended cleanly.
"""
import os
import shutil
import subprocess
import sys
import tempfile

kiosk, ctl, root = sys.argv[1], sys.argv[2], sys.argv[3]
data = tempfile.mkdtemp(prefix="pickup-")
env = dict(os.environ,
           SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"))
p = subprocess.Popen([kiosk, "--data", data, "--script", "-"], env=env,
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, bufsize=1)


def ask(cmd):
    p.stdin.write(cmd + "\n")
    p.stdin.flush()


def visible():
    """Everything on screen now, tappable or not."""
    ask("list")
    seen = []
    for line in p.stdout:
        line = line.rstrip("\n")
        if line == "end":
            return seen
        seen.append(line.partition(": ")[2])
    sys.exit("kiosk closed its output before 'end': " + p.stderr.read())


def fail(why):
    p.kill()
    p.wait()
    sys.exit(why)


try:
    START = "Tik op het scherm om te beginnen"
    if START not in visible():
        fail("the demo pack's attract screen is not showing")
    ask('tap "%s"' % START)
    if "Waar wilt u meer over weten?" not in visible():
        fail("tapping the attract screen did not open the home screen")
    pack = os.path.join(root, "content", "voorbeeld")
    r = subprocess.run([ctl, "install", pack, "--data", data], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("install failed: " + r.stdout + r.stderr)
    # the kiosk has looked at least once by now: the visitor keeps the page
    ask("wait 5000")
    seen = visible()
    if "Waar wilt u meer over weten?" not in seen:
        fail("a new pack was pulled from under a visitor: %r" % seen)
    # the visitor walks away: idle prompt, wipe, then the next look
    ask("wait 300000")
    seen = visible()
    if "Welkom in wijkcentrum De Linde." not in seen:
        fail("the installed pack is not on screen after the idle wipe: %r"
             % seen)
    ask("quit")
    p.stdin.close()
    rc = p.wait(timeout=60)
    err = p.stderr.read()
    if "new content pack installed: showing" not in err:
        fail("the kiosk did not log the switch:\n" + err)
    if rc != 0:
        sys.exit("kiosk ended with %d:\n%s" % (rc, err))
finally:
    if p.poll() is None:
        p.kill()
        p.wait()
    shutil.rmtree(data, ignore_errors=True)
