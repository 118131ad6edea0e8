"""The subcommands of ``trainer``, one module per group."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from trainer.config import make_config

if TYPE_CHECKING:
    from trainer.app import Services


@contextmanager
def profile_services(args: argparse.Namespace) -> Iterator[Services]:
    """The profile named by ``--data-dir`` and ``--profile``, open for one command and
    closed after it, whatever happens."""
    from trainer.app import open_services

    services = open_services(make_config(args.data_dir, args.profile))
    try:
        yield services
    finally:
        services.close()
