"""Plays systemd's part for the kiosk's watchdog.

A datagram socket stands in for NOTIFY_SOCKET and WATCHDOG_USEC asks for
a heartbeat; the kiosk runs its real touch loop (no script), headless, on
its attract screen, where nothing moves and the loop sleeps until the
next thing is due. Checks, in order:

  1. READY=1 arrives (after the first frame);
  2. WATCHDOG=1 keeps arriving while the kiosk idles;
  3. after the test-only hang (SIGUSR2 with WIJKKIOSK_TEST_HANG=1) the
     heartbeat stops, as it would in a deadlock, so systemd would restart
     the service;
  4. a second run ends on SIGTERM with STOPPING=1 and exit 0.

The heartbeat interval is half of WATCHDOG_USEC (1 s here); the silence
after the hang is checked over six intervals.
Usage: watchdog.py KIOSK DATA_DIR
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

kiosk, data = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="watchdog-")
WATCHDOG_USEC = 1000000


def fail(p, why):
    if p.poll() is None:
        p.kill()
        p.wait()
    sys.exit(why + "\n--- kiosk log:\n" + open(p.errpath).read())


def start(name):
    path = os.path.join(tmp, name + ".sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path,
               WATCHDOG_USEC=str(WATCHDOG_USEC), WIJKKIOSK_TEST_HANG="1",
               SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"))
    env.pop("WATCHDOG_PID", None)
    errpath = os.path.join(tmp, name + ".err")
    p = subprocess.Popen([kiosk, "--data", data], env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=open(errpath, "w"))
    p.errpath = errpath
    return p, sock


def receive(p, sock, timeout):
    """One message, or None when none came within timeout seconds."""
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except socket.timeout:
        return None


def wait_for(p, sock, want, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        msg = receive(p, sock, max(0.1, end - time.monotonic()))
        if msg is not None and want in msg.split("\n"):
            return msg
        if p.poll() is not None:
            fail(p, "kiosk ended (exit %d) waiting for %s" % (p.returncode,
                                                              want))
    fail(p, "no %s within %d s" % (want, timeout))


# ---- normal running, then the hang ----
p, sock = start("hang")
wait_for(p, sock, "READY=1", 120)
# the heartbeat goes on while nothing happens on screen
for _ in range(5):
    wait_for(p, sock, "WATCHDOG=1", 30)
log = open(p.errpath).read()
if "<6>kiosk: info: watchdog: heartbeat every 500 ms" not in log:
    fail(p, "the heartbeat interval is not half of WATCHDOG_USEC")
p.send_signal(signal.SIGUSR2)
end = time.monotonic() + 60
while "test hang" not in open(p.errpath).read():
    if time.monotonic() > end or p.poll() is not None:
        fail(p, "the test hang was not logged")
    time.sleep(0.05)
# a heartbeat already on its way may still come; after that, silence
while receive(p, sock, 1.0) is not None:
    pass
late = receive(p, sock, 6 * WATCHDOG_USEC / 2e6)
if late is not None:
    fail(p, "the heartbeat went on after the loop hung: %r" % late)
if p.poll() is not None:
    fail(p, "the kiosk ended instead of hanging")
p.kill()
p.wait()
print("watchdog: READY, heartbeat while idle, silence after a hang")

# ---- SIGTERM: STOPPING=1 and a clean end ----
p, sock = start("stop")
wait_for(p, sock, "READY=1", 120)
wait_for(p, sock, "WATCHDOG=1", 30)
p.send_signal(signal.SIGTERM)
wait_for(p, sock, "STOPPING=1", 60)
try:
    rc = p.wait(timeout=60)
except subprocess.TimeoutExpired:
    fail(p, "the kiosk did not end on SIGTERM")
if rc != 0 or "Sanitizer" in open(p.errpath).read():
    fail(p, "the kiosk ended with %d on SIGTERM" % rc)
print("watchdog: STOPPING=1 on SIGTERM, exit 0")
