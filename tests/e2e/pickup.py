"""A running kiosk picks up a pack that `kioskctl install` puts in place.

Starts the kiosk on an empty data folder (so it shows the demo pack and
watches for installed ones), installs the small example pack with the staff
tool, and waits for the kiosk to say it shows the new pack. Exits 0 when it
did and the kiosk then ends cleanly on SIGTERM.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

kiosk, ctl, root = sys.argv[1], sys.argv[2], sys.argv[3]
data = tempfile.mkdtemp(prefix="pickup-")
env = dict(os.environ, SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"))
p = subprocess.Popen([kiosk, "--data", data, "--bench"], env=env,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    if not p.stdout.readline().startswith("bench: first-frame-ns"):
        sys.exit("kiosk did not start: " + p.stderr.read())
    pack = os.path.join(root, "content", "voorbeeld")
    r = subprocess.run([ctl, "install", pack, "--data", data], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("install failed: " + r.stdout + r.stderr)
    # the kiosk looks every few seconds; a guard ends the wait if it never
    # does, so a broken kiosk fails instead of hanging
    guard = threading.Timer(60, p.kill)
    guard.start()
    seen = False
    for line in p.stderr:
        if "new content pack installed: showing" in line:
            seen = True
            break
    guard.cancel()
    if not seen:
        sys.exit("the kiosk never showed the installed pack")
finally:
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=30)
    shutil.rmtree(data, ignore_errors=True)
if p.returncode != 0:
    sys.exit("kiosk ended with %d" % p.returncode)
