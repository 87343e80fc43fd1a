"""The training doctor: names what goes wrong in a run, in the trainer's own numbers.

- ``doctor.py``: ``Doctor``, attached to a ``Trainer`` as its observer; ``finish()`` at the end.
- ``signals.py``: what it measures (gradient norms, update/weight ratios, a probe batch).
- ``rules.py``: when it names a fault, each threshold with its source.
- ``diagnosis.py``: ``Diagnosis`` and ``Fix``, plain data (``to_dict`` for ``--json``).
- ``texts.py``: what each diagnosis says to the learner, in English (marked for the GUI's
  translation files) and Korean.

NumPy only; no Qt.
"""

from annviz.nn.doctor.diagnosis import CODES, Diagnosis, Fix
from annviz.nn.doctor.doctor import Doctor

__all__ = ["CODES", "Diagnosis", "Doctor", "Fix"]
