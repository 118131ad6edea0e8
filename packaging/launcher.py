"""The bundle's entry point: the same ``trainer`` command a pip install gives."""

import multiprocessing
import sys

from trainer.cli import main

if __name__ == "__main__":
    # A frozen program is its own Python: the cohort report's worker processes and the
    # optimizer's helper start this same executable, and this call makes them run their
    # task instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
