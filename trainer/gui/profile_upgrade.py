"""Bringing a profile from an older version up to date before the window opens.

A migration takes a while on a long history (a million answers, a quarter of a minute),
and the window is not up yet: it runs on a worker thread under a progress dialog that
names each step, so the rep never looks at nothing, wondering whether to stop the app.
"""

from __future__ import annotations

from trainer.app import bring_profile_up_to_date
from trainer.clock import Clock
from trainer.config import Config
from trainer.i18n import Context

_STEPS = ("check", "backup", "migrate", "verify")


class UpgradeText(Context):
    """Texts of bringing a profile up to date."""


def bring_up_to_date(config: Config, clock: Clock) -> None:
    """Migrate the profile (``app.bring_profile_up_to_date``) on a worker thread, the
    steps shown as they begin; raises what opening the profile raises."""
    from trainer.gui.tasks import Report, run_job

    # Translated here: the steps are reported from the worker's thread.
    labels = {
        "check": UpgradeText.tr("Checking your profile…"),
        "backup": UpgradeText.tr("Backing up your profile…"),
        "migrate": UpgradeText.tr("Updating your profile for this version of Sales "
                                  "Trainer. This happens once; a long history takes a "
                                  "while…"),
        "verify": UpgradeText.tr("Checking the updated profile…"),
    }

    numbered = {name: UpgradeText.tr("Step {step} of {steps}: {doing}").format(
        step=n, steps=len(_STEPS), doing=labels[name]) for n, name in enumerate(_STEPS, 1)}

    def job(report: Report) -> None:
        def step(name: str) -> None:
            # A busy bar, not a share: a step's own progress is not known, and a bar
            # standing still for a quarter of a minute would look like a hang.
            report(0, 0, numbered[name])

        bring_profile_up_to_date(config, clock, step)

    run_job(None, UpgradeText.tr("Updating your profile…"), job)
