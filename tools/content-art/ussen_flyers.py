"""Flyers for the Ussen pack: the four-page Samenwerkwijze PDF and two PNG posters."""
import os, subprocess
from flyerlib import *
import pdfpack

OUT = "/work/main/content/ussen/folders"
T, LIGHT, DARK = "#0B4F54", "#E3F0EF", "#1B2B2B"
KITCHEN = "/work/main/content/ussen/stappen/stap2.png"
pages = []


def band(lines):
    blocks = [text(s, pt, f, "white", T, W - 2 * M) for s, pt, f in lines]
    inner = stack([gap(70, T, W - 2 * M)] + blocks + [gap(60, T, W - 2 * M)], T, W - 2 * M)
    return beside([gap(M, T, M), inner, gap(M, T, M)], T)


def head(s):
    return text(s, 70, BOLD, T)


def sub(s):
    return text(s, 46, BOLD, T)


def body(s, pt=40):
    return text(s, pt)


def foot(n):
    return "Proeftuin Ussen  ·  De Samenwerkwijze in het kort  ·  blad %d van 4" % n


def tmp_page(n):
    return os.path.join(TMP, "page%d.png" % n)


# 1: the cover
pages.append(page([
    picture(KITCHEN, 860), gap(40),
    body("Heeft u een vraag over uzelf, uw straat of de wijk? In deze folder leest u hoe we samen een antwoord zoeken.", 44),
    gap(50),
    text("U staat centraal.\nU houdt zelf de regie.", 60, BOLD, T),
], tmp_page(1), band=band([("Proeftuin Ussen", 46, REG), ("De Samenwerkwijze", 88, BOLD),
                           ("in het kort", 60, REG)]), footer=foot(1)))

# 2: the three questions
pages.append(page([
    head("Drie vragen"), gap(24),
    body("Bij elke vraag beginnen we met dezelfde drie vragen. U geeft de antwoorden. Wij luisteren."),
    gap(30),
    numbered(1, "Wat wil je?", "Wat vindt u belangrijk? Wat wilt u anders? U bepaalt waar het over gaat.", T, LIGHT),
    gap(30),
    numbered(2, "Wat kan je zelf?", "Wat lukt u al? Wie om u heen kan helpen? Denk aan familie, buren en vrienden.", T, LIGHT),
    gap(30),
    numbered(3, "Wat heb je nodig?", "Wat lukt niet alleen? Daar zoeken we samen hulp bij. Van de organisaties die bij uw vraag passen.", T, LIGHT),
    gap(40),
    sub("Voor u en voor de wijk"), gap(12),
    body("Een vraag kan over uzelf gaan. Bijvoorbeeld: \u201cIk kan mijn rekeningen niet meer bijhouden.\u201d "
         "Een vraag kan ook over uw straat gaan. Bijvoorbeeld: \u201cEr is hier geen plek voor jongeren.\u201d "
         "Voor allebei werken we op dezelfde manier.", 36),
], tmp_page(2), footer=foot(2)))

# 3: the kitchen table
pages.append(page([
    head("Aan de keukentafel"), gap(24),
    body("We praten bij u thuis, aan uw eigen tafel. Daar voelt u zich het best op uw gemak.", 38),
    gap(30), sub("Wie zitten er aan tafel?"), gap(10),
    body("\u2022  U zelf.\n\u2022  Mensen die u vertrouwt, zoals familie, een buurvrouw of een vriend.\n"
         "\u2022  Hulpverleners van de organisaties die bij uw vraag passen.", 36),
    gap(30), sub("Hoe gaat het gesprek?"), gap(10),
    body("We praten over de drie vragen. We denken vanuit uw vraag. Niet vanuit wat een organisatie toevallig aanbiedt. "
         "Zit er iets vast tussen organisaties? Dat lossen zij later zelf op, niet aan uw tafel.", 36),
    gap(30), sub("Leren door te doen"), gap(10),
    body("Bewoners, hulpverleners, managers en directeuren leren samen. Dat doen ze in de wijk, in het echt.", 36),
    gap(30), sub("Wat levert het op?"), gap(10),
    body("In de wijk Ruwaard werkten ze vijf jaar op deze manier. Bewoners kregen betere antwoorden. Er kwam meer contact in de wijk. "
         "Plannen van bewoners kregen meer steun. En het kostte minder geld. Sinds 2024 werken we ook in Ussen zo.", 36),
], tmp_page(3), footer=foot(3)))

# 4: asking a question, contact
def contact_box(title, big, small):
    inner = CW - 60
    return stack([gap(20, LIGHT), beside([gap(30, LIGHT, 30), stack([
        text(title + ":  " + big, 44, BOLD, T, LIGHT, inner), gap(6, LIGHT, inner),
        text(small, 36, REG, DARK, LIGHT, inner)], LIGHT, inner), gap(30, LIGHT, 30)], LIGHT),
        gap(20, LIGHT)], LIGHT)


