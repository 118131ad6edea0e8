"""``trainer backup create|list|restore`` and ``trainer check``."""

from __future__ import annotations

import argparse
import json
import sys

from trainer.commands import command_name, lock_profile, profile_services
from trainer.config import Config, make_config
from trainer.domain.errors import TrainerError
from trainer.profile.backup_service import BackupService
from trainer.storage.backups import BackupInfo
from trainer.study.wording import local_minute


def _info_json(info: BackupInfo) -> dict[str, object]:
    return {
        "name": info.name,
        "path": str(info.path),
        "created": info.created.isoformat(),
        "reason": info.reason,
        "size": info.size,
        "answers": info.answers,
        "last_answer": None if info.last_answer is None else info.last_answer.isoformat(),
        "decks": [{"id": d.id, "title": d.title, "version": d.version} for d in info.decks],
        "problem": info.problem,
    }


def _local(info: BackupInfo) -> str:
    return local_minute(info.created)


def _service(args: argparse.Namespace) -> tuple[Config, BackupService]:
    from trainer.clock import system_clock

    config = make_config(args.data_dir, args.profile)
    return config, BackupService(config.database_path, system_clock)


def run(args: argparse.Namespace) -> int:
    """Dispatch ``trainer backup ACTION``."""
    if args.backup_command == "create":
        with profile_services(args) as services:
            path = services.backup("manual")
        print(f"Backed up to {path}")
        return 0
    if args.backup_command == "list":
        return _list(args)
    return _restore(args)


def _list(args: argparse.Namespace) -> int:
    _, service = _service(args)
    backups = service.list()
    if args.json:
        print(json.dumps({"folder": str(service.folder),
                          "backups": [_info_json(b) for b in backups]}, indent=2,
                         ensure_ascii=False))
        return 0
    print(f"Backups in {service.folder}:")
    if not backups:
        print("  none yet")
    for b in backups:
        held = (f"{b.answers:,} answers, {len(b.decks)} decks" if b.readable
                else f"cannot be used: {b.problem}")
        print(f"  {b.name}  {_local(b)}  {b.reason:<15} {held}")
    return 0


def _confirm(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _restore(args: argparse.Namespace) -> int:
    config, service = _service(args)
    lock = lock_profile(config, command_name(args))
    try:
        backup = service.find(args.name) if args.name else service.newest_good()
        if backup is None:
            raise TrainerError(f"there is no good backup of profile '{config.profile}' in "
                               f"{service.folder}")
        service.check_restorable(backup)
        preview = service.preview(backup)
        print(f"Restoring {backup.name} ({_local(backup)}, {backup.answers:,} answers, "
              f"{len(backup.decks)} decks):")
        for line in preview.lines:
            print(f"  {line}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise TrainerError("add --yes to restore without being asked")
            if not _confirm("Restore this backup?"):
                print("Nothing was restored.")
                return 1
        kept = service.restore(backup)
    finally:
        lock.release()
    print(f"Restored {backup.name}. The profile as it was is kept as {kept.name}: "
          f"'trainer backup restore {kept.name}' undoes this.")
    return 0


def check(args: argparse.Namespace) -> int:
    """``trainer check [--repair]``: exit 0 when nothing is wrong (after repairing)."""
    with profile_services(args, writes=args.repair) as services:
        report = services.checks.repair() if args.repair else services.checks.check()
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        for line in report.lines():
            print(line)
        if report.backup is not None:
            print(f"Backed up first to {report.backup}")
        if not report.ok and report.repairable and not args.repair:
            print("'trainer check --repair' repairs what can be repaired, after a backup.")
    return 0 if report.ok else 1
