"""My digits: the 0/ … 9/ folder store round-trips, and a digit's side never changes."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from annviz.data.datasets import load_dataset
from annviz.data.images import read_image, write_png
from annviz.data.mydigits import HELD_OUT, INDEX_NAME, TRAIN, DigitFolder, DigitStore, MyDigitsError, holds_out
from annviz.data.preprocess import canvas_to_mnist


def pad_drawing(i: int) -> tuple[np.ndarray, int]:
    """MNIST test digit i as the pad draws: 280×280 uint8, white ink on black; and its label."""
    ds = load_dataset("mnist")
    return np.kron(ds.test_images[i], np.ones((10, 10), np.uint8)), int(ds.test_labels[i])


def first_of(label: int, n: int) -> list[np.ndarray]:
    ds = load_dataset("mnist")
    where = np.flatnonzero(ds.test_labels == label)[:n]
    return [pad_drawing(int(i))[0] for i in where]


def sides(folder) -> dict[str, bool]:
    return {d.key: d.held_out for d in folder.digits}


def test_every_fifth_digit_of_a_label_is_held_out():
    assert [holds_out(n, n // 5 - (n % 5 == 0), 0.2) for n in range(1, 11)] == [
        False, False, False, False, True, False, False, False, False, True]


def test_adding_writes_the_drawing_into_its_label_folder_and_the_side_into_the_index(tmp_path):
    store = DigitStore(tmp_path / "mine")
    added = [store.add(image, 3) for image in first_of(3, 10)]
    assert [d.held_out for d in added] == [False] * 4 + [True] + [False] * 4 + [True]
    files = sorted(p.name for p in (tmp_path / "mine" / "3").iterdir())
    assert files == sorted(d.path.name for d in added) and all(f.endswith(".png") for f in files)
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["3", INDEX_NAME]
    assert np.array_equal(read_image(added[0].path), first_of(3, 1)[0])  # the original drawing
    index = json.loads((tmp_path / "mine" / INDEX_NAME).read_text())
    assert index["format_version"] == 1
    assert index["digits"][added[4].key] == {"side": HELD_OUT}
    assert index["digits"][added[0].key] == {"side": TRAIN}
    again = DigitFolder(tmp_path / "mine")
    assert sides(again) == sides(store) and again.problems == []
    assert again.counts()[3].tolist() == [8, 2]


def test_relabel_moves_the_file_and_keeps_its_side_remove_deletes_it(tmp_path):
    store = DigitStore(tmp_path)
    digits = [store.add(image, 1) for image in first_of(7, 5)]   # drawn 7s, labelled 1 by mistake
    held = digits[4]
    assert held.held_out
    moved = store.relabel(held, 7)
    assert moved.held_out and moved.label == 7 and not held.path.exists()
    assert moved.path.parent == tmp_path / "7" and moved.path.name == held.path.name
    store.remove(digits[0])
    assert not digits[0].path.exists()
    reopened = DigitFolder(tmp_path)
    assert sides(reopened) == {d.key: d.held_out for d in [*digits[1:4], moved]}
    assert [d.label for d in reopened.digits] == [1, 1, 1, 7]


def test_a_digits_side_never_changes_whatever_is_added_or_removed_later(tmp_path):
    store = DigitStore(tmp_path)
    images = first_of(2, 30)
    first = [store.add(image, 2) for image in images[:10]]
    decided = sides(store)
    for d in first[:4]:          # remove most of the training digits ...
        store.remove(d)
    for image in images[10:]:    # ... and add many more
        store.add(image, 2)
    later = sides(DigitStore(tmp_path))
    assert all(later[key] == side for key, side in decided.items() if key in later)
    held = sum(later.values())
    assert held == 5 == int(len(later) * 0.2 + 0.5)  # the share stays near a fifth


def test_the_inputs_are_the_drawings_prepared_as_mnist_was_and_trained_apart_from_held_out(tmp_path):
    store = DigitStore(tmp_path)
    for label in (0, 6):
        for image in first_of(label, 5):
            store.add(image, label)
    x, y = store.inputs(held_out=False)
    hx, hy = store.inputs(held_out=True)
    assert x.shape == (8, 784) and x.dtype == np.float32 and hx.shape == (2, 784)
    assert sorted(y.tolist()) == [0] * 4 + [6] * 4 and sorted(hy.tolist()) == [0, 6]
    expected = [canvas_to_mnist(read_image(d.path)).reshape(-1) for d in store.digits if not d.held_out]
    assert np.array_equal(x, np.array(expected))
    train_rows = {row.tobytes() for row in x}
    assert not any(row.tobytes() in train_rows for row in hx)


def test_a_folder_made_by_another_tool_is_split_the_same_way_each_time_and_left_untouched(tmp_path):
    for label in range(3):
        (tmp_path / str(label)).mkdir()
        for k, image in enumerate(first_of(label, 10)):
            write_png(tmp_path / str(label) / f"img{k:02}.png", 255 - image)  # dark on light
    before = sorted(os.listdir(tmp_path))
    a, b = DigitFolder(tmp_path), DigitFolder(tmp_path)
    assert sides(a) == sides(b) and sorted(os.listdir(tmp_path)) == before  # no index written
    assert a.counts()[:3, 1].tolist() == [2, 2, 2]
    assert {k for k, v in sides(a).items() if v} != {f"{d}/img{k:02}.png" for d in range(3) for k in (4, 9)}
    assert DigitFolder(tmp_path, held_out_share=0.5).counts()[:3, 1].tolist() == [5, 5, 5]
    store = DigitStore(tmp_path)   # adopting the folder records the sides it decided
    assert sides(store) == sides(a) and (tmp_path / INDEX_NAME).is_file()


def test_what_is_not_a_digit_is_reported_and_skipped_or_one_error_when_strict(tmp_path):
    (tmp_path / "3").mkdir()
    (tmp_path / "cats").mkdir()
    write_png(tmp_path / "3" / "good.png", first_of(3, 1)[0])
    (tmp_path / "3" / "notes.txt").write_text("hello")
    (tmp_path / "3" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"rubbish" * 10)
    write_png(tmp_path / "3" / "blank.png", np.zeros((50, 50), np.uint8))
    (tmp_path / "3" / ".DS_Store").write_bytes(b"\0")
    folder = DigitFolder(tmp_path)
    x, y = folder.inputs(held_out=False)
    assert y.tolist() == [3] and len(folder.digits) == 3   # good, broken, blank are images by name
    text = "\n".join(folder.problems)
    assert len(folder.problems) == 4
    for name, why in [("cats", "not a digit folder"), ("notes.txt", "not an image"),
                      ("broken.png", "damaged"), ("blank.png", "blank")]:
        assert f"{tmp_path / ('' if name == 'cats' else '3') / name}".rstrip("/") in text and why in text
    with pytest.raises(MyDigitsError, match="notes.txt: is not an image .*webp.$"):
        DigitFolder(tmp_path, strict=True)
    (tmp_path / "3" / "notes.txt").unlink()
    with pytest.raises(MyDigitsError, match="cats: is not a digit folder"):
        DigitFolder(tmp_path, strict=True)
    (tmp_path / "cats").rmdir()
    strict = DigitFolder(tmp_path, strict=True)
    with pytest.raises(MyDigitsError, match="blank.png: is blank"):
        strict.inputs(held_out=False)
    with pytest.raises(MyDigitsError, match="no such folder"):
        DigitFolder(tmp_path / "missing")


@pytest.mark.parametrize("content,why", [
    ("{not json", "not valid JSON"),
    ('{"format_version": 9, "digits": {}}', "newer than this annviz reads"),
    ('{"format_version": 1, "digits": {"3/a.png": {"side": "maybe"}}}', "has no side"),
    ('[1, 2]', "not a JSON object"),
])
def test_a_damaged_index_is_reported_and_the_sides_decided_again(tmp_path, content, why):
    store = DigitStore(tmp_path)
    for image in first_of(5, 5):
        store.add(image, 5)
    (tmp_path / INDEX_NAME).write_text(content)
    with pytest.raises(MyDigitsError, match=why):
        DigitFolder(tmp_path, strict=True)
    again = DigitStore(tmp_path)
    assert any(why in p and INDEX_NAME in p for p in again.problems)
    assert again.counts()[5].tolist() == [4, 1]
    assert DigitFolder(tmp_path).problems == []   # the index was written afresh


def test_export_and_import_round_trip_through_the_same_layout(tmp_path):
    store = DigitStore(tmp_path / "mine")
    for label in (1, 9):
        for image in first_of(label, 6):
            store.add(image, label)
    assert store.export_folder(tmp_path / "export") == 12
    exported = DigitFolder(tmp_path / "export")
    assert sides(exported) == sides(store)      # the sides go along with the export
    (tmp_path / "export" / "readme.md").write_text("my digits")
    other = DigitStore(tmp_path / "other")
    added, problems = other.import_folder(tmp_path / "export")
    assert added == 12 and len(problems) == 1 and "readme.md" in problems[0]
    assert other.counts()[[1, 9]].tolist() == [[5, 1], [5, 1]]
    mine = sorted(read_image(d.path).tobytes() for d in store.digits)
    theirs = sorted(read_image(d.path).tobytes() for d in other.digits)
    assert mine == theirs
    with pytest.raises(MyDigitsError, match="no such folder"):
        other.import_folder(tmp_path / "nowhere")


def test_delete_all_and_bad_labels(tmp_path):
    store = DigitStore(tmp_path)
    digit = store.add(first_of(4, 1)[0], 4)
    with pytest.raises(ValueError, match="0 to 9"):
        store.relabel(digit, 10)
    with pytest.raises(ValueError, match="blank"):
        store.add(np.zeros((280, 280), np.uint8), 4)
    store.remove_all()
    assert store.digits == [] and not any((tmp_path / "4").iterdir())
    assert DigitFolder(tmp_path).digits == []


def test_an_error_without_a_message_code_is_skipped_with_its_own_words(tmp_path):
    """remember() is handed the errors a background reader found; one whose reason is a plain
    sentence (no message code, as FileFormatError.like makes of another kind's) is still said,
    not a KeyError from a Phrase of no code (mypy found the Phrase(None) it used to build)."""
    (tmp_path / "3").mkdir()
    folder = DigitFolder(tmp_path)
    error = MyDigitsError(tmp_path / "3" / "a.png", "the decoder gave up halfway")
    assert error.code is None
    folder.remember(None, None, error)
    assert len(folder.problems) == 1
    assert "a.png" in folder.problems[0] and "the decoder gave up halfway" in folder.problems[0]
    assert "skipped" in folder.problems[0]
    with pytest.raises(MyDigitsError, match="the decoder gave up halfway"):
        DigitFolder(tmp_path, strict=True).remember(None, None, error)
