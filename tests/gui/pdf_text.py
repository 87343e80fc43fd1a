"""The text layer of a PDF that Qt's ``QPdfWriter`` wrote, read without a PDF library.

Qt writes each font as a Type0 font with Identity-H encoding and a ``/ToUnicode`` CMap, names it
in a page's content as ``/F<object number>``, and shows text with ``<hex> Tj``. This reads exactly
that: the objects, each font's CMap (``bfchar`` and ``bfrange``), and the text shown on each page,
in order. Enough to check what a sheet says; not a general PDF reader.
"""

from __future__ import annotations

import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
SHOW = re.compile(rb"/F(\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|\[(.*?)\]\s*TJ", re.S)


def _stream(body: bytes) -> bytes | None:
    if b"stream" not in body:
        return None
    data = body.split(b"stream", 1)[1].lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    return zlib.decompress(data) if b"/FlateDecode" in body.split(b"stream", 1)[0] else data


def _cmap(text: bytes) -> dict[int, str]:
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[.*?\])",
                                         block, re.S):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if target.startswith(b"["):            # one target a code: <lo> <hi> [<u1> <u2> …]
                for code, uni in zip(codes, re.findall(rb"<([0-9A-Fa-f]+)>", target)):
                    table[code] = bytes.fromhex(uni.decode()).decode("utf-16-be")
            else:                                   # consecutive: <lo> <hi> <first>
                first = int(target[1:-1], 16)
                for k, code in enumerate(codes):
                    table[code] = chr(first + k)
    return table


def pdf_pages(data: bytes) -> list[str]:
    """The text shown on each page of ``data``, glyph by glyph (spaces as the PDF has them)."""
    objects = {int(m.group(1)): m.group(2) for m in OBJECT.finditer(data)}
    cmaps = {}
    for number, body in objects.items():
        found = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if found and b"/Type0" in body:
            cmaps[number] = _cmap(_stream(objects[int(found.group(1))]) or b"")
    pages = []
    for body in objects.values():
        if not re.search(rb"/Type /Page\b(?!s)", body):
            continue
        contents = int(re.search(rb"/Contents (\d+) 0 R", body).group(1))
        font, text = {}, []
        for match in SHOW.finditer(_stream(objects[contents]) or b""):
            if match.group(1):
                font = cmaps.get(int(match.group(1)), {})
                continue
            hexes = [match.group(2)] if match.group(2) else re.findall(rb"<([0-9A-Fa-f]+)>", match.group(3))
            for h in hexes:
                codes = bytes.fromhex(h.decode())
                text.extend(font.get(int.from_bytes(codes[i:i + 2], "big"), "\ufffd")
                            for i in range(0, len(codes), 2))
        pages.append("".join(text))
    return pages
