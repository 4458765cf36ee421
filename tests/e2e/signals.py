"""Checks that Ctrl+C (SIGINT) does not stop the kiosk and SIGTERM does.

Starts the kiosk headless with --bench, which prints a line once the first
frame is on screen; then sends SIGINT, proves the kiosk still answers by
checking it is alive after SIGTERM is queued behind it, and expects a clean
exit 0 from SIGTERM.
"""
import signal
import subprocess
import sys

kiosk, data = sys.argv[1], sys.argv[2]
p = subprocess.Popen([kiosk, "--data", data, "--bench"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = p.stdout.readline()
if not line.startswith("bench: first-frame-ns"):
    p.kill()
    sys.exit("no first frame: %r %s" % (line, p.stderr.read()))
p.send_signal(signal.SIGINT)
# The kiosk logs that it ignores Ctrl+C; wait for that line on stderr.
for err_line in p.stderr:
    if "ignoring Ctrl+C" in err_line:
        break
else:
    sys.exit("kiosk ended on SIGINT (exit %s)" % p.wait())
if p.poll() is not None:
    sys.exit("kiosk ended on SIGINT (exit %s)" % p.returncode)
p.send_signal(signal.SIGTERM)
try:
    rc = p.wait(timeout=30)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit("kiosk did not end on SIGTERM")
rest = p.stderr.read()
if rc != 0 or "Sanitizer" in rest:
    sys.exit("kiosk ended with %d on SIGTERM: %s" % (rc, rest))
