"""make monkey: random use of the kiosk for a given time, under ASan/UBSan.

Drives the sanitizer build of the kiosk through `--script -` over both demo
packs in turn (half the time each), on the script runner's simulated clock:
taps on real buttons (read from `list`, untried ones first) and on random
pixels, swipes, drags, keys from a keyboard, language and text-size changes,
long waits that bring the idle prompt and the wipe, and now and then a
painted frame (`shot`), so text, pictures and PDF pages go through the
platform's caches as on a real screen (in runs of 2 minutes or more: the
caches take about a minute to fill, and memory is judged only after). Typing (`type`) waits for a screen
with a text field; keys stand in for it until then. The random choices
come from a seeded generator, so a run can be repeated (--seed).

Prints the taps done, the screens reached (distinct first text lines),
sanitizer findings and the memory (RSS) of each kiosk at the start (once
every screen the run finds has been seen and the caches are full) and at
the end. Exits 1 on any finding, on a kiosk that ends or fails a command,
on memory that never settles, or on growth above 5 % after it settled,
not counting what the platform's caches took on meanwhile (bounded by
their sizes; the kiosk logs them on SIGUSR1, read at start and end) nor
what the allocator keeps free for reuse (ASan's size classes and its
quarantine; measured from the kiosk's heap line on SIGUSR1, or
QUARANTINE_MB when not measured).

usage: monkey.py KIOSK ROOT OUTDIR [--minutes M] [--seed N]
"""
import argparse
import os
import random
import re
import signal
import subprocess
import sys
import time

SIZE = (1920, 1080)
LANGUAGE_LABELS = {"English", "Nederlands", "Deutsch", "Français", "Türkçe",
                   "Polski", "العربية", "Українська", "Grotere letters",
                   "Kleinere letters", "Larger letters", "Smaller letters"}
KEYS = ["a", "z", "1", "space", "BackSpace", "Return", "Escape", "Tab",
        "alt+F4", "ctrl+w", "ctrl+q", "super", "alt+tab", "F11",
        "ctrl+alt+BackSpace", "ctrl+alt+F2", "shift+a", "Left", "PageDown"]
GROWTH_MAX = 0.05
# ASan's quarantine of freed memory (use after free is still caught) is
# filled by any program that frees: up to this many MB of growth are its
QUARANTINE_MB = 2
# Memory is sampled every SAMPLE_EVERY actions; a sample is the lowest of
# the last WINDOW (painting a frame leaves a short-lived peak). The start
# is taken once SETTLED actions in a row found no new screen and memory
# rose less than 1 % over the last FLAT_SAMPLES samples (the caches are
# full); the end is the last sample.
SETTLED = 150
SAMPLE_EVERY = 50
WINDOW = 5
FLAT_SAMPLES = 10


