"""Where the app keeps its data: the one place that asks platformdirs."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

APP_NAME = "sales-trainer"
ENV_DATA_DIR = "TRAINER_DATA_DIR"
DEFAULT_PROFILE = "default"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")


class Config(NamedTuple):
    """Paths for one profile."""

    data_dir: Path
    profile: str = DEFAULT_PROFILE

    @property
    def profile_dir(self) -> Path:
        """The folder holding this profile's database and its backups."""
        return self.data_dir / "profiles" / self.profile

    @property
    def database_path(self) -> Path:
        """The profile's SQLite file."""
        return self.profile_dir / "trainer.sqlite"


def resolve_data_dir(flag: str | None, environ: dict[str, str] | None = None) -> Path:
    """``--data-dir`` wins, then ``TRAINER_DATA_DIR``, then the platform's data folder."""
    env = os.environ if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    import platformdirs  # only needed when no folder was given; costs start-up time

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def make_config(data_dir: str | None, profile: str | None = None,
                environ: dict[str, str] | None = None) -> Config:
    """Build the configuration from command-line values and the environment."""
    name = profile or DEFAULT_PROFILE
    if not _PROFILE_NAME.match(name):
        raise ValueError(f"profile name '{name}' may use letters, digits, space, '.', '-', '_'")
    return Config(resolve_data_dir(data_dir, environ), name)
