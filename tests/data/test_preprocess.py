"""Drawing -> MNIST input: the properties of MNIST's own preparation, measured.

Tolerances were measured. The same strokes drawn at any size from 30 to 250 px and any place on
a 280x280 canvas give inputs with correlation >= 0.980 and mean absolute difference <= 0.030
(800 random pairs); the worst pair on a grid of sizes and half-pixel offsets reached 0.967 and
0.038 (a "2" drawn 30 px tall). Single pixels can differ by up to ~0.4: a stroke edge along the
pixel grid lands at a different sub-pixel phase after scaling, which no anti-aliased 28x28 image
can hide, so we do not bound the largest pixel difference.
"""

from __future__ import annotations

import numpy as np
import pytest
from digit_strokes import DIGITS, render
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annviz.data import canvas_to_mnist, centre_of_mass, load_dataset
from annviz.data.preprocess import drawing_problem, stroke_width

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def assert_same_input(a: np.ndarray, b: np.ndarray, min_correlation: float = 0.96) -> None:
    assert correlation(a, b) > min_correlation
    assert np.abs(a - b).mean() < 0.04


def bounding_box(image: np.ndarray, threshold: float = 0.05) -> tuple[int, int]:
    rows = np.flatnonzero((image > threshold).any(axis=1))
    cols = np.flatnonzero((image > threshold).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


# --- the output ----------------------------------------------------------------------------------

@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_output_is_float32_28x28_in_unit_range_centred(digit: str) -> None:
    x = canvas_to_mnist(render(digit))
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert x.min() >= 0.0 and x.max() <= 1.0 and x.max() > 0.9
    row, col = centre_of_mass(x)  # MNIST's convention: pixel i is at i, the centre is (14, 14)
    assert abs(row - 14.0) < 1e-3 and abs(col - 14.0) < 1e-3
    assert max(bounding_box(x)) in (20, 21)  # the longer side fills the 20 px box


def test_aspect_ratio_is_kept() -> None:
    canvas = np.zeros((300, 300), np.uint8)
    canvas[50:250, 100:200] = 255  # a bar twice as tall as wide
    x = canvas_to_mnist(canvas)
    height, width = bounding_box(x)  # one more where the sub-pixel shift straddles a pixel
    assert height in (20, 21) and width in (10, 11)
    assert x.sum() == pytest.approx(20 * 10, rel=1e-4)  # all the ink of a 20 x 10 bar


def test_small_in_a_corner_equals_large_in_the_middle() -> None:
    small = render("4", size=45, top=3, left=228)
    large = render("4", size=230, top=25, left=20)
    assert_same_input(canvas_to_mnist(small), canvas_to_mnist(large), min_correlation=0.98)


@SETTINGS
@given(digit=st.sampled_from(sorted(DIGITS)),
       sizes=st.tuples(st.floats(30, 250), st.floats(30, 250)),
       places=st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1)))
def test_any_size_and_place_of_the_same_strokes_gives_the_same_input(digit, sizes, places):
    inputs = []
    for size, (u, v) in zip(sizes, (places[:2], places[2:])):
        margin = 0.1 * size  # the pen reaches 0.03 * size beyond the unit square: stay inside
        room = 280 - size - 2 * margin
        top, left = margin + u * room, margin + v * room
        inputs.append(canvas_to_mnist(render(digit, size=size, top=top, left=left)))
    assert_same_input(*inputs)


@SETTINGS
@given(digit=st.sampled_from(sorted(DIGITS)), down=st.integers(-40, 40),
       right=st.integers(-40, 40))
def test_moving_by_whole_pixels_changes_nothing(digit: str, down: int, right: int) -> None:
    original = canvas_to_mnist(render(digit, size=150, top=60, left=60))
    moved = canvas_to_mnist(render(digit, size=150, top=60 + down, left=60 + right))
    np.testing.assert_allclose(moved, original, atol=1e-5)


# --- paper, ink and pixel formats ---------------------------------------------------------------

