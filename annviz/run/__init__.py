"""Training runs as the app runs them, without Qt: the loop (loop.py), its pacing (pacing.py) and
the training process that runs it apart from the window (process.py)."""
