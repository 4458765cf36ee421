"""Small helpers to lay out A4 flyer pages (1240x1754 px, 150 dpi) with ImageMagick."""
import os, subprocess, tempfile

W, H = 1240, 1754
M = 110                      # side margin
CW = W - 2 * M               # content width
TMP = tempfile.mkdtemp(prefix="flyer-")
_n = [0]
REG, BOLD = "DejaVu-Sans", "DejaVu-Sans-Bold"


def _tmp():
    _n[0] += 1
    return os.path.join(TMP, "b%03d.png" % _n[0])


def run(*args):
    subprocess.run(["convert", *args], check=True)


def size(path):
    out = subprocess.run(["identify", "-format", "%w %h", path], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1])


def text(s, pt=40, font=REG, fg="#1B2B2B", bg="white", width=CW, pad=0, gravity="West"):
    """A wrapped text block; pad adds coloured room around it."""
    p = _tmp()
    run("-background", bg, "-fill", fg, "-font", font, "-pointsize", str(pt),
        "-interline-spacing", str(pt // 4), "-gravity", gravity,
        "-size", "%dx" % (width - 2 * pad), "caption:" + s,
        "-bordercolor", bg, "-border", str(pad), p)
    return p


def gap(h, bg="white", width=CW):
    p = _tmp()
    run("-size", "%dx%d" % (width, h), "xc:" + bg, p)
    return p


def stack(blocks, bg="white", width=CW):
    p = _tmp()
    run("-background", bg, *blocks, "-gravity", "West", "-append",
        "-gravity", "NorthWest", "-extent", "%dx" % width, p)
    return p


def beside(blocks, bg="white"):
    p = _tmp()
    run("-background", bg, *blocks, "-gravity", "North", "+append", p)
    return p


def picture(path, width=CW):
    """The picture scaled to width, centred in the content column."""
    p = _tmp()
    run(path, "-resize", "%dx" % width, "-background", "white", "-gravity", "center",
        "-extent", "%dx" % CW, p)
    return p


def numbered(n, title, body, col, light):
    """A light box with a big number in a circle, a question and a line."""
    disc = _tmp()
    run("-size", "130x130", "xc:" + light, "-fill", col, "-draw", "circle 65,65 65,5",
        "-fill", "white", "-font", BOLD, "-pointsize", "76", "-gravity", "center",
        "-annotate", "+0+0", str(n), disc)
    inner = CW - 130 - 3 * 30
    right = stack([text(title, 54, BOLD, col, light, inner), gap(8, light, inner),
                   text(body, 36, REG, "#1B2B2B", light, inner)], light, inner)
    row = beside([gap(30, light, 30), disc, gap(30, light, 30), right, gap(30, light, 30)], light)
    return stack([gap(24, light), row, gap(24, light)], light)


def page(blocks, out, band=None, footer=None, top=M):
    """Stacks blocks under an optional full-width band and adds a footer."""
    body = stack(blocks)
    bw, bh = size(body)
    args = ["-size", "%dx%d" % (W, H), "xc:white"]
    y = top
    if band:
        bandw, bandh = size(band)
        args += [band, "-geometry", "+0+0", "-composite"]
        y = bandh + 60
    if y + bh > H - 110:
        raise SystemExit("%s: content too tall (%d px, room %d)" % (out, bh, H - 110 - y))
    args += [body, "-geometry", "+%d+%d" % (M, y), "-composite"]
    if footer:
        args += ["-fill", "#555555", "-font", REG, "-pointsize", "26",
                 "-gravity", "South", "-annotate", "+0+50", footer]
    run(*args, "-strip", out)
    return out
