"""The ``trainer`` command. With no subcommand it opens the window; with a file name it
opens the window and offers to import that file."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from trainer import __version__
from trainer.config import make_config
from trainer.domain.errors import TrainerError

COMMANDS = {"deck", "decks", "settings", "import", "export", "stats", "push", "cohort",
            "optimize", "backup", "check", "desktop", "completion"}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _window_options(argparse.ArgumentParser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_commands(sub)
    return parser


class _NotTheWindow(Exception):
    """The arguments are not only the window's options."""


class _WindowParser(argparse.ArgumentParser):
    """The window's options alone: anything else is left to the whole parser, which says
    what is wrong in its own words."""

    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def parse_arguments(raw: list[str]) -> argparse.Namespace:
    """The parsed command line. Opening the window (no command) builds only the window's
    options: the commands' parsers took 10 ms of every start."""
    if not any(value in COMMANDS or value.startswith(("-h", "--h")) for value in raw):
        try:
            args = _window_options(_WindowParser).parse_args(raw)
        except _NotTheWindow:
            pass
        else:
            args.command = None
            return args
    return build_parser().parse_args(raw)


def _window_options(kind: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The parser with the options of the window (and of every command)."""
    parser = kind(
        prog="trainer", epilog=EXIT_STATUSES,
        description="Sales Trainer: study cards, quizzes and self-assessments offline. "
                    "Give a file (trainer FILE) to open the window and import it.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for profiles and backups (default: $TRAINER_DATA_DIR, "
                             "else the system's data folder)")
    parser.add_argument("--profile", metavar="NAME", help="profile to open (default: default)")
    # For packaging checks: open the window, show the first card, print it and quit.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--minimized", action="store_true",
                        help="open the window minimised, in the system tray where there is "
                             "one (how the start at login opens it, for the daily reminder)")
    return parser


def _add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Each command's parser."""

    deck = sub.add_parser("deck", help="check and package deck files")
    deck_sub = deck.add_subparsers(dest="deck_command", metavar="ACTION", required=True)
    check = deck_sub.add_parser("check", help="validate deck files and folders")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.add_argument("--json", action="store_true", help="print a JSON summary")
    check.add_argument("--against", type=Path, metavar="OLD",
                       help="a previous package (or deck file/folder): warn about ids that "
                            "changed while the text stayed the same")
    pack = deck_sub.add_parser("pack", help="write decks into one .trainerdeck package")
    pack.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="NAME.trainerdeck")
    pack.add_argument("--created", metavar="ISO-TIME",
                      help="creation time to record (default: the newest file's time)")

    decks = sub.add_parser("decks", help="list installed decks with today's counts")
    decks.add_argument("--json", action="store_true", help="print the decks as JSON")

    settings = sub.add_parser("settings", help="show or change scheduling settings")
    settings.add_argument("--retention", type=float, metavar="R",
                          help="desired retention, 0.70-0.99 (default 0.90)")
    settings.add_argument("--learning-steps", metavar="STEPS", help='e.g. "1m 10m"')
    settings.add_argument("--relearning-steps", metavar="STEPS", help='e.g. "10m"')
    settings.add_argument("--day-start", type=int, metavar="HOUR",
                          help="local hour at which a new study day begins (default 4)")
    settings.add_argument("--deck", metavar="ID", help="deck whose daily limits to change")
    settings.add_argument("--new-per-day", type=int, metavar="N")
    settings.add_argument("--reviews-per-day", type=int, metavar="N")
    settings.add_argument("--json", action="store_true", help="print the settings as JSON")

    imp = sub.add_parser("import", help="import a deck package, deck file, Anki package, "
                                        "CSV/TSV or Moodle GIFT file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--yes", action="store_true", help="do not ask before importing")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument("--json", action="store_true", help="print the plan as JSON")
    imp.add_argument("--with-history", action="store_true",
                     help="Anki packages: bring in the review history so scheduling goes on")

    export = sub.add_parser("export", help="write out a deck's quizzes, or your progress")
    export_sub = export.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    gift = export_sub.add_parser("gift", help="a deck's quizzes as Moodle GIFT")
    gift.add_argument("deck", metavar="DECK", help="an installed deck's id, or a deck file")
    gift.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                      help="where to write it ('-': standard output)")
    progress = export_sub.add_parser(
        "progress", help="your progress as one JSON file to send to your trainer")
    progress.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                          help="where to write it ('-': standard output)")
    progress.add_argument("--name", metavar="NAME",
                          help="the name your trainer will see (stored for next time; "
                               'give "" to send without a name)')
    csv = export_sub.add_parser("csv", help="reviews, quiz answers and self-assessments as "
                                            "CSV files for a spreadsheet")
    csv.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER")
    xapi = export_sub.add_parser("xapi", help="xAPI 1.0.3 statements, one per line")
    xapi.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.jsonl",
                      help="where to write them ('-': standard output)")

    stats = sub.add_parser("stats", help="study statistics (the Statistics screen's figures)")
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.add_argument("--deck", metavar="ID", help="only this deck")
    stats.add_argument("--topic", metavar="TOPIC", help="only this topic")
    stats.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                       help="first study day to count (default: 30 days ago)")
    stats.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                       help="last study day to count (default: today)")

    push = sub.add_parser("push", help="send your xAPI statements to a learning record store "
                                       "(the only command that uses the network)")
    push.add_argument("--lrs", required=True, metavar="URL",
                      help="the LRS endpoint, e.g. https://lrs.example.com/xAPI/")
    push.add_argument("--user", metavar="U", help="basic-auth user")
    push.add_argument("--password", metavar="P",
                      help="basic-auth password; better set $TRAINER_LRS_PASSWORD or type it "
                           "when asked, since other users can see a command line")
    push.add_argument("--file", type=Path, metavar="FILE.jsonl",
                      help="statements written by 'export xapi' (default: this profile's)")

    cohort = sub.add_parser("cohort", help="merge reps' progress exports into a report")
    cohort_sub = cohort.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)
    report = cohort_sub.add_parser("report", help="an HTML report (and CSV) of a cohort")
    report.add_argument("paths", nargs="+", type=Path, metavar="FILES_OR_FOLDER")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="report.html",
                        help="where to write the HTML ('-': standard output)")
    report.add_argument("--csv", type=Path, metavar="FILE",
                        help="also write one row per learner and topic as CSV")

    optimize = sub.add_parser(
        "optimize", help="tune the schedule to how you remember (FSRS optimizer)",
        description="Fit the FSRS parameters to this profile's review history. New ones "
                    "are kept only if they predict your answers better than the ones in use.")
    optimize.add_argument("--dry-run", action="store_true",
                          help="show what would change without saving anything")
    optimize.add_argument("--json", action="store_true", help="print the report as JSON")

    backup = sub.add_parser("backup", help="back up this profile, list its backups, restore one",
                            description="Backups are made automatically when the window "
                            "closes after a change, every 30 minutes of study and before "
                            "imports, deck updates, restores and repairs. Of the first two "
                            "kinds the last two days are all kept, then one a day for 12 "
                            "days, one a week for 10 weeks and one a month for 9 months; "
                            "one made before an event is kept 30 days (the newest three of "
                            "each kind always); one made by hand is never deleted.")
    backup_sub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    backup_sub.add_parser("create", help="back up the profile now")
    listing = backup_sub.add_parser("list", help="every backup, newest first, with what it "
                                                 "holds")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    restore = backup_sub.add_parser(
        "restore", help="put a backup back (the profile as it is now is backed up first)")
    restore.add_argument("name", nargs="?", metavar="NAME",
                         help="a backup's name from 'backup list' (default: the newest good "
                              "one)")
    restore.add_argument("--yes", action="store_true", help="do not ask before restoring")

    desk = sub.add_parser("desktop", help="put Sales Trainer in this user's applications "
                                          "menu (or take it out)")
    desk_sub = desk.add_subparsers(dest="desktop_command", metavar="ACTION", required=True)
    desk_install = desk_sub.add_parser(
        "install", help="menu entry, icon and the .trainerdeck file type under ~/.local/share")
    desk_install.add_argument("--launcher", metavar="PATH",
                              help="the program the menu entry starts (default: this one)")
    desk_sub.add_parser("uninstall", help="remove what 'desktop install' put there")

    completion = sub.add_parser(
        "completion", help="print shell completion for trainer",
        description="Print a completion script: for bash, add "
                    "'eval \"$(trainer completion bash)\"' to ~/.bashrc; for zsh, write "
                    "'trainer completion zsh' to a file named _trainer in your $fpath.")
    completion.add_argument("shell", choices=["bash", "zsh"])

    check = sub.add_parser("check", help="check the profile's database (Check Database)")
    check.add_argument("--repair", action="store_true",
                       help="repair what can be repaired, after a backup")
    check.add_argument("--json", action="store_true", help="print the report as JSON")


