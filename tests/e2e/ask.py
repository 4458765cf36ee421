"""The QR codes of "Stel een vraag" and "Doe mee", as a phone would read them.

Drives the kiosk through a script, takes a screenshot of each screen with a
code, decodes it with zbarimg (a decoder the kiosk does not share) and
parses the payload back with Python's urllib: the address, subject and body
must be exactly what the visitor chose and typed, accents, case and emoji
intact. Usage: ask.py KIOSK PACK OUTDIR. Prints "ok ..." lines; exit 1 on
the first failure.
"""
import os
import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

KIOSK, PACK, OUT = sys.argv[1:4]
START = "Tik op het scherm om te beginnen"
TYPED = "Ça gaat 😊 niet — trap"


def run_script(name, lines):
    path = os.path.join(OUT, name + ".kscript")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    r = subprocess.run([KIOSK, "--content", PACK, "--data",
                        os.path.join(OUT, "data"), "--date", "2026-11-24",
                        "--script", path], capture_output=True, text=True,
                       timeout=300)
    if r.returncode != 0:
        sys.exit("not ok %s: kiosk exit %d\n%s" % (name, r.returncode, r.stderr))


def decode(png):
    r = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", png],
                       capture_output=True, timeout=60)
    if r.returncode != 0 or not r.stdout:
        sys.exit("not ok %s: zbarimg found no code" % png)
    return r.stdout.rstrip(b"\n").decode("utf-8")


def expect(what, got, want):
    if got != want:
        sys.exit("not ok %s:\n  got  %r\n  want %r" % (what, got, want))
    print("ok", what)


def shot(name):
    return os.path.join(OUT, name + ".png")


os.makedirs(OUT, exist_ok=True)

# a question about housing, by e-mail: choices with & ? % and accents, and
# typed text with an emoji and a dash
run_script("email", [
    'tap "%s"' % START, 'tap "Stel een vraag"', 'tap "Wonen & zo"',
    'tap "Een lift of één verdieping"', 'tap "100% zeker & snel"',
    'tap "Zelf iets typen"', 'type "%s"' % TYPED, 'tap "Klaar met typen"',
    'tap "Volgende"', 'tap "Zelf bellen"', 'tap "Volgende"',
    'tap "Wie kan helpen?"', 'expect "Opent een e-mail aan"',
    'shot %s' % shot("email"),
])
url = decode(shot("email"))
parts = urlsplit(url)
expect("the code opens an e-mail", parts.scheme, "mailto")
expect("to the address as the pack writes it, case kept",
       unquote(parts.path), "Vraag.Wonen@Wijk.example")
q = parse_qs(parts.query, keep_blank_values=True)
expect("with the pack's subject", q.get("subject"), ["Vraag over wonen #1"])
body = q.get("body", [""])[0]
expect("lines are CR LF", body.count("\r\n"), 2)
expect("the body holds the choices and the typed text", body.split("\r\n"), [
    "Hallo, ik heb een vraag over Wonen & zo.",
    "Wat ik wil: Een lift of één verdieping, 100% zeker & snel. " + TYPED,
    "Wat ik zelf kan: Zelf bellen",
])

# the same in Arabic: right-to-left text reaches the phone in its order
run_script("arabic", [
    'tap "%s"' % START, 'tap "Taal"', 'tap "العربية"',
    'tap "اطرح سؤالاً"', 'tap "السكن"', 'tap "مصعد"',
    'tap "التالي"', 'tap "التالي"', 'tap "من يستطيع أن يساعد؟"',
    'shot %s' % shot("arabic"),
])
q = parse_qs(urlsplit(decode(shot("arabic"))).query)
expect("an Arabic subject", q.get("subject"), ["سؤال عن السكن"])
expect("an Arabic body", q.get("body", [""])[0].split("\r\n")[1],
       "ما أريده: مصعد")

# WhatsApp: wa.me with the number in international digits only
run_script("whatsapp", [
    'tap "%s"' % START, 'tap "Stel een vraag"', 'tap "Geld"',
    'tap "Hulp met rekeningen"', 'tap "Volgende"', 'tap "Volgende"',
    'tap "Wie kan helpen?"', 'expect "Opent WhatsApp"',
    'shot %s' % shot("whatsapp"),
])
parts = urlsplit(decode(shot("whatsapp")))
expect("WhatsApp opens wa.me", (parts.scheme, parts.netloc),
       ("https", "wa.me"))
expect("the number as international digits", parts.path, "/31612345678")
expect("the message text", parse_qs(parts.query)["text"][0].split("\n")[0],
       "Hallo, ik heb een vraag over Geld.")

# a call: tel: in international form
run_script("phone", [
    'tap "%s"' % START, 'tap "Stel een vraag"', 'tap "Bellen"',
    'tap "Volgende"', 'tap "Volgende"', 'tap "Wie kan helpen?"',
    'expect "Belt 0412 00 00 00"', 'shot %s' % shot("phone"),
])
expect("a call in international form", decode(shot("phone")),
       "tel:+31412000000")

# "Ik doe mee": a message to the initiative
run_script("join", [
    'tap "%s"' % START, 'tap "Doe mee"', 'tap "Moestuin Één"',
    'tap "Ik doe mee"', 'shot %s' % shot("join"),
])
parts = urlsplit(decode(shot("join")))
expect("joining opens an e-mail to the initiative",
       (parts.scheme, unquote(parts.path)), ("mailto", "moestuin@wijk.example"))
expect("saying which initiative",
       parse_qs(parts.query)["subject"], ["Ik doe mee met Moestuin Één"])
