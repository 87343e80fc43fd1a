"""``annviz evaluate``, ``annviz predict`` and ``annviz install-desktop``: their options, and a
model read, used and reported; the error contract is in cli/common.py."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from annviz.cli.common import (
    EXIT_OK,
    JSON_HELP,
    CliError,
    load_classifier,
    log,
    model_help,
    print_json,
    pytorch_options,
)
from annviz.nn.losses import get_loss


def add_parsers(command) -> None:
    """The ``evaluate``, ``predict`` and ``install-desktop`` sub-commands' arguments (``command``
    makes a sub-parser, see cli.build_parser)."""
    evaluate = command("evaluate", "accuracy, per-class accuracy and confusion matrix on a test set")
    evaluate.add_argument("model", help=model_help())
    evaluate.add_argument("--dataset", default=None, metavar="NAME|FOLDER",
                          help="mnist, fashion-mnist or a folder of IDX files (default: the model's)")
    evaluate.add_argument("--json", action="store_true", help=JSON_HELP)
    pytorch_options(evaluate)

    predict = command("predict", "classify images of handwritten digits (PNG or JPEG)")
    predict.add_argument("model", help=model_help())
    predict.add_argument("images", type=Path, nargs="+", help="image files, dark ink on light paper")
    predict.add_argument("--json", action="store_true", help=JSON_HELP)
    pytorch_options(predict)

    desktop = command("install-desktop", "add annviz to the applications menu of a Linux desktop "
                      "(a desktop entry and icons in ~/.local/share)")
    desktop.add_argument("--remove", action="store_true", help="take them away again")


def cmd_evaluate(args) -> int:
    from annviz.data.datasets import load_dataset, load_named_dataset, to_inputs
    from annviz.nn import confusion_matrix, per_class_accuracy
    from annviz.nn.metrics import predict_in_chunks, score

    path, network, info = load_classifier(args.model, args.activation, args.logits, args.arrangement)
    try:
        loss_fn = get_loss(info.loss)
    except ValueError as error:
        raise CliError(f"{path}: {error}") from None
    # a folder only if the user names it; the model's own "dataset" is a name, never a folder
    t0 = time.perf_counter()
    ds = load_dataset(args.dataset) if args.dataset else load_named_dataset(info.dataset)
    log.debug("%s read in %.2f s", ds.name, time.perf_counter() - t0)
    if network.n_outputs != len(ds.class_names):
        raise CliError(f"{path}: a network with {network.n_outputs} outputs cannot classify {ds.name} "
                       f"({len(ds.class_names)} classes)")
    x, y = to_inputs(ds.test_images), np.asarray(ds.test_labels, dtype=np.int64)
    t0 = time.perf_counter()
    outputs = predict_in_chunks(network, x)
    loss, accuracy = score(network, outputs, y, loss_fn)
    predictions = outputs.argmax(axis=1)
    confusion = confusion_matrix(y, predictions, len(ds.class_names))
    per_class = per_class_accuracy(confusion)
    if args.json:
        print_json({"model": str(path), "dataset": ds.name, "accuracy": accuracy, "loss": loss,
                     "class_names": list(ds.class_names), "per_class_accuracy": per_class.tolist(),
                     "confusion_matrix": confusion.tolist(), "n_test": len(y),
                     "seconds": time.perf_counter() - t0})
        return EXIT_OK
    print(f"{path.name}: {network.describe()} on {ds.name} test set ({len(y):,} images)")
    print(f"accuracy {accuracy:.2%}   loss {loss:.4f}")
    print("per-class accuracy:")
    for name, acc, total in zip(ds.class_names, per_class, confusion.sum(axis=1)):
        print(f"  {name:>12}  {acc:7.2%}  of {total}")
    print("confusion matrix (rows: true class, columns: predicted):")
    print("       " + " ".join(f"{i:>5}" for i in range(len(ds.class_names))))
    for i, row in enumerate(confusion):
        print(f"  {i:>4} " + " ".join(f"{v:>5}" for v in row))
    return EXIT_OK


def cmd_predict(args) -> int:
    from annviz.data.images import read_image
    from annviz.data.preprocess import canvas_to_mnist

    path, network, info = load_classifier(args.model, args.activation, args.logits, args.arrangement)
    results = []
    for image_path in args.images:
        image = canvas_to_mnist(read_image(image_path))
        if image is None:
            results.append({"image": str(image_path), "blank": True, "prediction": None,
                            "probabilities": None})
            continue
        p = network.predict_proba(image.reshape(1, -1))[0]
        results.append({"image": str(image_path), "blank": False,
                        "prediction": info.class_names[int(p.argmax())],
                        "probabilities": [float(v) for v in p]})
    if args.json:
        print_json({"model": str(path), "class_names": list(info.class_names), "predictions": results})
        return EXIT_OK
    for r in results:
        if r["blank"]:
            print(f"{r['image']}: blank image, nothing to classify")
            continue
        p = r["probabilities"]
        probs = "  ".join(f"{name}:{v:.3f}" for name, v in zip(info.class_names, p))
        print(f"{r['image']}: {r['prediction']} ({max(p):.1%})   {probs}")
    return EXIT_OK


def cmd_install_desktop(args) -> int:
    from annviz import desktop

    try:
        if args.remove:
            files = desktop.remove()
            print("\n".join(f"removed {f}" for f in files) or "nothing to remove")
        else:
            files = desktop.install()
            print("\n".join(f"wrote {f}" for f in files))
            print("annviz is in the applications menu (a menu that does not refresh by itself "
                  "shows it after the next login)")
    except desktop.DesktopError as error:
        raise CliError(str(error)) from None
    return EXIT_OK