def _split_file_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """``trainer [options] FILE`` opens the window and imports FILE."""
    for index, value in enumerate(argv):
        if value.startswith("-"):
            continue
        if index > 0 and argv[index - 1] in ("--data-dir", "--profile"):
            continue
        if value in COMMANDS:
            return argv, None
        unknown = _unknown_command(value)
        if unknown is not None:
            raise TrainerError(unknown)
        return argv[:index] + argv[index + 1:], Path(value)
    return argv, None


def _unknown_command(value: str) -> str | None:
    """Why ``value`` is taken for a mistyped command rather than a file to import: it
    is not a file, and has neither a folder nor an extension in it."""
    path = Path(value)
    if path.suffix or "/" in value or "\\" in value or path.exists():
        return None
    import difflib  # only for a mistyped command: kept off the window's start-up

    close = difflib.get_close_matches(value, sorted(COMMANDS), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown command '{value}'{hint}; 'trainer --help' lists them"


# Exit statuses, as `trainer --help` lists them.
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_USER = 3
EXIT_PROFILE = 4
EXIT_INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C
EXIT_STATUSES = (
    "Exit status: 0 done; 1 a check found problems (deck check, check) or you said no; "
    "2 the command line is wrong; 3 what you asked cannot be done (a missing or bad "
    "file, a bad date, an unknown deck, a refused import); 4 the profile is damaged, in "
    "use by the window or another command, or from a newer version; 130 stopped by "
    "Ctrl-C. With --json, a "
    'failure is also printed on standard output as {"error": "...", "exit": N}.')


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    raw = list(sys.argv[1:] if argv is None else argv)
    try:
        raw, open_file = _split_file_argument(raw)
    except TrainerError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    args = parse_arguments(raw)
    try:
        status = _run(args, open_file)
        sys.stdout.flush()  # so a closed pipe is noticed here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (trainer stats | head): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        # Ctrl-C: whatever was being written is rolled back (one transaction, or a
        # file renamed into place only when whole), so there is nothing to show but this.
        print("trainer: stopped (Ctrl-C); the change under way was not saved (what was "
              "saved before it stays)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (TrainerError, ValueError, OSError, sqlite3.Error) as exc:
        message, status = _failure(exc, args)
    print(f"trainer: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        import json

        print(json.dumps({"error": message, "exit": status}, ensure_ascii=False))
    return status


def _failure(error: Exception, args: argparse.Namespace) -> tuple[str, int]:
    """What to say about an error, and the exit status it means."""
    if isinstance(error, TrainerError):
        return str(error), error.exit_code
    if isinstance(error, sqlite3.Error):
        from trainer.profile.errors import describe, is_profile_problem

        message = describe(error, make_config(args.data_dir, args.profile))
        return message, EXIT_PROFILE if is_profile_problem(error) else EXIT_USER
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}", EXIT_USER
    return str(error), EXIT_USER


def _run(args: argparse.Namespace, open_file: Path | None) -> int:
    """Run the chosen command (the window when there is none). Each command's module is
    imported only when it runs, so opening the window imports none of them."""
    if args.command == "export" and args.export_command in ("progress", "csv"):
        from trainer.commands import progress

        return progress.run(args)
    if args.command == "export" and args.export_command == "xapi":
        from trainer.commands import xapi

        return xapi.export(args)
    if args.command == "push":
        from trainer.commands import xapi

        return xapi.push(args)
    if args.command == "stats":
        from trainer.commands import stats

        return stats.run(args)
    if args.command == "cohort":
        from trainer.commands import cohort

        return cohort.run(args)
    if args.command == "optimize":
        from trainer.commands import optimize

        return optimize.run(args)
    if args.command == "completion":
        import shtab  # only for this command: it is not part of any other's start-up

        print(shtab.complete(build_parser(), shell=args.shell), end="")
        return 0
    if args.command == "desktop":
        from trainer.commands import desktop

        return desktop.run(args)
    if args.command == "backup":
        from trainer.commands import backup

        return backup.run(args)
    if args.command == "check":
        from trainer.commands import backup

        return backup.check(args)
    if args.command == "deck":
        from trainer.commands import deck

        return deck.check(args) if args.deck_command == "check" else deck.pack(args)
    if args.command in ("decks", "settings"):
        from trainer.commands import study

        return study.decks(args) if args.command == "decks" else study.settings(args)
    if args.command == "import":
        from trainer.commands.importing import run_import

        return run_import(args)
    if args.command == "export":
        from trainer.commands.importing import export_gift

        return export_gift(args)
    from trainer.display import why_no_window

    problem = why_no_window()
    if problem is not None:
        raise TrainerError(problem)
    run_gui = window_module().run_gui
    return int(run_gui(make_config(args.data_dir, args.profile), open_file=open_file,
                       smoke_test=args.smoke_test, minimized=args.minimized))


def window_module() -> ModuleType:
    """``trainer.gui.run``, imported with Python's cyclic garbage collector held off.

    The window's modules (Qt's bindings included) make some 30,000 objects the collector
    tracks (functions, classes, their dictionaries), all living as long as the app; it
    would walk them about fifty times while they load, 6 ms of a start. Once they are in
    they are frozen (``gc.freeze``), so that no later collection walks them either.
    """
    import gc

    gc.disable()
    try:
        from trainer.gui import run
    finally:
        gc.freeze()
        gc.enable()
    return run
