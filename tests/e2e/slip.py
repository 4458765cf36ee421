#!/usr/bin/env python3
"""Reads printed slips back from the bytes a receipt printer would get.

usage: slip.py SLIPFILE OUTPREFIX

SLIPFILE holds one or more slips as the kiosk writes them (ESC @, GS v 0
raster bands, ESC d feed, GS V cut). Each slip is checked command by
command and written as OUTPREFIX-N.pbm (a plain bitmap every image tool
reads); prints one line a slip: "slip N: WIDTHxHEIGHT dots, B bands".
Exits 1, naming the byte offset, on anything a printer would not take.
"""
import sys


def fail(msg):
    print("slip.py: " + msg, file=sys.stderr)
    sys.exit(1)


def parse(data):
    slips = []
    at = 0
    while at < len(data):
        if data[at:at + 2] != b"\x1b@":
            fail("byte %d: a slip must start with ESC @" % at)
        at += 2
        width_bytes = None
        rows = []
        bands = 0
        while data[at:at + 3] == b"\x1dv0":
            if at + 8 > len(data):
                fail("byte %d: GS v 0 header cut short" % at)
            m, xl, xh, yl, yh = data[at + 3:at + 8]
            if m != 0:
                fail("byte %d: GS v 0 mode %d, wanted 0 (normal)" % (at, m))
            x = xl + 256 * xh
            y = yl + 256 * yh
            if x == 0 or y == 0:
                fail("byte %d: empty band" % at)
            if width_bytes is not None and x != width_bytes:
                fail("byte %d: band %d bytes wide, earlier %d" %
                     (at, x, width_bytes))
            width_bytes = x
            at += 8
            if at + x * y > len(data):
                fail("byte %d: band of %d rows cut short" % (at, y))
            for r in range(y):
                rows.append(data[at + r * x:at + (r + 1) * x])
            at += x * y
            bands += 1
        if not bands:
            fail("byte %d: no raster (GS v 0) in the slip" % at)
        if data[at:at + 2] != b"\x1bd" or at + 3 > len(data):
            fail("byte %d: wanted ESC d (feed) after the raster" % at)
        at += 3
        if data[at:at + 2] != b"\x1dV" or at + 3 > len(data):
            fail("byte %d: wanted GS V (cut) at the end" % at)
        if data[at + 2] not in (0, 1, 48, 49):
            fail("byte %d: unknown cut %d" % (at, data[at + 2]))
        at += 3
        slips.append((width_bytes * 8, rows, bands))
    if not slips:
        fail("no slip in the file")
    return slips


def main():
    if len(sys.argv) != 3:
        fail("usage: slip.py SLIPFILE OUTPREFIX")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    for n, (width, rows, bands) in enumerate(parse(data), 1):
        # P4: rows of whole bytes, 1 = black, most significant bit left:
        # the printer's raster as it is
        with open("%s-%d.pbm" % (sys.argv[2], n), "wb") as out:
            out.write(b"P4\n%d %d\n" % (width, len(rows)))
            out.write(b"".join(rows))
        print("slip %d: %dx%d dots, %d bands" % (n, width, len(rows), bands))


main()