@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_dark_on_light_equals_light_on_dark(digit: str) -> None:
    dark_ink = canvas_to_mnist(render(digit, light_on_dark=False))
    light_ink = canvas_to_mnist(render(digit, light_on_dark=True))
    np.testing.assert_allclose(dark_ink, light_ink, atol=1e-5)


def test_float_grey_and_colour_inputs_agree_with_uint8() -> None:
    grey = render("2")
    expected = canvas_to_mnist(grey)
    np.testing.assert_allclose(canvas_to_mnist(grey / 255.0), expected, atol=1e-5)
    rgb = np.repeat(grey[:, :, None], 3, axis=2)
    np.testing.assert_allclose(canvas_to_mnist(rgb), expected, atol=1e-4)
    transparent = np.zeros(grey.shape + (4,), np.uint8)  # black ink on clear paper
    transparent[:, :, 3] = 255 - grey
    np.testing.assert_allclose(canvas_to_mnist(transparent), expected, atol=1e-4)


def test_grey_paper_and_faint_pencil_still_work() -> None:
    grey = render("7").astype(np.float32) / 255.0  # 1 = paper, 0 = ink
    pencil_on_grey_paper = 0.8 - 0.4 * (1.0 - grey)  # paper 0.8, darkest ink 0.4
    np.testing.assert_allclose(canvas_to_mnist(pencil_on_grey_paper),
                               canvas_to_mnist(grey), atol=1e-4)


def test_faint_noise_does_not_grow_the_box() -> None:
    rng = np.random.default_rng(0)
    clean = render("2", size=120, top=80, left=80).astype(np.int16)
    noisy = np.clip(clean + rng.integers(-6, 7, clean.shape), 0, 255).astype(np.uint8)
    assert_same_input(canvas_to_mnist(noisy), canvas_to_mnist(clean.astype(np.uint8)))


@pytest.mark.parametrize("blank", [
    np.zeros((280, 280), np.uint8), np.full((280, 280), 255, np.uint8),
    np.full((50, 70), 0.37, np.float32), np.full((28, 28, 3), 200, np.uint8),
    np.random.default_rng(1).integers(250, 256, (280, 280)).astype(np.uint8),
])
def test_blank_image_gives_none(blank: np.ndarray) -> None:
    assert canvas_to_mnist(blank) is None


def test_bad_shape_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="expected a grey"):
        canvas_to_mnist(np.zeros((2, 3, 5, 7)))


# --- real MNIST ----------------------------------------------------------------------------------

def test_mnist_digits_come_back_nearly_unchanged() -> None:
    """MNIST is already boxed and centred, but to whole pixels: we move it by < 0.5 px."""
    images = load_dataset("mnist").test_images[:1000]
    outputs = [canvas_to_mnist(image) for image in images]
    scores = np.array([correlation(x, image) for x, image in zip(outputs, images)])
    assert np.median(scores) > 0.95  # measured 0.970
    assert np.percentile(scores, 5) > 0.88  # measured 0.910
    assert scores.min() > 0.8  # measured 0.844
    for x in outputs[:100]:
        assert np.abs(np.array(centre_of_mass(x)) - 14.0).max() < 0.1  # 0.05: ink off the edge


def test_mnist_centre_of_mass_convention() -> None:
    """The convention we copy: MNIST's mean centre of mass is pixel (14, 14)."""
    images = load_dataset("mnist").train_images[:2000].astype(np.float64)
    centres = np.array([centre_of_mass(image) for image in images])
    np.testing.assert_allclose(centres.mean(axis=0), [14.0, 14.0], atol=0.05)
    assert np.abs(centres - 14.0).max() <= 0.51  # shifted by whole pixels


def test_centre_of_mass() -> None:
    image = np.zeros((5, 7))
    image[1, 2] = 1.0
    image[3, 6] = 3.0
    assert centre_of_mass(image) == pytest.approx((2.5, 5.0))
    with pytest.raises(ValueError, match="no mass"):
        centre_of_mass(np.zeros((3, 3)))


# --- drawings that cannot be prepared like MNIST -------------------------------------------------

def test_mnist_digits_have_no_drawing_problem() -> None:
    images = load_dataset("mnist").test_images[:2000]
    problems = [drawing_problem(image, canvas_to_mnist(image)) for image in images]
    assert sum(p is not None for p in problems) / len(images) < 0.03


