"""``annviz teach MODEL DIR --out NEW``: fine-tune a model on a folder of someone's digits.

DIR is in the ``0/ … 9/`` layout (see :mod:`annviz.data.mydigits`); its held-out part is never
trained on. Prints — and with ``--json`` reports — the accuracy on that held-out part and on the
MNIST test set before and after, and saves the taught model (with the lesson in its history) to
``--out``, which is checked before anything is taught. The recipe is :mod:`annviz.teach`; the
seconds reported are the whole command's, reading and preparing the images included.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from annviz.cli.common import (
    EXIT_DIVERGED,
    EXIT_OK,
    EXIT_STATUSES,
    JSON_HELP,
    CliError,
    load_classifier,
    model_help,
    print_json,
)
from annviz.data.mydigits import HELD_OUT_SHARE, DigitFolder
from annviz.outfile import check_out, save_out
from annviz.paths import model_path
from annviz.teach import TeachConfig, check_teachable, single_label_warning, taught_info, teach, teaching_threads

DEFAULTS = TeachConfig()


def add_parser(command) -> None:
    """The ``teach`` sub-command's arguments (``command`` makes a sub-parser, see cli.build_parser)."""
    teach = command("teach", "fine-tune a model on a folder of your own digits (0/ … 9/), "
                    "protected from forgetting MNIST by replay and distillation", epilog=EXIT_STATUSES)
    teach.add_argument("model", help=model_help())
    teach.add_argument("dir", type=Path, metavar="DIR",
                       help="a folder with one folder per digit, 0 to 9, of PNG or JPEG drawings "
                       "(any size, dark on light or light on dark)")
    teach.add_argument("--out", type=Path, metavar="FILE", required=True,
                       help="where to save the taught model (.safetensors); checked first, never the "
                       "model itself")
    teach.add_argument("--epochs", type=int, metavar="N", default=DEFAULTS.epochs,
                       help="passes over the mix of your digits and replayed MNIST examples")
    teach.add_argument("--replay", type=int, metavar="N", default=DEFAULTS.replay,
                       help="MNIST training examples mixed in (0: none, distillation alone protects)")
    teach.add_argument("--distill", type=float, metavar="W", default=DEFAULTS.distill,
                       help="weight of distillation: MNIST inputs held to the model's own outputs "
                       "from before the lesson (0: off)")
    teach.add_argument("--no-protection", action="store_true",
                       help="teach your digits alone, without replay or distillation, and watch the "
                       "model forget MNIST")
    teach.add_argument("--held-out", type=float, metavar="SHARE", default=HELD_OUT_SHARE,
                       help="share of each digit never trained on, to measure honestly (the sides "
                       "recorded in DIR's annviz-digits.json win)")
    teach.add_argument("--seed", type=int, metavar="N", default=DEFAULTS.seed,
                       help="seed of the replayed sample, the shuffling and the augmentation")
    teach.add_argument("--augment", action="store_true",
                       help="shift, rotate and scale each copy of your digits as training does")
    teach.add_argument("--json", action="store_true", help=JSON_HELP)


def cmd_teach(args) -> int:
    start = time.perf_counter()
    config = TeachConfig(epochs=args.epochs, replay=args.replay, distill=args.distill, seed=args.seed,
                         augment=args.augment, protect=not args.no_protection).validate()
    if not 0 <= args.held_out < 1:
        raise CliError(f"--held-out must be a share in [0, 1), got {args.held_out:g}")
    if args.out.resolve() == model_path(args.model).resolve():
        raise CliError(f"--out {args.out} is the model itself; the original is never overwritten")
    check_out(args.out)
    log = sys.stderr if args.json else sys.stdout
    with teaching_threads():   # reading, preparing and teaching, with as many BLAS threads as the app
        path, network, info = load_classifier(args.model)
        check_teachable(network, info.class_names, str(path))
        folder = DigitFolder(args.dir, args.held_out, strict=True)
        if not folder.digits:
            raise CliError(f"{args.dir}: no images of digits (put them in folders named 0 to 9)")
        mine, held = folder.inputs(held_out=False), folder.inputs(held_out=True)
        warnings = [*folder.problems, *filter(None, [single_label_warning(mine[1], config)])]
        for warning in warnings:
            print(f"annviz: warning: {warning}", file=sys.stderr, flush=True)
        prepared = time.perf_counter()
        how = (f"{config.replay:,} MNIST examples replayed, distillation {config.distill:g}"
               if config.protect else "without protection")
        print(f"teaching {path.name} ({network.describe()}) {len(mine[1])} digits from {args.dir}, "
              f"{len(held[1])} held out; {how}, {config.epochs} epochs", file=log, flush=True)
        result = teach(network, mine, held, config, info.loss, on_batch=_progress(config, log))
    diverged = result.stop_reason if result.status == "diverged" else None
    if not diverged:
        save_out(args.out, result.network, taught_info(info, result, str(args.dir)))
    seconds = time.perf_counter() - start
    if args.json:
        print_json({"model": str(path), "dir": str(args.dir),
                     "out": None if diverged else str(args.out),
                     "status": "diverged" if diverged else "finished", "stop_reason": diverged,
                     "digits": result.lesson.counts, "before": result.before.to_dict(),
                     "after": result.after.to_dict(), "epochs": len(result.epochs),
                     "protection": config.protect, "replay": config.replay if config.protect else 0,
                     "distill": config.distill if config.protect else 0.0, "warnings": warnings,
                     "seconds": seconds, "prepare_seconds": prepared - start,
                     "teach_seconds": result.seconds})
    else:
        _print_scores(result, seconds)
    if diverged:
        print(f"annviz: teaching diverged: {diverged}; {args.out} was not written", file=sys.stderr)
        return EXIT_DIVERGED
    print(f"saved {args.out}", file=log)
    return EXIT_OK


def _progress(config: TeachConfig, log):
    from annviz.progress import ProgressBar

    bar = ProgressBar(1, "epoch 1")

    def on_batch(event) -> None:
        if bar.batch(event, config.epochs):
            record = event.epoch_record
            held = "" if record.val_accuracy is None else f"  held-out acc {record.val_accuracy:.4f}"
            print(f"epoch {record.epoch:3d}  loss {record.train_loss:.4f}{held}  MNIST test acc "
                  f"{record.test_accuracy:.4f}", file=log, flush=True)
    return on_batch


def _percent(value: float | None) -> str:
    return "   -   " if value is None else f"{value:7.2%}"


def _print_scores(result, seconds: float) -> None:
    before, after = result.before, result.after
    print("                    before     after")
    print(f"held-out digits   {_percent(before.held_out)}   {_percent(after.held_out)}")
    print(f"MNIST test set    {_percent(before.mnist)}   {_percent(after.mnist)}")
    print("held-out accuracy per digit:")
    for digit, (b, a) in enumerate(zip(before.held_out_per_label, after.held_out_per_label)):
        if b is not None:
            print(f"  {digit}               {_percent(b)}   {_percent(a)}")
    print(f"taught in {result.seconds:.1f} s; {seconds:.1f} s in all, reading and preparing the "
          "images included")