class Kiosk:
    def __init__(self, binary, pack, data, log):
        env = dict(os.environ)
        env.setdefault("SDL_VIDEODRIVER", "dummy")
        # a small quarantine: freed memory is still checked for use after
        # free, but the quarantine filling up is not taken for growth
        env["ASAN_OPTIONS"] = ("abort_on_error=0:detect_leaks=1:"
                               "quarantine_size_mb=%d" % QUARANTINE_MB)
        env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
        self.log = open(log, "w")
        self.p = subprocess.Popen(
            [binary, "--content", pack, "--data", data, "--date",
             "2026-11-24", "--script", "-"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
            text=True, bufsize=1, env=env)

    def send(self, cmd):
        self.p.stdin.write(cmd + "\n")
        self.p.stdin.flush()

    def screen(self):
        """(buttons, texts) now on screen, or None if the kiosk ended."""
        self.send("list")
        taps, texts = [], []
        for line in self.p.stdout:
            line = line.rstrip("\n")
            if line == "end":
                return taps, texts
            kind, _, rest = line.partition(": ")
            (taps if kind == "tap" else texts).append(rest)
        return None

    def caches(self):
        """(entries, KiB) the platform's caches hold, from the line the
        kiosk logs on SIGUSR1 (a script run answers it after a command),
        or None."""
        with open(self.log.name) as f:
            seen = f.read().count(" caches: texts")
        self.p.send_signal(signal.SIGUSR1)
        for _ in range(200):
            self.send("wait 0")
            if self.screen() is None:
                return None
            with open(self.log.name) as f:
                text = f.read()
            lines = [ln for ln in text.splitlines() if " caches: texts" in ln]
            heap = [ln for ln in text.splitlines() if " heap: in use" in ln]
            # the heap line follows the caches line
            if len(lines) > seen and len(heap) >= len(lines):
                nums = [int(x) for x in re.findall(r"\d+", lines[-1]
                                                   .split("caches:")[1])]
                # texts N (KiB), pictures N (KiB), widths N (KiB), fonts N
                c = {"entries": nums[0] + nums[2] + nums[4],
                     "kib": nums[1] + nums[3] + nums[5],
                     "line": lines[-1].split("caches: ")[1].strip(),
                     "heap": heap[-1].split("heap: ")[1].strip()}
                h = {}
                for m in re.finditer(r"([a-z ]+) (\d+) KiB", c["heap"]):
                    h[m.group(1).strip()] = int(m.group(2))
                if "held" in h:  # ASan's allocator
                    c["retained_kib"] = h["held"] - h["in use"]
                else:  # glibc's
                    c["retained_kib"] = h.get("free kept", 0)
                return c
            time.sleep(0.01)
        return None

    def rss_kb(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self):
        try:
            self.send("quit")
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        rc = self.p.wait(timeout=300)
        self.log.close()
        return rc


def quote(label):
    return '"%s"' % label.replace("\\", "\\\\").replace('"', '\\"')


def run_pack(args, pack, seconds, rng):
    name = os.path.basename(pack)
    data = os.path.join(args.out, "data-" + name)
    log = os.path.join(args.out, "kiosk-%s.log" % name)
    k = Kiosk(args.kiosk, pack, data, log)
    stats = {"pack": name, "actions": 0, "taps": 0, "screens": set(),
             "rss_start": 0, "rss_end": 0, "ended": None}
    tried = set()  # (screen, label) pairs tapped at least once
    quiet = 0  # actions since the last new screen
    deadline = time.monotonic() + seconds
    samples, lows = [], []
    # warm up what the kiosk opens only at first use (the speech engine
    # loads its voices when "Lees voor" is first tapped), so that a
    # one-time start-up is not taken for growth
    state = k.screen()
    if state is not None and state[0]:
        k.send("tap " + quote(state[0][0]))
        state = k.screen()
        speaker = [t for t in (state or ([], []))[0]
                   if t in ("Lees voor", "Read aloud")]
        if speaker:
            k.send("tap " + quote(speaker[0]))
            k.send("wait 500")
            k.send("tap 5 5")
        k.send("wait 200000")
        state = k.screen()
    while state is not None and time.monotonic() < deadline:
        taps, texts = state
        title = texts[0] if texts else "(no text)"
        if title not in stats["screens"]:
            stats["screens"].add(title)
            quiet = 0
        else:
            quiet += 1
        r = rng.random()
        fresh = [t for t in taps if (title, t) not in tried]
        langs = [t for t in taps if t in LANGUAGE_LABELS]
        if fresh and r < 0.5:
            label = rng.choice(fresh)
            tried.add((title, label))
            k.send("tap " + quote(label))
            stats["taps"] += 1
        elif langs and r < 0.55:
            k.send("tap " + quote(rng.choice(langs)))
            stats["taps"] += 1
        elif taps and r < 0.75:
            label = rng.choice(taps)
            tried.add((title, label))
            k.send("tap " + quote(label))
            stats["taps"] += 1
        elif r < 0.83:
            k.send("tap %d %d" % (rng.randrange(SIZE[0]),
                                  rng.randrange(SIZE[1])))
            stats["taps"] += 1
        elif r < 0.88:
            k.send("swipe " + rng.choice(["left", "right"]))
        elif r < 0.93:
            k.send("drag %d %d %d %d" % (
                rng.randrange(SIZE[0]), rng.randrange(SIZE[1]),
                rng.randrange(SIZE[0]), rng.randrange(SIZE[1])))
        elif r < 0.95:
            k.send("key " + rng.choice(KEYS))
        elif r < 0.97 and args.paint:
            # paint the frame, as a screen would: text, pictures and PDF
            # pages go through the platform's caches
            k.send("shot " + quote(os.path.join(args.out, name + ".png")))
        elif r < 0.99:
            k.send("wait %d" % rng.randrange(0, 5000))
        else:
            # long enough for the idle prompt, sometimes for the wipe
            k.send("wait %d" % rng.randrange(60000, 200000))
        stats["actions"] += 1
        if stats["actions"] % SAMPLE_EVERY == 0:
            samples.append(k.rss_kb())
            low = min(samples[-WINDOW:])
            lows.append(low)
            # settled: every screen seen, and memory no longer rising
            if (not stats["rss_start"] and quiet >= SETTLED and
                    len(lows) > FLAT_SAMPLES and
                    low <= lows[-1 - FLAT_SAMPLES] * 1.01):
                stats["rss_start"] = low
                stats["caches_start"] = k.caches()
        state = k.screen()
    if state is None:
        stats["ended"] = "kiosk ended during the run"
    else:
        samples.append(k.rss_kb())
        stats["rss_end"] = min(samples[-WINDOW:])
        stats["caches_end"] = k.caches()
        if not stats["rss_start"] and not args.paint:
            # a short run on a busy machine: without painting nothing
            # needs to fill, so judge from the middle of the run
            stats["rss_start"] = lows[len(lows) // 2] if lows else 0
            stats["from_middle"] = True
    rc = k.close()
    if rc != 0 and not stats["ended"]:
        stats["ended"] = "kiosk exited %d" % rc
    with open(log) as f:
        stats["findings"] = [ln.rstrip() for ln in f
                             if "Sanitizer" in ln or "runtime error" in ln
                             or ln.startswith("-:")]
    return stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kiosk")
    ap.add_argument("root")
    ap.add_argument("out")
    ap.add_argument("--minutes", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--paint", type=int, default=-1,
                    help="1: paint frames now and then (default for runs "
                    "of 2 minutes or more), 0: never")
    args = ap.parse_args()
    if args.paint < 0:
        args.paint = 1 if args.minutes >= 2 else 0
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    packs = [os.path.join(args.root, "content", p) for p in ("ussen", "deurne")]
    seconds = args.minutes * 60 / len(packs)
    bad = 0
    total_taps = 0
    for pack in packs:
        s = run_pack(args, pack, seconds, rng)
        total_taps += s["taps"]
        # what the caches took on since the start is theirs, bounded by
        # their sizes (internal.h): the rest of the growth is judged
        c0, c1 = s.get("caches_start"), s.get("caches_end")
        cache_kib = (c1["kib"] - c0["kib"]) if c0 and c1 else 0
        # and what the allocator holds free, measured (SIGUSR1's heap
        # line): ASan's allocator keeps freed memory for reuse by blocks
        # of the same size class and never gives it back, the quarantine
        # being part of it; its growth follows the highest use, bounded
        # as the caches are. Live memory beyond the caches is judged.
        if c0 and c1:
            kept_kib = max(c1["retained_kib"] - c0["retained_kib"], 0)
        else:
            # not measured (a short run): the quarantine fills as the
            # kiosk frees (each idle wipe drops the caches of text)
            kept_kib = QUARANTINE_MB * 1024
        growth = ((s["rss_end"] - s["rss_start"] - max(cache_kib, 0)
                   - kept_kib)
                  / s["rss_start"] if s["rss_start"] else 0.0)
        growth = max(growth, 0.0)
        if not s["rss_start"] and not s["ended"]:
            print("monkey: %s: FAIL: memory never settled (%.1f MB at the "
                  "end); run longer, or look for a leak"
                  % (s["pack"], s["rss_end"] / 1024))
            bad += 1
        print("monkey: %s: %d actions, %d taps, %d screens reached: %s"
              % (s["pack"], s["actions"], s["taps"], len(s["screens"]),
                 "; ".join(sorted(s["screens"]))))
        print("monkey: %s: memory (RSS) %.1f MB at start (%s), "
              "%.1f MB at end (%+.1f %%)"
              % (s["pack"], s["rss_start"] / 1024,
                 "middle of the run" if s.get("from_middle")
                 else "once settled",
                 s["rss_end"] / 1024,
                 ((s["rss_end"] - s["rss_start"]) / s["rss_start"] * 100
                  if s["rss_start"] else 0.0)))
        for when, c in (("start", c0), ("end", c1)):
            if c:
                print("monkey: %s: caches at %s: %s; heap: %s"
                      % (s["pack"], when, c["line"], c["heap"]))
        if cache_kib > 0:
            print("monkey: %s: the caches grew %.1f MB" % (
                s["pack"], cache_kib / 1024))
        print("monkey: %s: growth beyond the caches and memory the "
              "allocator keeps free (%s %.1f MB): %+.1f %%"
              % (s["pack"], "measured" if c0 and c1 else "quarantine",
                 kept_kib / 1024, growth * 100))
        print("monkey: %s: %d sanitizer findings" % (s["pack"],
                                                     len(s["findings"])))
        for line in s["findings"][:20]:
            print("    " + line)
        if s["ended"]:
            print("monkey: %s: FAIL: %s (see %s/kiosk-%s.log)"
                  % (s["pack"], s["ended"], args.out, s["pack"]))
            bad += 1
        if s["findings"]:
            bad += 1
        if growth > GROWTH_MAX:
            print("monkey: %s: FAIL: memory grew %.1f %% (at most %d %%)"
                  % (s["pack"], growth * 100, GROWTH_MAX * 100))
            bad += 1
    print("monkey: %d taps in %.1f minutes (seed %d%s): %s"
          % (total_taps, args.minutes, args.seed,
             ", frames painted" if args.paint else "",
             "FAIL" if bad else "ok"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
