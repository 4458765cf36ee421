#!/usr/bin/env python3
"""measure: the timing half of `make bench`, called by tests/bench/run.sh.

It runs the kiosk and the baseline (build/bench/minimal) on one display --
headless (SDL_VIDEODRIVER=offscreen) or a real X window on an Xvfb server it
starts with xvfb-run -- and prints one table section: start to first frame,
frame times while animating, peak RSS and PSS after 2 s idle, CPU time
over 60 idle seconds, and the time from a tap on a flyer to its page, with
the ratio kiosk/baseline. With --big-pack it also measures the kiosk's
start and memory with that content pack, and sets a page of 100 sections
against a page that fits on one screen (both in that pack): frame time,
and CPU time of one swipe gesture through the real event path.

It owns every process it starts and the temporary folder it makes: each
process is ended by its PID (SIGTERM, then SIGKILL after a timeout) and the
folder is removed, also when a measurement fails or the run is stopped with
SIGTERM or SIGHUP.
"""

import argparse
import os
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

FIRST_FRAME_TIMEOUT = 30.0  # seconds to wait for "bench: first-frame-ns"
FRAMES_TIMEOUT = 60.0  # seconds for one --bench-frames run
STOP_TIMEOUT = 5.0  # seconds between SIGTERM and SIGKILL
XVFB_TIMEOUT = 20.0  # seconds for xvfb-run to bring up its X server
IDLE_MEMORY_S = 2.0  # memory is read this long after the first frame
IDLE_CPU_S = 60.0  # CPU time is counted over this many idle seconds
CLK_TCK = os.sysconf("SC_CLK_TCK")

LIVE = []  # every process started and not yet reaped


class BenchError(Exception):
    """A measurement that could not be taken; the message says why."""


