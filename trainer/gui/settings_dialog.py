"""Settings > Preferences…: scheduling, each deck's daily limits and the theme.

Every field is stored as soon as it is changed (a field left with a mistake says what
is wrong and stores nothing), and the schedule follows from the next answer on. The
desired retention shows the daily workload it would bring, simulated by fsrs-rs."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.errors import TrainerError
from trainer.gui.theme import choose, muted, verdict_colors
from trainer.study.settings_service import MAX_LIMIT, THEMES, SettingsService
from trainer.study.wording import format_interval

_THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def _steps(steps: tuple[object, ...]) -> str:
    return " ".join(format_interval(s) for s in steps)  # type: ignore[arg-type]


def _help(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("settingsHelp")
    muted(label)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


class SettingsDialog(QDialog):
    """The preferences of the open profile."""

    def __init__(self, service: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Preferences")
        self.setObjectName("settingsDialog")
        self.resize(620, 640)
        settings = service.current

        self.retention = QDoubleSpinBox()
        self.retention.setObjectName("retention")
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(settings.desired_retention)
        self.retention.setAccessibleName("Desired retention")
        self.workload = QLabel()
        self.workload.setObjectName("workload")
        self.workload.setWordWrap(True)
        self.learning = QLineEdit(_steps(settings.learning_steps))
        self.learning.setObjectName("learningSteps")
        self.learning.setAccessibleName("Learning steps")
        self.relearning = QLineEdit(_steps(settings.relearning_steps))
        self.relearning.setObjectName("relearningSteps")
        self.relearning.setAccessibleName("Relearning steps")
        self.day_start = QSpinBox()
        self.day_start.setObjectName("dayStart")
        self.day_start.setRange(0, 23)
        self.day_start.setSuffix(":00")
        self.day_start.setValue(settings.day_start_hour)
        self.day_start.setAccessibleName("The study day starts at")
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {verdict_colors()[2]}; font-weight: 600;")
        self.problem.hide()

        schedule = QFormLayout()
        schedule.addRow("Desired &retention", self.retention)
        schedule.addRow("", _help("The share of reviews you should remember when they come "
                                  "up. Higher means more reviews each day."))
        schedule.addRow("", self.workload)
        schedule.addRow("&Learning steps", self.learning)
        schedule.addRow("", _help("Waits between the first answers to a new item, written "
                                  "like 1m 10m (s, m and h also work)."))
        schedule.addRow("R&elearning steps", self.relearning)
        schedule.addRow("", _help("Waits after you forget an item, before it goes back to "
                                  "its schedule."))
        schedule.addRow("Study day &starts at", self.day_start)
        schedule.addRow("", _help("Answers after midnight and before this hour count for "
                                  "the day before."))
        schedule_box = QGroupBox("Scheduling")
        schedule_box.setLayout(schedule)

        self.limits: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("Deck"), 0, 0)
        grid.addWidget(QLabel("New a day"), 0, 1)
        grid.addWidget(QLabel("Reviews a day"), 0, 2)
        for row, deck in enumerate(service.deck_limits(), start=1):
            new, reviews = QSpinBox(), QSpinBox()
            for box, value, what in ((new, deck.new_per_day, "new items"),
                                     (reviews, deck.reviews_per_day, "reviews")):
                box.setRange(0, MAX_LIMIT)
                box.setValue(value)
                box.setAccessibleName(f"{deck.title}: {what} a day")
                box.valueChanged.connect(lambda _v, d=deck.deck_id: self._limits_changed(d))
            new.setObjectName(f"new-{deck.deck_id}")
            reviews.setObjectName(f"reviews-{deck.deck_id}")
            title = QLabel(deck.title)
            title.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(title, row, 0)
            grid.addWidget(new, row, 1)
            grid.addWidget(reviews, row, 2)
            self.limits[deck.deck_id] = (new, reviews)
        grid.setColumnStretch(0, 1)
        limits_box = QGroupBox("Daily limits")
        limits_layout = QVBoxLayout(limits_box)
        limits_layout.addWidget(_help("How many new items each deck brings a day, and how "
                                      "many reviews at most. Reviews over the limit wait "
                                      "for the next day."))
        limits_layout.addLayout(grid)

        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName("Theme")
        for key in THEMES:
            self.theme.addItem(_THEME_LABELS[key], key)
        self.theme.setCurrentIndex(THEMES.index(service.theme()))
        appearance = QFormLayout()
        appearance.addRow("&Theme", self.theme)
        appearance_box = QGroupBox("Appearance")
        appearance_box.setLayout(appearance)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(schedule_box)
        layout.addWidget(limits_box)
        layout.addWidget(appearance_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            # Enter in a field saves that field; it must not close the dialog.
            button.setAutoDefault(False)
            button.setDefault(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.problem)
        outer.addWidget(scroll, 1)
        outer.addWidget(_help("Changes are saved as you make them."))
        outer.addWidget(buttons)

        self.retention.valueChanged.connect(self._show_workload)
        self.retention.editingFinished.connect(self._save_scheduling)
        self.learning.editingFinished.connect(self._save_scheduling)
        self.relearning.editingFinished.connect(self._save_scheduling)
        self.day_start.valueChanged.connect(lambda _v: self._save_scheduling())
        self.retention.valueChanged.connect(lambda _v: self._save_scheduling())
        self.theme.currentIndexChanged.connect(self._theme_changed)
        self._show_workload()

    def reject(self) -> None:
        """Close (Esc): what is typed in a field not yet left is saved first; a mistake
        keeps the dialog open, saying what is wrong."""
        if self._save_scheduling():
            super().reject()

    def _say(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))

    def _show_workload(self) -> None:
        retention = self.retention.value()
        try:
            estimate = self.service.workload(retention)
        except (ValueError, RuntimeError, sqlite3.Error) as exc:
            self.workload.setText(f"No workload estimate: {exc}")
            return
        self.workload.setText(
            f"At {retention:.0%}: about {estimate.reviews_per_day:.0f} reviews a day "
            f"(about {max(estimate.minutes_per_day, 1):.0f} min), averaged over a "
            "simulated year of your decks and daily limits.")

    def _save_scheduling(self) -> bool:
        try:
            self.service.save_scheduling(
                desired_retention=self.retention.value(),
                learning_steps=self.learning.text(),
                relearning_steps=self.relearning.text(),
                day_start_hour=self.day_start.value())
        except TrainerError as exc:
            self._say(str(exc))
            return False
        except sqlite3.Error as exc:
            self._say(f"Could not save: {exc}")
            return False
        self._say(None)
        return True

    def _limits_changed(self, deck_id: str) -> None:
        new, reviews = self.limits[deck_id]
        try:
            self.service.set_limits(deck_id, new.value(), reviews.value())
        except (TrainerError, sqlite3.Error) as exc:
            self._say(str(exc))
            return
        self._say(None)
        self._show_workload()

    def _theme_changed(self) -> None:
        theme = str(self.theme.currentData())
        try:
            self.service.set_theme(theme)
        except (TrainerError, sqlite3.Error) as exc:
            self._say(str(exc))
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            choose(app, theme)
