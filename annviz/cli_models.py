"""``annviz evaluate``, ``annviz predict`` and ``annviz install-desktop``: a model read, used and
reported; the parser and the error contract are in cli.py."""

from __future__ import annotations

import sys
import time

import numpy as np

from annviz.cli import EXIT_OK, CliError, _print_json, log
from annviz.nn.losses import get_loss
from annviz.paths import model_path


def _load_classifier(name: str, activation: str | None = None, logits: bool | None = None,
                     arrangement: int | None = None):
    """The network and info of a model file (or bundled model) that classifies 28×28 images; a
    PyTorch file without annviz metadata with ``activation`` and ``logits`` (or their defaults),
    and a convolutional one's ``arrangement`` of padding and pooling where its file cannot tell."""
    from annviz.nn import ForeignModelError, load_foreign, load_model

    path = model_path(name)
    given_activation, given_logits = activation, logits
    t0 = time.perf_counter()
    try:
        network, info = load_model(path)
    except ForeignModelError as foreign:
        activation = activation or "relu"
        logits = True if logits is None else logits
        network, info = load_foreign(path, activation, logits, arrangement)
        if given_activation is None or given_logits is None:
            print(f"annviz: note: {path} is a PyTorch network ({foreign.layout.describe()}); taken with "
                  f"{activation} hidden layers (--activation) and "
                  f"{'logits → softmax' if logits else 'outputs used as they are'} "
                  f"({'--no-logits' if logits else '--logits'} for the other)", file=sys.stderr)
        if foreign.layout.kind == "cnn":
            print(f"annviz: note: padding and pooling {info.extra['pytorch_arrangement']}"
                  + ("" if len(foreign.layout.candidates) == 1 else
                     f" (--arrangement {arrangement} of {foreign.layout.candidates_text()})"), file=sys.stderr)
    else:
        if activation is not None or logits is not None or arrangement is not None:
            raise CliError(f"{path}: an annviz model names its own activations; --activation, "
                           "--logits and --arrangement are for PyTorch files without annviz metadata")
    log.debug("%s read in %.3f s: %s", path, time.perf_counter() - t0, network)
    if network.n_inputs != 784:
        raise CliError(f"{path}: the network takes {network.n_inputs} inputs, but a 28×28 image "
                       "gives 784")
    if len(info.class_names) != network.n_outputs:
        info.class_names = [str(i) for i in range(network.n_outputs)]
    return path, network, info


def cmd_evaluate(args) -> int:
    from annviz.data.datasets import load_dataset, load_named_dataset, to_inputs
    from annviz.nn import confusion_matrix, per_class_accuracy
    from annviz.nn.metrics import predict_in_chunks, score

    path, network, info = _load_classifier(args.model, args.activation, args.logits, args.arrangement)
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
        _print_json({"model": str(path), "dataset": ds.name, "accuracy": accuracy, "loss": loss,
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

    path, network, info = _load_classifier(args.model, args.activation, args.logits, args.arrangement)
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
        _print_json({"model": str(path), "class_names": list(info.class_names), "predictions": results})
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