class Proc:
    """One started program: its PID, start time, stdout pipe and stderr log."""

    def __init__(self, name, argv, env, log_path):
        self.name = name
        self.log_path = log_path
        self.buf = b""
        log = open(log_path, "wb")
        try:
            # the start timestamp is taken just before fork/exec
            self.t0 = time.monotonic_ns()
            self.p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=log)
        except OSError as e:
            raise BenchError("cannot start '%s': %s" % (argv[0], e.strerror))
        finally:
            log.close()
        LIVE.append(self)

    def log_tail(self):
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return ""
        return "\n".join("    " + l for l in lines[-8:])

    def fail(self, what):
        tail = self.log_tail()
        return BenchError("%s: %s%s" % (self.name, what,
                                        "\n" + tail if tail else ""))

    def wait_line(self, prefix, timeout):
        """Returns the first stdout line starting with prefix."""
        deadline = time.monotonic() + timeout
        fd = self.p.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                for line in self.buf.split(b"\n")[:-1]:
                    if line.startswith(prefix):
                        return line.decode()
                left = deadline - time.monotonic()
                if left <= 0:
                    raise self.fail("no '%s' line within %.0f s"
                                    % (prefix.decode(), timeout))
                if sel.select(left):
                    chunk = os.read(fd, 4096)
                    if not chunk:
                        self.p.wait()
                        raise self.fail("exited with status %d before "
                                        "printing '%s'"
                                        % (self.p.returncode,
                                           prefix.decode()))
                    self.buf += chunk

    def first_frame_ns(self):
        """Waits for the first frame; returns its CLOCK_MONOTONIC time."""
        line = self.wait_line(b"bench: first-frame-ns ", FIRST_FRAME_TIMEOUT)
        return int(line.split()[2])

    def stop(self):
        """SIGTERM, then SIGKILL after STOP_TIMEOUT; reaps the process."""
        if self.p.poll() is None:
            try:
                self.p.send_signal(signal.SIGTERM)
                self.p.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.p.stdout.close()
        if self in LIVE:
            LIVE.remove(self)

    def proc_file(self, name):
        with open("/proc/%d/%s" % (self.p.pid, name)) as f:
            return f.read()

    def memory_kib(self):
        """Peak RSS (VmHWM) and PSS now, in KiB."""
        hwm = pss = None
        for line in self.proc_file("status").splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
        for line in self.proc_file("smaps_rollup").splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
        if hwm is None or pss is None:
            raise self.fail("no VmHWM or Pss in /proc")
        return hwm, pss

    def cpu_ms(self):
        """utime + stime of all its threads so far, in ms."""
        stat = self.proc_file("stat")
        fields = stat[stat.rfind(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / CLK_TCK


def proc_children(pid):
    """PIDs of the direct children of pid, now."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def proc_comm(pid):
    """The command name of a live process, or None when it is gone or a
    zombie (ended, waiting to be reaped)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return None
    if stat[stat.rfind(")") + 2:].startswith("Z"):
        return None
    return stat[stat.find("(") + 1:stat.rfind(")")]


def signal_pid(pid, sig):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


class Xvfb:
    """An X server for the x11 section, run by xvfb-run around a stand-in
    command (sh that prints its PID, DISPLAY and XAUTHORITY, then sleeps).
    Ending the stand-in lets xvfb-run end its X server and remove its auth
    folder itself. xvfb-run gets a session of its own so that a Ctrl+C
    meant for the benchmark reaches only us and we stop it in order."""

    def __init__(self):
        self.p = None
        self.holder = None
        self.server = []

    def start(self, size):
        self.p = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 %sx24" % size,
             "sh", "-c", 'echo "$$ $DISPLAY $XAUTHORITY"; exec sleep 3600'],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, start_new_session=True)
        with selectors.DefaultSelector() as sel:
            sel.register(self.p.stdout, selectors.EVENT_READ)
            ready = sel.select(XVFB_TIMEOUT)
        line = self.p.stdout.readline().decode().split() if ready else []
        if len(line) != 3:
            raise BenchError("xvfb-run did not start an X server within "
                             "%.0f s" % XVFB_TIMEOUT)
        self.holder = int(line[0])
        self.display, self.xauthority = line[1], line[2]
        # xvfb-run does not wait for its X server to end; we will
        self.server = [c for c in proc_children(self.p.pid)
                       if c != self.holder and proc_comm(c) == "Xvfb"]

    def close(self):
        if not self.p:
            return
        if self.holder:
            signal_pid(self.holder, signal.SIGTERM)
        try:
            self.p.wait(STOP_TIMEOUT * 2)
        except subprocess.TimeoutExpired:
            # xvfb-run is stuck: end it and its children (the X server),
            # read while they are still its own
            pids = proc_children(self.p.pid) + [self.p.pid]
            for pid in pids:
                signal_pid(pid, signal.SIGTERM)
            try:
                self.p.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                for pid in proc_children(self.p.pid) + pids:
                    signal_pid(pid, signal.SIGKILL)
                self.p.wait()
        self.p.stdout.close()
        deadline = time.monotonic() + STOP_TIMEOUT
        for pid in self.server:
            while proc_comm(pid) == "Xvfb" and time.monotonic() < deadline:
                time.sleep(0.05)
            if proc_comm(pid) == "Xvfb":
                signal_pid(pid, signal.SIGKILL)


