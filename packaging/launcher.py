"""The bundle's entry point: the same ``trainer`` command a pip install gives."""

import sys

from trainer.cli import main

if __name__ == "__main__":
    sys.exit(main())