english = stack([gap(26, T), beside([gap(30, T, 30), stack([
    text("In English", 40, BOLD, "white", T, CW - 60), gap(8, T, CW - 60),
    text("This leaflet explains how we work in Ussen. You can ask your question in English too. "
         "Send an e-mail to vraag@welzijn-ussen.example.", 34, REG, "white", T, CW - 60)], T, CW - 60),
    gap(30, T, 30)], T), gap(26, T)], T)

pages.append(page([
    head("Een vraag stellen"), gap(24),
    body("Elke vraag is welkom. U kunt ons op drie manieren bereiken."),
    gap(18),
    contact_box("Mail", "vraag@welzijn-ussen.example", "Uw mail gaat naar de contactpersoon van ONS welzijn."),
    gap(18),
    contact_box("Kom langs", "wijkcentrum", "Vraag naar de wijkwerker. Een afspraak is niet nodig."),
    gap(18),
    contact_box("Bel", "0412 00 00 00", "Op werkdagen van 9 tot 12 uur."),
    gap(30),
    sub("Wie doen mee?"), gap(10),
    body("ONS welzijn, GGZ, Brabant Zorg, Brabant Wonen en de gemeente Oss. "
         "Nieuws over de proeftuin leest u in de wijkkrant.", 36),
    gap(30), english, gap(24),
    text("Dit is een voorbeeldfolder voor de wijkkiosk. Het mailadres en het telefoonnummer zijn verzonnen.",
         28, REG, "#555555"),
], tmp_page(4), footer=foot(4)))

# palette PNGs keep the PDF small; then pack them
small = []
for i, p in enumerate(pages, 1):
    q = os.path.join(TMP, "pal%d.png" % i)
    run(p, "-colors", "64", "-define", "png:color-type=3", "-define", "png:bit-depth=8", "-interlace", "none", "PNG8:" + q)
    small.append(q)
pdfpack.write_pdf(small, os.path.join(OUT, "samenwerkwijze.pdf"), "De Samenwerkwijze in het kort", "Proeftuin Ussen")
subprocess.run(["cp"] + pages + ["/tmp/wk-gen/"], check=True)

# poster: the three questions, in Dutch with English beside it
def q_row(n, nl, en, line_nl, line_en):
    return numbered(n, nl, "%s\n%s" % (line_nl, en + " " + line_en), T, LIGHT)

poster = page([
    body("Bij elke vraag, over uzelf of over de wijk.\nFor every question, about you or about the neighbourhood.", 36),
    gap(30),
    numbered(1, "Wat wil je?", "Wat vindt u belangrijk?\nWhat do you want? What matters to you?", T, LIGHT),
    gap(30),
    numbered(2, "Wat kan je zelf?", "Wat lukt u al? Wie om u heen kan helpen?\nWhat can you do yourself? Who around you can help?", T, LIGHT),
    gap(30),
    numbered(3, "Wat heb je nodig?", "Waar zoeken we samen hulp bij?\nWhat do you need? What do we look for help with?", T, LIGHT),
    gap(30),
    text("Samen aan de keukentafel.\nTogether at the kitchen table.", 42, BOLD, T),
], os.path.join(TMP, "poster.png"), band=band([("De drie vragen", 100, BOLD), ("The three questions", 56, REG)]),
   footer="Proeftuin Ussen  ·  Vragen? Mail vraag@welzijn-ussen.example")
run(poster, "-colors", "64", "PNG8:" + os.path.join(OUT, "drie-vragen.png"))

survey = page([
    text("Wat vindt u van Ussen?", 72, BOLD, T), gap(10),
    text("What do you think of Ussen?", 44, REG, DARK), gap(40),
    body("Doe mee met de Enquête Proeftuin Ussen. Zo weten we wat de wijk nodig heeft.", 40), gap(24),
    body("\u2022  Uw naam vragen we niet.\n\u2022  Er zijn geen goede of foute antwoorden.\n"
         "\u2022  Elk antwoord helpt.", 40), gap(36),
    text("Scan de code bij deze folder op de kiosk. Of vraag ernaar in het wijkcentrum.",
         38, REG, DARK, LIGHT, pad=30), gap(36),
    text("Take part in our neighbourhood survey. We do not ask for your name. Scan the code next to this leaflet on the kiosk.",
         34, REG, DARK), gap(40),
    text("Doe mee tot en met 31 maart 2027.", 48, BOLD, T),
], os.path.join(TMP, "survey.png"), band=band([("Proeftuin Ussen", 46, REG), ("Wijkenquête", 100, BOLD)]),
   footer="Vragen? Mail vraag@welzijn-ussen.example")
run(survey, "-colors", "64", "PNG8:" + os.path.join(OUT, "enquete.png"))