@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_a_pad_sized_digit_with_the_usual_brush_is_fine(digit: str) -> None:
    canvas = render(digit, size=200, pen=11 / 200)          # the pad's brush: 22 px wide
    assert drawing_problem(canvas, canvas_to_mnist(canvas)) is None


@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_a_tiny_digit_or_a_dot_is_too_small(digit: str) -> None:
    tiny = render(digit, size=40, top=100, left=100, pen=11 / 40)
    assert drawing_problem(tiny, canvas_to_mnist(tiny)) == "small"
    y, x = np.mgrid[0:280, 0:280]
    dot = np.where(np.hypot(x - 140, y - 140) < 11, 0, 255).astype(np.uint8)
    assert drawing_problem(dot, canvas_to_mnist(dot)) == "small"


@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_a_hairline_digit_is_too_thin(digit: str) -> None:
    canvas = render(digit, size=240, top=20, left=20, pen=1.5 / 240)
    prepared = canvas_to_mnist(canvas)
    assert stroke_width(prepared) < 1.0
    assert drawing_problem(canvas, prepared) == "thin"


def test_stroke_width_of_a_drawn_bar() -> None:
    bar = np.zeros((28, 28), np.float32)
    bar[4:24, 10:13] = 1.0                                  # 20 long, 3 wide
    assert stroke_width(bar) == pytest.approx(2 * 60 / 46)  # ≈ 3 (ends count too)
    assert stroke_width(np.zeros((28, 28))) == 0.0


def _area_matrix(n_in: int, scale: float) -> np.ndarray:
    """The box filter as a dense (n_out, n_in) matrix, in float64: output pixel i is the
    overlap-weighted mean of the input over [i/scale, (i+1)/scale)."""
    n_out = max(1, int(np.ceil(n_in * scale - 1e-6)))
    i, j = np.arange(n_out)[:, None], np.arange(n_in)[None, :]
    return np.clip(np.minimum((i + 1) / scale, j + 1) - np.maximum(i / scale, j), 0, None) * scale


@SETTINGS
@given(st.integers(1, 400), st.integers(1, 400), st.floats(0.01, 1.0))
def test_shrinking_is_the_exact_box_filter(h, w, scale) -> None:
    """The area averaging of a large drawing (done without a matrix product) equals the box
    filter written as matrices, to float32 precision."""
    from annviz.data.preprocess import _resize_area

    image = np.random.default_rng(h * 1000 + w).random((h, w)).astype(np.float32)
    expected = _area_matrix(h, scale) @ image.astype(np.float64) @ _area_matrix(w, scale).T
    np.testing.assert_allclose(_resize_area(image, scale), expected, atol=1e-5)


def test_shrinking_by_a_whole_factor_is_the_mean_of_each_block() -> None:
    from annviz.data.preprocess import _resize_area

    image = np.random.default_rng(0).random((280, 140)).astype(np.float32)
    blocks = image.reshape(20, 14, 10, 14).mean(axis=(1, 3))
    np.testing.assert_allclose(_resize_area(image, 1 / 14), blocks, atol=1e-6)
def test_a_dash_is_flat_and_a_large_scribble_a_blob_not_small() -> None:
    dash = np.full((280, 280), 255, np.uint8)
    dash[135:147, 40:240] = 0                                  # 200 wide, 12 high
    assert drawing_problem(dash, canvas_to_mnist(dash)) == "flat"
    scribble = np.full((280, 280), 255, np.uint8)
    for k in range(0, 200, 14):                                # thick lines close together
        scribble[40 + k:50 + k, 40:240] = 0
    scribble[40:240, 40:50] = scribble[40:240, 230:240] = 0
    assert drawing_problem(scribble, canvas_to_mnist(scribble)) == "blob"
    one = np.full((280, 280), 255, np.uint8)
    one[40:240, 128:152] = 0                                   # a 1: as narrow as the dash is low, but upright
    assert drawing_problem(one, canvas_to_mnist(one)) is None
