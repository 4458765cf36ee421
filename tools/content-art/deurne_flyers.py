"""Flyers for the Deurne pack: a JPEG poster and a PNG list of the twelve organisations."""
import os
from flyerlib import *

OUT = "/work/main/content/deurne/folders"
D, LIGHT, DARK = "#8A1C3C", "#F6E9EC", "#1B2B2B"
TABLE = "/work/main/content/deurne/aan-tafel/tafel.png"


def band(lines):
    blocks = [text(s, pt, f, "white", D, W - 2 * M) for s, pt, f in lines]
    inner = stack([gap(64, D, W - 2 * M)] + blocks + [gap(56, D, W - 2 * M)], D, W - 2 * M)
    return beside([gap(M, D, M), inner, gap(M, D, M)], D)


poster = page([
    picture(TABLE, 780), gap(30),
    text("Bij elke vraag stellen we drie vragen:", 42, REG, DARK), gap(20),
    text("1.  Wat wil je?\n2.  Wat kan je zelf?\n3.  Wat heb je nodig?", 60, BOLD, D, LIGHT, pad=36), gap(36),
    text("Het gesprek is bij u thuis, aan de keukentafel. U houdt zelf de regie.", 40, REG, DARK), gap(30),
    text("Vragen? Mail vraag@proeftuin-deurne.example\nof bel 0493 00 00 00.", 40, BOLD, D),
], os.path.join(TMP, "deurne.png"), band=band([("Proeftuin Deurne", 96, BOLD),
                                           ("Twaalf organisaties, samen aan tafel", 50, REG)]),
   footer="Voorbeeldfolder voor de wijkkiosk. Het mailadres en het telefoonnummer zijn verzonnen.")
run(poster, "-quality", "82", "-sampling-factor", "4:2:0", "-interlace", "none",
    os.path.join(OUT, "proeftuin-deurne.jpg"))

orgs = [("Gemeente Deurne", "de gemeente"), ("GGZ Oost Brabant", "hulp bij psychische problemen"),
        ("LEVgroep", "welzijnswerk en maatschappelijk werk"), ("BOW", "woningstichting"),
        ("De Zorgboog", "zorg en verpleging thuis"), ("Savant", "zorg voor ouderen"),
        ("Bijzonder Jeugdwerk", "jongerenwerk"), ("ORO", "steun bij een verstandelijke beperking"),
        ("SMO", "opvang voor mensen zonder vaste woonplek"), ("Senzer", "hulp bij werk"),
        ("Zorg in Deurne", "huisartsen en zorgverleners samen"), ("MEE", "iemand die met u meedenkt")]
half = (CW - 30) // 2
cells = []
for name, what in orgs:
    inner = half - 40
    cells.append(beside([gap(20, LIGHT, 20), stack([gap(14, LIGHT, inner),
                        text(name, 38, BOLD, D, LIGHT, inner),
                        text(what, 30, REG, DARK, LIGHT, inner), gap(14, LIGHT, inner)], LIGHT, inner),
                        gap(20, LIGHT, 20)], LIGHT))
rows = []
for i in range(0, len(cells), 2):
    # the same height for both cells in a row
    h = max(size(cells[i])[1], size(cells[i + 1])[1])
    a, b = [_c for _c in (cells[i], cells[i + 1])]
    for c in (a, b):
        run(c, "-background", LIGHT, "-gravity", "North", "-extent", "%dx%d" % (half, h), c)
    rows += [beside([a, gap(30, "white", 30), b]), gap(14)]
listing = page([
    text("Deze organisaties werken samen in de proeftuin:", 42, REG, DARK), gap(30)] + rows,
    os.path.join(TMP, "twaalf.png"), band=band([("Proeftuin Deurne", 46, REG), ("Wie doen mee?", 96, BOLD)]),
    footer="Proeftuin Deurne  ·  Vragen? Mail vraag@proeftuin-deurne.example")
run(listing, "-colors", "64", "PNG8:" + os.path.join(OUT, "twaalf-organisaties.png"))