class Bench:
    """The programs to compare and where their scratch files go."""

    def __init__(self, args, tmp, xvfb):
        self.args = args
        self.tmp = tmp
        self.nlog = 0
        self.renderer = "unknown"
        self.env = dict(os.environ)
        if args.mode == "headless":
            self.env["SDL_VIDEODRIVER"] = "offscreen"
            common = ["--size", args.size]
        else:
            self.env.pop("SDL_VIDEODRIVER", None)
            self.env["DISPLAY"] = xvfb.display
            self.env["XAUTHORITY"] = xvfb.xauthority
            common = ["--windowed", "--size", args.size]
        data = os.path.join(tmp, "data")
        os.mkdir(data)
        self.kiosk = [args.kiosk, "--data", data, "--content",
                      args.content] + common
        self.baseline = [args.baseline, "--font", args.font] + common
        self.big = None
        if args.big_pack:
            data_big = os.path.join(tmp, "data-big")
            os.mkdir(data_big)
            self.big = [args.kiosk, "--data", data_big, "--content",
                        args.big_pack] + common

    def start(self, name, argv):
        self.nlog += 1
        log = os.path.join(self.tmp, "%s-%d.log" % (name, self.nlog))
        return Proc(name, argv, self.env, log)

    def start_ms(self, name, argv):
        """Process start to first complete frame, one run, in ms."""
        p = self.start(name, argv + ["--bench"])
        try:
            ms = (p.first_frame_ns() - p.t0) / 1e6
        finally:
            p.stop()
        if name == "baseline":
            # the baseline names its renderer; the kiosk chooses alike
            for line in p.log_tail().splitlines():
                if "minimal: renderer " in line:
                    self.renderer = line.split("renderer ", 1)[1].strip()
        return ms

    def start_times(self, progs):
        """Median start time of each program; runs take turns so that
        drift in the machine's load hits each program alike."""
        times = {name: [] for name, _ in progs}
        for name, argv in progs:
            self.start_ms(name, argv)  # warm-up: page cache, font cache
        for i in range(self.args.runs):
            order = progs if i % 2 == 0 else progs[::-1]
            for name, argv in order:
                times[name].append(self.start_ms(name, argv))
        return {n: statistics.median(t) for n, t in times.items()}

    def frames_once(self, name, argv):
        p = self.start(name, argv + ["--bench-frames",
                                     str(self.args.frames)])
        try:
            try:
                out, _ = p.p.communicate(timeout=FRAMES_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise p.fail("--bench-frames %d took over %.0f s"
                             % (self.args.frames, FRAMES_TIMEOUT))
            if p.p.returncode != 0:
                raise p.fail("--bench-frames exited with status %d"
                             % p.p.returncode)
            for line in out.decode().splitlines():
                w = line.split()
                if line.startswith("bench: frame-ms ") and len(w) == 6:
                    return float(w[3]), float(w[5])
            raise p.fail("no 'bench: frame-ms' line")
        finally:
            p.stop()

    def frame_times(self, progs):
        """Median p50 and median p99 frame time of each program, in ms."""
        runs = {name: [] for name, _ in progs}
        for i in range(self.args.frame_runs):
            order = progs if i % 2 == 0 else progs[::-1]
            for name, argv in order:
                runs[name].append(self.frames_once(name, argv))
        return {n: (statistics.median(r[0] for r in v),
                    statistics.median(r[1] for r in v))
                for n, v in runs.items()}

    def flyer_once(self, argv):
        """Milliseconds to paint a flyer page: first view, next, again."""
        p = self.start("kiosk", argv + ["--bench-flyer"])
        try:
            try:
                out, _ = p.p.communicate(timeout=FRAMES_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise p.fail("--bench-flyer took over %.0f s" % FRAMES_TIMEOUT)
            for line in out.decode().splitlines():
                w = line.split()
                if line.startswith("bench: flyer-ms ") and len(w) == 8:
                    return float(w[3]), float(w[5]), float(w[7])
            raise p.fail("no 'bench: flyer-ms' line")
        finally:
            p.stop()

    def bench_line(self, argv, opts, prefix, n_words):
        """Runs the kiosk with bench options, returns the words of the
        line starting with prefix."""
        p = self.start("kiosk", argv + opts)
        try:
            try:
                out, _ = p.p.communicate(timeout=FRAMES_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise p.fail("%s took over %.0f s" % (opts[0],
                                                      FRAMES_TIMEOUT))
            for line in out.decode().splitlines():
                w = line.split()
                if line.startswith(prefix) and len(w) == n_words:
                    return w
            raise p.fail("no '%s' line" % prefix)
        finally:
            p.stop()

    def long_vs_short(self, argv, runs=3):
        """Median p50 frame time and CPU ms per swipe on the long page
        (p1) and the short one (kort), runs taking turns."""
        r = {"page-p1": [], "page-kort": [], "swipe-p1": [],
             "swipe-kort": []}
        for i in range(runs):
            tiles = ["p1", "kort"] if i % 2 == 0 else ["kort", "p1"]
            for t in tiles:
                w = self.bench_line(argv, ["--bench-page", t, "200"],
                                    "bench: page-ms ", 6)
                r["page-" + t].append(float(w[3]))
                w = self.bench_line(argv, ["--bench-swipe", t, "16"],
                                    "bench: swipe-cpu-ms ", 4)
                r["swipe-" + t].append(float(w[3]))
        return {k: statistics.median(v) for k, v in r.items()}

    def flyer_times(self, argv, runs=5):
        r = [self.flyer_once(argv) for _ in range(runs)]
        return tuple(statistics.median(x[i] for x in r) for i in range(3))

    def memory(self, name, argv):
        """VmHWM and PSS in KiB, IDLE_MEMORY_S after the first frame. The
        program runs alone: PSS splits shared pages among their users."""
        p = self.start(name, argv + ["--bench"])
        try:
            ff = p.first_frame_ns()
            sleep_until_ns(ff + int(IDLE_MEMORY_S * 1e9))
            return p.memory_kib()
        finally:
            p.stop()

    def idle_cpu(self, progs):
        """CPU ms each program uses over IDLE_CPU_S seconds of idling, all
        idling at the same time (idle programs barely compete)."""
        procs = []
        try:
            for name, argv in progs:
                procs.append(self.start(name, argv + ["--bench"]))
            last = max(p.first_frame_ns() for p in procs)
            sleep_until_ns(last + int(5e8))  # let both settle first
            before = [p.cpu_ms() for p in procs]
            time.sleep(IDLE_CPU_S)
            after = [p.cpu_ms() for p in procs]
            for p in procs:
                if p.p.poll() is not None:
                    raise p.fail("exited while idle")
            return {p.name: a - b for p, a, b in zip(procs, after, before)}
        finally:
            for p in procs:
                p.stop()

def sleep_until_ns(t):
    left = (t - time.monotonic_ns()) / 1e9
    if left > 0:
        time.sleep(left)


def ratio(k, b):
    return "%.2f" % (k / b) if b > 0 else "-"


def print_table(title, rows):
    """rows: (metric, kiosk, baseline, format) or (metric, message)."""
    w0 = max([len("metric")] + [len(r[0]) for r in rows])
    w = 10
    print()
    print(title)
    print("%-*s | %*s | %*s | %s" % (w0, "metric", w, "kiosk", w, "baseline",
                                     "ratio"))
    print("%s-+-%s-+-%s-+-%s" % ("-" * w0, "-" * w, "-" * w, "-" * 6))
    for r in rows:
        if len(r) == 2:
            print("%-*s | %s" % (w0, r[0], r[1]))
            continue
        metric, k, b, fmt = r
        print("%-*s | %*s | %*s | %6s" % (w0, metric, w, fmt % k, w, fmt % b,
                                          ratio(k, b)))
    sys.stdout.flush()


def progress(mode, what, since):
    """A line on stderr per finished step: the run takes minutes."""
    print("bench: %s: %s took %.1f s" % (mode, what, time.monotonic() - since),
          file=sys.stderr)
    return time.monotonic()


def run(args, tmp, xvfb):
    b = Bench(args, tmp, xvfb)
    progs = [("kiosk", b.kiosk), ("baseline", b.baseline)]
    t = time.monotonic()
    start = b.start_times(progs)
    t = progress(args.mode, "start times", t)
    frames = b.frame_times(progs)
    t = progress(args.mode, "frame times", t)
    mem = {name: b.memory(name, argv) for name, argv in progs}
    t = progress(args.mode, "memory", t)
    cpu = b.idle_cpu(progs)
    t = progress(args.mode, "idle CPU", t)
    flyer = b.flyer_times(b.kiosk)
    t = progress(args.mode, "flyer pages", t)

    mib = 1024.0
    rows = [
        ("start to first frame (ms)", start["kiosk"], start["baseline"],
         "%.1f"),
        ("frame time p50, animating (ms)", frames["kiosk"][0],
         frames["baseline"][0], "%.2f"),
        ("frame time p99, animating (ms)", frames["kiosk"][1],
         frames["baseline"][1], "%.2f"),
        ("peak RSS, VmHWM (MiB)", mem["kiosk"][0] / mib,
         mem["baseline"][0] / mib, "%.1f"),
        ("PSS after 2 s idle (MiB)", mem["kiosk"][1] / mib,
         mem["baseline"][1] / mib, "%.1f"),
        ("CPU over %.0f s idle (ms)" % IDLE_CPU_S, cpu["kiosk"],
         cpu["baseline"], "%.0f"),
        ("idle CPU, % of one core", cpu["kiosk"] / IDLE_CPU_S / 10,
         cpu["baseline"] / IDLE_CPU_S / 10, "%.2f"),
        # a tap on a flyer (finger lifted) to its page painted, against
        # one frame of the baseline: under 1.0 means within a frame
        ("tap flyer -> first page (ms)", flyer[0], frames["baseline"][0],
         "%.2f"),
        ("tap next -> page 2, ahead (ms)", flyer[1], frames["baseline"][0],
         "%.2f"),
        ("tap back -> page 1, cached (ms)", flyer[2],
         frames["baseline"][0], "%.2f"),
    ]
    if b.big:
        label = os.path.basename(os.path.normpath(args.big_pack))
        try:
            big_start = b.start_times([("kiosk (big pack)", b.big)])
            big_mem = b.memory("kiosk (big pack)", b.big)
            pages = b.long_vs_short(b.big)
            t = progress(args.mode, "big pack", t)
            rows += [
                ("big pack '%s': start (ms)" % label,
                 big_start["kiosk (big pack)"], start["baseline"], "%.1f"),
                ("big pack: peak RSS (MiB)", big_mem[0] / mib,
                 mem["baseline"][0] / mib, "%.1f"),
                ("big pack: PSS (MiB)", big_mem[1] / mib,
                 mem["baseline"][1] / mib, "%.1f"),
                ("(the next two: 100-section page | one-screen page)",
                 "ratio long/short"),
                ("page frame p50, full repaint (ms)", pages["page-p1"],
                 pages["page-kort"], "%.2f"),
                ("CPU per swipe gesture (ms)", pages["swipe-p1"],
                 pages["swipe-kort"], "%.2f"),
            ]
        except BenchError as e:
            rows.append(("big pack '%s'" % label, "failed, see below"))
            print_table(title(args, b.renderer), rows)
            raise e
    print_table(title(args, b.renderer), rows)


def title(args, rend):
    if args.mode == "headless":
        return ("headless: SDL_VIDEODRIVER=offscreen, %s, %s renderer"
                % (args.size, rend))
    return ("X window under Xvfb: --windowed %s, %s renderer"
            % (args.size, rend))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["headless", "x11"], required=True)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--font", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--big-pack")
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--frame-runs", type=int, default=3)
    ap.add_argument("--frames", type=int, default=600)
    args = ap.parse_args()

    # a stopped run still ends its processes and removes its folder
    def on_signal(sig, _frame):
        raise SystemExit(128 + sig)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)

    tmp = tempfile.mkdtemp(prefix="wijkkiosk-bench-")
    xvfb = None
    try:
        if args.mode == "x11":
            xvfb = Xvfb()
            xvfb.start(args.size)
        run(args, tmp, xvfb)
        return 0
    except BenchError as e:
        print("bench: %s" % e, file=sys.stderr)
        return 1
    finally:
        # a second signal must not cut the clean-up short
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
        for p in list(LIVE):
            p.stop()
        if xvfb:
            xvfb.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
