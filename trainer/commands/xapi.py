"""``trainer export xapi`` and ``trainer push``. Their arguments are declared in
``trainer.cli``; docs/xapi.md describes the statements."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import closing

from trainer.commands import profile_services
from trainer.domain.errors import TrainerError
from trainer.study.wording import count

PASSWORD_VARIABLE = "TRAINER_LRS_PASSWORD"


def export(args: argparse.Namespace) -> int:
    """Write the profile's statements to ``args.output``, one JSON statement a line."""
    from trainer.reports.xapi import statements
    from trainer.reports.xapi_jsonl import write_statements

    with profile_services(args) as services, closing(statements(services.db)) as stream:
        written = write_statements(args.output, stream)
    print(f"wrote {count(written, 'xAPI statement')} to {args.output}", file=sys.stderr)
    return 0


def _ask_password(user: str) -> str:
    """The password typed at a prompt, never shown: the safe way to give it (on the
    command line, other users of the machine could read it in the process list)."""
    if not sys.stdin.isatty():
        raise TrainerError(f"set {PASSWORD_VARIABLE} for --user '{user}' (or run this in "
                           "a terminal to be asked for it)")
    import getpass

    try:
        return getpass.getpass(f"Password for {user} at the LRS: ")
    except (EOFError, KeyboardInterrupt):
        raise TrainerError("no password given; nothing was sent") from None


def push(args: argparse.Namespace) -> int:
    """Send statements (the profile's, or those of ``args.file``) to the LRS at
    ``args.lrs`` and say how many it stored and how many it already had."""
    from trainer.reports.xapi_lrs import Lrs
    from trainer.reports.xapi_lrs import push as send

    password = args.password if args.password is not None else os.environ.get(
        PASSWORD_VARIABLE)
    if password is not None and args.user is None:
        raise TrainerError("--user is needed with a password")
    if args.user is not None and password is None:
        password = _ask_password(args.user)
    lrs = Lrs(args.lrs, args.user, password)
    if args.file is not None:
        from trainer.reports.xapi_jsonl import check_file, read_statements

        check_file(args.file)  # a bad line stops the push before anything is sent
        with closing(read_statements(args.file)) as lines:
            report = send(lrs, lines)
    else:
        from trainer.reports.xapi import statements

        # closing(): a failed push ends the statements' read transaction before the
        # database closes, not later when the generator is collected.
        with profile_services(args) as services, closing(statements(services.db)) as stream:
            report = send(lrs, stream)
    if report.total == 0:
        print("Nothing to send: no answers yet. Study a deck or take a quiz first.")
        return 0
    print(f"Sent {count(report.total, 'statement')} to {args.lrs}: {report.stored:,} new, "
          f"{report.already_there:,} already there.")
    if report.conflicting:
        raise TrainerError(
            f"{len(report.conflicting):,} statements were not stored: the LRS holds "
            "different statements under the same ids (sent before a display name change "
            "or a deck update that rescored answers; stored statements cannot change). "
            f"First id: {report.conflicting[0]}")
    return 0
