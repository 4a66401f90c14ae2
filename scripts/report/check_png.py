#!/usr/bin/env python3
"""Checks that a PNG screenshot is plausible and not blank, with a small PNG reader (zlib + the five row filters),
no PIL needed. Usage: check_png.py FILE MIN_WIDTH MIN_HEIGHT. Prints 'WxH, N colours, X% non-white' and exits 1 when
the file is not a PNG, is smaller than asked, or is (nearly) one colour."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG layout: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xFF
            elif f == 2:
                line[x] = (line[x] + b) & 0xFF
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    path, min_w, min_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        width, height, bpp, rows = read_png(path)
    except Exception as error:  # noqa: BLE001 - any failure to read is a failed check
        print(f"{path}: {error}")
        return 1
    colours, non_white, total = set(), 0, 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            px = row[x:x + 3]
            colours.add(px)
            total += 1
            if px != b"\xff\xff\xff":
                non_white += 1
    share = 100.0 * non_white / max(total, 1)
    print(f"{width}x{height}, {len(colours)} colours, {share:.1f}% non-white")
    if width < min_w or height < min_h:
        print(f"smaller than {min_w}x{min_h}")
        return 1
    if len(colours) < 8 or share < 2.0:
        print("blank or nearly blank")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
