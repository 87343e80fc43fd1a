"""``annviz train``: a network trained with a progress bar, saved to ``--out`` (and its recording
to ``--record``); the parser and the error contract are in cli.py."""

from __future__ import annotations

import contextlib
import sys
import time

import numpy as np

from annviz.cli import EXIT_DIVERGED, EXIT_OK, CliError, _print_json, log, train_config
from annviz.outfile import OutFileError, check_out, same_file, save_checked, save_out


def cmd_train(args) -> int:
    from annviz.nn import LossBaseline
    from annviz.nn.doctor import Doctor
    from annviz.nn.doctor.texts import describe_fix, explain
    from annviz.recipes import build_network, build_trainer, model_info, prepare_data

    config = train_config(args)   # the recipe, changed by the options given
    conv = config.conv
    blas_threads = _blas_threads(args.threads)  # checks --threads before any data is loaded
    if args.out is not None:
        check_out(args.out)
    if args.record is not None and conv:
        raise CliError("--record: the time machine does not record a convolutional network yet "
                       "(its recordings hold MLPs); train without --record")
    if args.record is not None:
        check_out(args.record, "--record", "run.annviz-run")
        if args.out is not None and same_file(args.out, args.record):
            raise CliError(f"--record {args.record} is the same file as --out {args.out}: the recording "
                           "would replace the model; give it another name (e.g. run.annviz-run)")
    t0 = time.perf_counter()
    data = prepare_data(config)
    log.debug("%s read and prepared in %.2f s: %d training, %d test, %d validation examples",
              data.dataset.name, time.perf_counter() - t0, len(data.train[0]), len(data.test[0]),
              0 if data.validation is None else len(data.validation[0]))
    network = build_network(config, n_out=data.n_classes)
    trainer = build_trainer(network, config, data)
    # the doctor names faults (never stops the run); it watches MLPs only, for now
    doctor = None if args.doctor_off or not network.is_mlp else Doctor(trainer)
    report = sys.stderr if args.json else sys.stdout
    print(f"training {network.describe()} ({network.n_params:,} parameters) on {data.dataset.name}: "
          f"{len(data.train[0]):,} examples, {config.epochs} epochs", file=report, flush=True)
    if not network.is_mlp and not args.doctor_off:
        print("doctor: off (it watches multilayer perceptrons only, for now)", file=report)
    # A diverging run overflows on purpose; the trainer and the baseline say so in words.
    with blas_threads, np.errstate(over="ignore", invalid="ignore", divide="ignore"), \
            _recording_writer(args.record, trainer, data.dataset.class_names) as recording:
        baseline = LossBaseline(network, trainer.loss, data.train)
        history = _train_with_progress(trainer, report, recording)
        diverged = history.stop_reason if history.status == "diverged" else baseline.ended_worse(network)
        diagnoses = None if doctor is None else doctor.finish()
        for d in diagnoses or ():
            fixes = " or ".join(describe_fix(f) for f in d.fixes)
            print(f"doctor: {d.code} from batch {d.batch}: {explain(d)}" + (f" Try: {fixes}." if fixes else ""),
                  file=report)
        if args.out is not None and not diverged:
            save_out(args.out, network, model_info(config, history, data.dataset))
            print(f"saved {args.out}", file=report)
        if recording is not None:   # a diverged run's recording too: how it went wrong is worth a look
            save_checked(args.record, "--record", lambda: recording.finish(history), "the recording")
            print(f"saved the recording {args.record} ({recording.moments} moments)", file=report)
    if args.json:
        last = vars(history.epochs[-1]) if history.epochs else {}  # none if it diverged in epoch 1
        _print_json({
            "status": "diverged" if diverged else "finished", "stop_reason": diverged or None,
            **{key: last.get(field) for key, field in (
                ("test_accuracy", "test_accuracy"), ("test_loss", "test_loss"),
                ("train_accuracy", "train_accuracy"), ("train_loss", "train_loss"),
                ("val_accuracy", "val_accuracy"), ("train_samples_per_s", "samples_per_s"),
                ("train_seconds", "seconds"))},
            "recipe": args.recipe, "config": {k: v for k, v in config.to_dict().items() if k != "extra"},
            "epochs": len(history.epochs), "layer_sizes": network.sizes,
            "activations": network.activation_names, "parameters": network.n_params,
            "out": str(args.out) if args.out is not None and not diverged else None,
            "record": str(args.record) if args.record is not None else None,
            "history": [vars(e) for e in history.epochs],
            "diagnoses": None if diagnoses is None else [d.to_dict() for d in diagnoses],
        })
    if diverged:
        unsaved = "" if args.out is None else f"; {args.out} was not written"
        print(f"annviz: training diverged: {diverged}{unsaved}", file=sys.stderr)
        return EXIT_DIVERGED
    return EXIT_OK


@contextlib.contextmanager
def _recording_writer(path, trainer, class_names):
    """The recording of the run, written to a scratch file beside ``path`` as it goes (bounded
    memory; runfile.RecordingWriter), or None without ``--record``."""
    if path is None:
        yield None
        return
    from annviz.nn import blas
    from annviz.nn.recording import Recording
    from annviz.nn.runwriter import RecordingWriter

    run = Recording.of(trainer, class_names, blas.current_threads(), blas.library())
    try:
        writer = RecordingWriter(path, run)
    except OSError as error:
        raise OutFileError(f"--record {path}: {error.strerror or error}") from None
    with writer:
        yield writer


def _train_with_progress(trainer, report, recording=None):
    """Train to the end with a progress bar; into ``recording`` (a RecordingWriter, if any) go the
    moments."""
    from annviz.nn.recording import Recorder
    from annviz.progress import ProgressBar

    recorder = Recorder(trainer) if recording is not None else None
    if recorder is not None:
        recording.add(recorder.start())
    bar = ProgressBar(trainer.batches_per_epoch, "epoch 1")
    for event in trainer.steps():
        if recorder is not None and (moment := recorder.observe(event)) is not None:
            recording.add(moment)
        if bar.batch(event, trainer.epochs, f"  {event.samples_per_s:,.0f} samples/s"):
            record = event.epoch_record
            val = "" if record.val_accuracy is None else f"  val acc {record.val_accuracy:.4f}"
            print(f"epoch {record.epoch:3d}  train loss {record.train_loss:.4f}  train acc "
                  f"{record.train_accuracy:.4f}{val}  test acc {record.test_accuracy:.4f}  "
                  f"{record.samples_per_s:,.0f} samples/s  {record.seconds:.1f} s", file=report, flush=True)
    bar.close()
    return trainer.history


def _blas_threads(n: int | None):
    """A context limiting the BLAS library's threads to ``n`` (the library's default for None)."""
    if n is None:
        return contextlib.nullcontext()
    if n < 1:
        raise CliError(f"--threads must be at least 1, got {n}")
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")
