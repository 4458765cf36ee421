"""Writes a PDF with one full-page image per page, from non-interlaced PNG files.
The PNG data streams go into the PDF as they are (FlateDecode with the PNG
predictor), so text stays sharp and the file stays small."""
import struct, sys, zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, plte = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert interlace == 0, "interlaced PNG: " + path
        elif kind == b"PLTE":
            plte = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    colors = {0: 1, 2: 3, 3: 1}[ctype]  # grey, RGB, palette (no alpha)
    return w, h, depth, ctype, colors, plte, idat


def write_pdf(pngs, out, title="", author="", dpi=150):
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    pages = []
    catalog = add(None)
    pages_id = add(None)
    for p in pngs:
        w, h, depth, ctype, colors, plte, idat = read_png(p)
        if ctype == 3:
            cs = b"[/Indexed /DeviceRGB %d <%s>]" % (len(plte) // 3 - 1, plte.hex().encode())
        else:
            cs = b"/DeviceRGB" if ctype == 2 else b"/DeviceGray"
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                  b"/BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 15 "
                  b"/Colors %d /BitsPerComponent %d /Columns %d >> /Length %d >>\nstream\n"
                  % (w, h, cs, depth, colors, depth, w, len(idat)) + idat + b"\nendstream")
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        pages.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                         b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                         % (pages_id, pw, ph, img, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % i for i in pages), len(pages))
    info = add(b"<< /Title (%s) /Author (%s) >>" % (title.encode("latin-1"), author.encode("latin-1")))
    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        buf += b"%010d 00000 n \n" % off
    buf += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, info, xref)
    open(out, "wb").write(buf)


if __name__ == "__main__":
    write_pdf(sys.argv[2:], sys.argv[1])
