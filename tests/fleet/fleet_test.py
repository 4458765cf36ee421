"""make fleet-test: a pack travels from the office to a kiosk and the
survey answers travel back, through two real Syncthing instances on
127.0.0.1 (not part of make test).

The office and the kiosk each get their own Syncthing home, ports and
folders below a scratch folder; discovery, relays, NAT, usage reports,
upgrades and the web GUI are off, so nothing leaves 127.0.0.1. Shared:

  office/pakketten  <->  kiosk DATA/inbox   (send and receive: the
                                             kiosk's report comes back)
  office/uitbak     <--  kiosk DATA/outbox  (the kiosk only sends)

Steps: a pack is copied into office/pakketten; once Syncthing has brought
it whole into the inbox, the kiosk (a script run) installs and shows it,
and its report DATA/inbox/NAAM.ok.txt travels back to the office. A
visitor fills in the survey; the next day the kiosk writes its outbox
file, which travels to office/uitbak, where `kioskctl export --merge`
counts it. Each wait is bounded; both Syncthings are stopped by their
PIDs at the end, also when a step fails.

Usage: fleet_test.py KIOSK KIOSKCTL ROOT OUT
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

kiosk, ctl, root, out = sys.argv[1:5]
STEP_S = 180  # the longest any one step may take
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1",
           SDL_VIDEODRIVER="dummy")
procs = []


def say(msg):
    print("fleet-test: " + msg, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def stop_all():
    for name, p in procs:
        if p.returncode is not None:
            continue  # stopped already
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        say("stopped syncthing %s (pid %d)" % (name, p.pid))


def fail(why):
    stop_all()
    for name, _ in procs:
        log = os.path.join(out, name + ".log")
        if os.path.exists(log):
            print("--- last lines of %s:" % log)
            print("".join(open(log).readlines()[-15:]))
    sys.exit("fleet-test: FAILED: " + why)


def wait_until(what, test):
    end = time.monotonic() + STEP_S
    while time.monotonic() < end:
        if test():
            say(what)
            return
        for name, p in procs:
            if p.poll() is not None:
                fail("syncthing %s ended (exit %d)" % (name, p.returncode))
        time.sleep(0.5)
    fail("not within %d s: %s" % (STEP_S, what))


def generate(name):
    home = os.path.join(out, name + "-syncthing")
    r = subprocess.run(["syncthing", "generate", "--home=" + home,
                        "--no-default-folder"], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("syncthing generate: " + r.stdout + r.stderr)
    r = subprocess.run(["syncthing", "serve", "--home=" + home,
                        "--device-id"], env=env, capture_output=True,
                       text=True)
    return home, r.stdout.strip()


def configure(home, me, port, peer, peer_port, folders):
    """Local-only options, the peer at its port, and the folders as
    (id, path, type)."""
    path = os.path.join(home, "config.xml")
    tree = ET.parse(path)
    cfg = tree.getroot()
    cfg.find("gui").set("enabled", "false")
    opts = cfg.find("options")
    for key, value in [("listenAddress", "tcp://127.0.0.1:%d" % port),
                       ("globalAnnounceEnabled", "false"),
                       ("localAnnounceEnabled", "false"),
                       ("relaysEnabled", "false"), ("natEnabled", "false"),
                       ("urAccepted", "-1"), ("autoUpgradeIntervalH", "0"),
                       ("crashReportingEnabled", "false"),
                       ("startBrowser", "false")]:
        opts.find(key).text = value
    dev = ET.SubElement(cfg, "device", id=peer, name="peer",
                        compression="metadata", introducer="false")
    ET.SubElement(dev, "address").text = "tcp://127.0.0.1:%d" % peer_port
    for fid, fpath, ftype in folders:
        os.makedirs(os.path.join(fpath, ".stfolder"), exist_ok=True)
        f = ET.SubElement(cfg, "folder", id=fid, label=fid, path=fpath,
                          type=ftype, rescanIntervalS="2",
                          fsWatcherEnabled="true", fsWatcherDelayS="1",
                          ignorePerms="false", autoNormalize="true")
        ET.SubElement(f, "device", id=me)
        ET.SubElement(f, "device", id=peer)
        ET.SubElement(f, "markerName").text = ".stfolder"
    # the folders go before the devices, as Syncthing writes them
    tree.write(path)


def start(name, home):
    log = open(os.path.join(out, name + ".log"), "w")
    p = subprocess.Popen(["syncthing", "serve", "--home=" + home,
                          "--no-browser", "--no-restart", "--no-upgrade"],
                         env=env, stdout=log, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL)
    procs.append((name, p))
    say("started syncthing %s (pid %d)" % (name, p.pid))


def whole(src, dst):
    """dst has every file of src at its size, and no temporary file."""
    for d, _, files in os.walk(src):
        for f in files:
            rel = os.path.relpath(os.path.join(d, f), src)
            there = os.path.join(dst, rel)
            if not os.path.isfile(there) or \
               os.path.getsize(there) != os.path.getsize(os.path.join(d, f)):
                return False
    for d, _, files in os.walk(dst):
        if any(f.endswith(".tmp") and "syncthing" in f for f in files):
            return False
    return True


def kiosk_run(data, date, lines):
    script = os.path.join(out, "run.kscript")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    r = subprocess.run([kiosk, "--data", data, "--date", date, "--script",
                        script], env=env, capture_output=True, text=True,
                       timeout=STEP_S)
    with open(os.path.join(out, "kiosk.log"), "a") as f:
        f.write(r.stderr)
    return r


try:
    office = os.path.join(out, "office")
    data = os.path.join(out, "kiosk-data")
    packs, uitbak = os.path.join(office, "pakketten"), \
        os.path.join(office, "uitbak")
    inbox, outbox = os.path.join(data, "inbox"), os.path.join(data, "outbox")
    for d in (packs, uitbak, inbox, outbox):
        os.makedirs(d)
    with open(os.path.join(data, "settings.ini"), "w") as f:
        f.write("[kiosk]\nname = ussen-1\n")

    home_o, id_o = generate("office")
    home_k, id_k = generate("kiosk")
    port_o, port_k = free_port(), free_port()
    configure(home_o, id_o, port_o, id_k, port_k,
              [("wijkkiosk-inbox", packs, "sendreceive"),
               ("wijkkiosk-outbox", uitbak, "receiveonly")])
    configure(home_k, id_k, port_k, id_o, port_o,
              [("wijkkiosk-inbox", inbox, "sendreceive"),
               ("wijkkiosk-outbox", outbox, "sendonly")])
    start("office", home_o)
    start("kiosk", home_k)

    # ---- a pack from the office to the kiosk ----
    src = os.path.join(root, "content", "voorbeeld")
    shutil.copytree(src, os.path.join(packs, "linde"))
    say("office: pack 'linde' put in %s" % packs)
    wait_until("kiosk: the pack has arrived whole in its inbox",
               lambda: whole(src, os.path.join(inbox, "linde")))
    r = kiosk_run(data, "2026-11-24", ["wait 11000"] * 3 +
                  ['expect "Wijkcentrum De Linde"'])
    if r.returncode != 0:
        fail("the kiosk did not show the pack: " + r.stderr)
    say("kiosk: installed the pack and shows it")
    wait_until("office: the kiosk's report came back (linde.ok.txt)",
               lambda: os.path.exists(os.path.join(packs, "linde.ok.txt")))

    # ---- the answers from the kiosk to the office ----
    r = subprocess.run([sys.executable,
                        os.path.join(root, "tests", "e2e", "survey.py"),
                        kiosk, os.path.join(root, "content", "ussen"),
                        data, "nl"], env=env, capture_output=True, text=True,
                       timeout=STEP_S)
    if r.returncode != 0:
        fail("the survey was not saved: " + r.stdout + r.stderr)
    say("kiosk: a visitor filled in the survey")
    r = kiosk_run(data, "2026-11-25", ["wait 1000"])
    name = "enquete-ussen-1-2026-11-25.sqlite"
    sent = os.path.join(outbox, name)
    if r.returncode != 0 or not os.path.exists(sent):
        fail("the kiosk wrote no outbox file: " + r.stderr)
    say("kiosk: wrote %s" % sent)
    got = os.path.join(uitbak, name)
    wait_until("office: %s arrived whole" % name,
               lambda: os.path.exists(got) and
               os.path.getsize(got) == os.path.getsize(sent))
    r = subprocess.run([ctl, "export", "--merge", got,
                        os.path.join(office, "rapport")],
                       env=dict(env, HOME=office,
                                XDG_DATA_HOME=os.path.join(office, "x")),
                       capture_output=True, text=True)
    if r.returncode != 0 or not r.stdout.startswith("1 antwoorden"):
        fail("kioskctl export --merge at the office: " + r.stdout + r.stderr)
    say("office: " + r.stdout.strip())
finally:
    stop_all()
say("ok: a pack went office -> kiosk, the answers kiosk -> office")
