"""The activities flyer (PNG) of the small example pack content/voorbeeld."""
import sys
sys.path.insert(0, '/tmp/wk-gen')
from flyerlib import *
B_ = "#1F4E8C"; L = "#E8EEF6"


def band(lines):
    blocks = [text(s, pt, f, "white", B_, W - 2 * M) for s, pt, f in lines]
    inner = stack([gap(64, B_, W - 2 * M)] + blocks + [gap(56, B_, W - 2 * M)], B_, W - 2 * M)
    return beside([gap(M, B_, M), inner, gap(M, B_, M)], B_)


rows = []
for day, what in [("Maandag", "koffie-ochtend, 10 uur"), ("Dinsdag", "wandelclub, 14 uur"),
                  ("Woensdag", "repaircafé, 13 uur"), ("Donderdag", "samen koken, 17 uur"),
                  ("Vrijdag", "spelletjesmiddag, 14 uur")]:
    rows += [text(day + ":  " + what, 46, BOLD, B_, L, pad=28), gap(24)]
p = page([text("Iedereen is welkom. Meedoen is gratis.", 46, REG, "#1B2B2B"), gap(40)] + rows,
         TMP + "/act.png", band=band([("Wijkcentrum De Linde", 46, REG), ("Activiteiten", 100, BOLD)]),
         footer="Dit is een voorbeeld. Wijkcentrum De Linde is verzonnen.")
run(p, "-colors", "64", "PNG8:/work/main/content/voorbeeld/folders/activiteiten.png")
