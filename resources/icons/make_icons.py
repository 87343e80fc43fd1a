"""Draw annviz's icon: resources/icons/annviz.svg and PNGs of 16 to 256 pixels, from one drawing.

A small network on a dark rounded square: three input neurons, two hidden ones, one output neuron
lit up (the answer); edges orange for positive weights and blue for negative, as in the app's
diagram. The PNGs are drawn at 4 × 256 pixels with Pillow and scaled down (anti-aliased).

    python resources/icons/make_icons.py     # rewrites the files beside it
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
UNIT = 256  # the drawing's coordinates: a 256 × 256 square

BACKGROUND, CORNER = "#20263a", 48
POSITIVE, NEGATIVE = "#f28e2b", "#4e79a7"
NEURON, OUTLINE, ANSWER = "#eef1f6", "#20263a", "#ffd166"
EDGE_WIDTH = 12

INPUTS = [(60, 64), (60, 128), (60, 192)]
HIDDEN = [(128, 96), (128, 160)]
OUTPUT = (196, 128)
# (from, to, positive?) — a mix of signs, as a trained layer has
EDGES = [(INPUTS[0], HIDDEN[0], True), (INPUTS[1], HIDDEN[0], False), (INPUTS[2], HIDDEN[0], True),
         (INPUTS[0], HIDDEN[1], False), (INPUTS[1], HIDDEN[1], True), (INPUTS[2], HIDDEN[1], True),
         (HIDDEN[0], OUTPUT, True), (HIDDEN[1], OUTPUT, False)]
# (centre, radius, fill)
NEURONS = [*((p, 20, NEURON) for p in INPUTS), *((p, 22, NEURON) for p in HIDDEN), (OUTPUT, 28, ANSWER)]
RING = 5  # the dark ring around each neuron, over the edges


def svg() -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{UNIT}" height="{UNIT}" '
             f'viewBox="0 0 {UNIT} {UNIT}">',
             '  <title>annviz</title>',
             f'  <rect width="{UNIT}" height="{UNIT}" rx="{CORNER}" fill="{BACKGROUND}"/>']
    for (x1, y1), (x2, y2), positive in EDGES:
        parts.append(f'  <line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{POSITIVE if positive else NEGATIVE}" '
                     f'stroke-width="{EDGE_WIDTH}" stroke-linecap="round"/>')
    for (x, y), r, fill in NEURONS:
        parts.append(f'  <circle cx="{x}" cy="{y}" r="{r}" fill="{fill}" stroke="{OUTLINE}" '
                     f'stroke-width="{RING}"/>')
    return "\n".join(parts + ["</svg>", ""])


def png(size: int, oversample: int = 4) -> Image.Image:
    big = UNIT * oversample
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def s(v: float) -> float:
        return v * oversample

    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=s(CORNER), fill=BACKGROUND)
    for (x1, y1), (x2, y2), positive in EDGES:
        colour = POSITIVE if positive else NEGATIVE
        draw.line((s(x1), s(y1), s(x2), s(y2)), fill=colour, width=round(s(EDGE_WIDTH)))
        for x, y in ((x1, y1), (x2, y2)):  # round caps, as in the SVG
            r = s(EDGE_WIDTH) / 2
            draw.ellipse((s(x) - r, s(y) - r, s(x) + r, s(y) + r), fill=colour)
    for (x, y), r, fill in NEURONS:
        outer, inner = s(r + RING / 2), s(r - RING / 2)
        draw.ellipse((s(x) - outer, s(y) - outer, s(x) + outer, s(y) + outer), fill=OUTLINE)
        draw.ellipse((s(x) - inner, s(y) - inner, s(x) + inner, s(y) + inner), fill=fill)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "annviz.svg").write_text(svg(), encoding="utf-8")
    for size in SIZES:
        png(size).save(OUT / f"annviz-{size}.png", optimize=True)
    print(f"wrote annviz.svg and {len(SIZES)} PNGs in {OUT}")


if __name__ == "__main__":
    main()
