"""Fills in a demo pack's survey by touch, as an inhabitant would.

Drives the kiosk through `--script -`: reads every screen with `list`,
taps the first answer of each question (or types on the on-screen keyboard
or number pad when the question asks for text or a number), and goes on
until the thank-you screen. Exits 0 when the kiosk thanked the visitor and
said the answers were saved; prints the questions it answered.

Usage: survey.py KIOSK PACK DATA LANG [TEXT]. With TEXT, every open
question gets TEXT through the script runner's `type` (the log test types
a unique text and looks for it in the kiosk's log).
"""
import subprocess
import sys

kiosk, pack, data, lang = sys.argv[1:5]
typed = sys.argv[5] if len(sys.argv) > 5 else None
p = subprocess.Popen([kiosk, "--content", pack, "--data", data,
                      "--date", "2026-11-24", "--script", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     text=True, bufsize=1)

CHROME = {"Terug", "Beginscherm", "Lees voor", "Taal", "Grotere letters",
          "Back", "Home", "Read aloud", "Language", "Larger text",
          "Stoppen", "Stop", "Volgende", "Next", "Versturen", "Send",
          "Vorige", "Previous", "hoofdletter", "capital", "wissen",
          "delete", "spatie", "space", "é ë ü", "abc"}


def send(cmd):
    p.stdin.write(cmd + "\n")
    p.stdin.flush()


def screen():
    send("list")
    taps, texts = [], []
    for line in p.stdout:
        line = line.rstrip("\n")
        if line == "end":
            return taps, texts
        kind, _, rest = line.partition(": ")
        (taps if kind == "tap" else texts).append(rest)
    sys.exit("kiosk ended before 'end'")


def tap(label):
    send('tap "%s"' % label)


tap("Tik op het scherm om te beginnen")
if lang != "nl":
    tap("Taal")
    tap("English")
taps, texts = screen()
survey = "Survey" if lang != "nl" else "Enquête"
tap(survey)
taps, texts = screen()
tap("Start the survey" if lang != "nl" else "Begin de enquête")
asked = []
for _ in range(40):
    taps, texts = screen()
    if any(t.startswith("Dank u wel") or t.startswith("Thank you")
           for t in texts):
        break
    answers = [t for t in taps if t not in CHROME and len(t) > 1]
    digits = [t for t in taps if t.isdigit() and len(t) == 1]
    question = next((t for t in texts if t.endswith("?")), texts[0])
    asked.append(question)
    if "q" in taps and "w" in taps and typed:
        send('type "%s"' % typed)
    elif "q" in taps and "w" in taps and lang != "nl":
        # the script runner's `type` goes to the field that has the focus
        send('type "More benches, café"')
    elif "q" in taps and "w" in taps:
        # the keyboard: a short answer, with an accent and a capital
        tap("hoofdletter" if lang == "nl" else "capital")
        for key in ["M", "e", "e", "r", "spatie" if lang == "nl" else
                    "space", "b", "a", "n", "k", "e", "n"]:
            tap(key)
    elif "7" in digits and "q" not in taps:
        tap("1")
        tap("2")
    elif answers:
        tap(answers[0])
    nxt = [t for t in ("Volgende", "Versturen", "Next", "Send") if t in taps]
    taps, texts = screen()
    nxt = [t for t in ("Volgende", "Versturen", "Next", "Send") if t in taps]
    if not nxt:
        sys.exit("no way on from %r: %r %r" % (question, taps, texts))
    tap(nxt[0])
else:
    sys.exit("the survey did not end")
taps, texts = screen()
send("shot %s/thanks-%s.png" % (data, lang))
send("quit")
p.stdin.close()
rc = p.wait()
print("answered:", *asked, sep="\n  ")
saved = any("bewaard" in t or "saved" in t for t in texts)
failed = any("niet worden bewaard" in t or "could not" in t for t in texts)
sys.exit(0 if rc == 0 and saved and not failed else "not saved: %r" % texts)
