"""Settings > Preferences…: scheduling, each deck's daily limits and the theme.

Every field is stored as soon as it is changed (a field left with a mistake says what
is wrong and stores nothing), and the schedule follows from the next answer on. The
desired retention shows the daily workload it would bring, simulated by fsrs-rs."""

from __future__ import annotations

import sqlite3
import sys
from datetime import time

from PySide6.QtCore import QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from trainer import i18n
from trainer.desktop import autostart_enabled, set_autostart
from trainer.domain.errors import TrainerError
from trainer.gui.language import LANGUAGES, resolve
from trainer.gui.questions import confirm_discard
from trainer.gui.theme import choose, muted, verdict_colors
from trainer.i18n import QT_TRANSLATE_NOOP, Context, number
from trainer.study.settings_service import (
    MAX_LIMIT,
    THEMES,
    Reminder,
    SettingsService,
    format_steps,
)


class SettingsDialogText(Context):
    """Settings > Preferences."""


_THEME_LABELS = {"system": QT_TRANSLATE_NOOP("SettingsDialogText", "Follow the system"),
                 "light": QT_TRANSLATE_NOOP("SettingsDialogText", "Light"),
                 "dark": QT_TRANSLATE_NOOP("SettingsDialogText", "Dark")}


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

    reminder_changed = Signal(object)  # the Reminder now stored
    reopen_requested = Signal()  # close the window and open it again (a new language)

    def __init__(self, service: SettingsService, parent: QWidget | None = None,
                 profile: str | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.profile = profile  # the profile the start at login opens
        self.setWindowTitle(SettingsDialogText.tr("Preferences"))
        self.setObjectName("settingsDialog")
        self.resize(620, 640)
        settings = service.current

        self.retention = QDoubleSpinBox()
        self.retention.setObjectName("retention")
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(settings.desired_retention)
        self.retention.setAccessibleName(SettingsDialogText.tr("Desired retention"))
        self.workload = QLabel()
        self.workload.setObjectName("workload")
        self.workload.setWordWrap(True)
        self.learning = QLineEdit(format_steps(settings.learning_steps))
        self.learning.setObjectName("learningSteps")
        self.learning.setAccessibleName(SettingsDialogText.tr("Learning steps"))
        self.relearning = QLineEdit(format_steps(settings.relearning_steps))
        self.relearning.setObjectName("relearningSteps")
        self.relearning.setAccessibleName(SettingsDialogText.tr("Relearning steps"))
        self.day_start = QSpinBox()
        self.day_start.setObjectName("dayStart")
        self.day_start.setRange(0, 23)
        self.day_start.setSuffix(":00")
        self.day_start.setValue(settings.day_start_hour)
        self.day_start.setAccessibleName(SettingsDialogText.tr("The study day starts at"))
        self._close_refused = False  # a close was refused for the mistake shown
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {verdict_colors()[2]}; font-weight: 600;")
        self.problem.hide()

        schedule = QFormLayout()
        schedule.addRow(SettingsDialogText.tr("Desired &retention"), self.retention)
        schedule.addRow("", _help(SettingsDialogText.tr(
            "The share of reviews you should remember when they come up. Higher means more "
            "reviews each day.")))
        schedule.addRow("", self.workload)
        schedule.addRow(SettingsDialogText.tr("&Learning steps"), self.learning)
        schedule.addRow("", _help(SettingsDialogText.tr(
            "Waits between the first answers to a new item, written like 1m 10m (s, m and h also"
            " work).")))
        schedule.addRow(SettingsDialogText.tr("R&elearning steps"), self.relearning)
        schedule.addRow("", _help(SettingsDialogText.tr(
            "Waits after you forget an item, before it goes back to its schedule.")))
        schedule.addRow(SettingsDialogText.tr("Study day &starts at"), self.day_start)
        schedule.addRow("", _help(SettingsDialogText.tr(
            "Answers after midnight and before this hour count for the day before.")))
        schedule_box = QGroupBox(SettingsDialogText.tr("Scheduling"))
        schedule_box.setLayout(schedule)

        self.limits: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(SettingsDialogText.tr("Deck")), 0, 0)
        grid.addWidget(QLabel(SettingsDialogText.tr("New a day")), 0, 1)
        grid.addWidget(QLabel(SettingsDialogText.tr("Reviews a day")), 0, 2)
        for row, deck in enumerate(service.deck_limits(), start=1):
            new, reviews = QSpinBox(), QSpinBox()
            for box, value, what in (
                    (new, deck.new_per_day, SettingsDialogText.tr("{deck}: new items a day")),
                    (reviews, deck.reviews_per_day,
                     SettingsDialogText.tr("{deck}: reviews a day"))):
                box.setRange(0, MAX_LIMIT)
                box.setValue(value)
                box.setAccessibleName(what.format(deck=deck.title))
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
        limits_box = QGroupBox(SettingsDialogText.tr("Daily limits"))
        limits_layout = QVBoxLayout(limits_box)
        limits_layout.addWidget(_help(SettingsDialogText.tr(
            "How many new items each deck brings a day, and how many reviews at most. Reviews "
            "over the limit wait for the next day.")))
        limits_layout.addLayout(grid)

        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName(SettingsDialogText.tr("Theme"))
        for key in THEMES:
            self.theme.addItem(SettingsDialogText.tr(_THEME_LABELS[key]), key)
        self.theme.setCurrentIndex(THEMES.index(service.theme()))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName(SettingsDialogText.tr("Language"))
        self.language.addItem(SettingsDialogText.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(service.language())))
        self.reopen = QPushButton(SettingsDialogText.tr("Re&open now"))
        self.reopen.setObjectName("reopen")
        self.reopen.setAutoDefault(False)
        self.reopen.hide()
        self.reopen.clicked.connect(self._reopen)
        self.language_note = _help(SettingsDialogText.tr(
            "The window speaks the new language when it next opens."))
        self.language_note.hide()
        appearance = QFormLayout()
        appearance.addRow(SettingsDialogText.tr("&Theme"), self.theme)
        appearance.addRow(SettingsDialogText.tr("&Language"), self.language)
        note_row = QHBoxLayout()
        note_row.addWidget(self.language_note, 1)
        note_row.addWidget(self.reopen)
        appearance.addRow("", note_row)
        appearance_box = QGroupBox(SettingsDialogText.tr("Appearance"))
        appearance_box.setLayout(appearance)

        reminders_box = self._reminders_box()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(schedule_box)
        layout.addWidget(limits_box)
        layout.addWidget(reminders_box)
        layout.addWidget(appearance_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(SettingsDialogText.tr("Preferences"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            # Enter in a field saves that field; it must not close the dialog.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.problem)
        outer.addWidget(scroll, 1)
        outer.addWidget(_help(SettingsDialogText.tr("Changes are saved as you make them.")))
        outer.addWidget(buttons)

        self.retention.valueChanged.connect(self._show_workload)
        self.retention.editingFinished.connect(self._save_scheduling)
        self.learning.editingFinished.connect(self._save_scheduling)
        self.relearning.editingFinished.connect(self._save_scheduling)
        self.day_start.valueChanged.connect(lambda _v: self._save_scheduling())
        self.retention.valueChanged.connect(lambda _v: self._save_scheduling())
        self.theme.currentIndexChanged.connect(self._theme_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._show_workload()

    def reject(self) -> None:
        """Close (Esc): what is typed in a field not yet left is saved first; a mistake
        keeps the dialog open, saying what is wrong. Closing again with the mistake
        still there asks whether to close without that change, so the rep is never
        kept in the dialog."""
        if self._save_scheduling():
            super().reject()
            return
        if not self._close_refused:
            self._close_refused = True
            return
        if confirm_discard(self, SettingsDialogText.tr("Preferences"),
                           SettingsDialogText.tr("{problem}\n\nClose without this change? "
                                                 "The saved settings stay as they are.").format(
                               problem=self.problem.text()),
                           SettingsDialogText.tr("&Close without it"),
                           SettingsDialogText.tr("&Fix it")):
            super().reject()

    def _say(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))

    def _show_workload(self) -> None:
        retention = self.retention.value()
        try:
            estimate = self.service.workload(retention)
        except (ValueError, RuntimeError, sqlite3.Error) as exc:
            self.workload.setText(SettingsDialogText.tr(
                "No workload estimate: {problem}").format(problem=exc))
            return
        self.workload.setText(SettingsDialogText.tr(
            "At {retention}%: about {reviews} reviews a day (about {minutes} min), "
            "averaged over a simulated year of your decks and daily limits.").format(
                retention=number(retention * 100), reviews=number(estimate.reviews_per_day),
                minutes=number(max(estimate.minutes_per_day, 1))))

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
            self._say(SettingsDialogText.tr("Could not save: {problem}").format(problem=exc))
            return False
        self._say(None)
        self._close_refused = False
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

    def _reminders_box(self) -> QGroupBox:
        reminder = self.service.reminder()
        self.remind = QCheckBox(SettingsDialogText.tr("&Remind me every day at"))
        self.remind.setObjectName("remind")
        self.remind.setChecked(reminder.enabled)
        self.remind_at = QTimeEdit(QTime(reminder.at.hour, reminder.at.minute))
        self.remind_at.setObjectName("remindAt")
        self.remind_at.setDisplayFormat("HH:mm")
        self.remind_at.setAccessibleName(SettingsDialogText.tr("Reminder time"))
        self.remind_at.setEnabled(reminder.enabled)
        self.at_login = QCheckBox(SettingsDialogText.tr("Open Sales Trainer when I &log in"))
        self.at_login.setObjectName("atLogin")
        self.at_login.setChecked(autostart_enabled())
        row = QHBoxLayout()
        row.addWidget(self.remind)
        row.addWidget(self.remind_at)
        row.addStretch(1)
        box = QGroupBox(SettingsDialogText.tr("Reminders"))
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        if QSystemTrayIcon.isSystemTrayAvailable():
            how = SettingsDialogText.tr(
                "A notification says how much waits today, while Sales Trainer is open "
                "(minimised or in the system tray is enough). No reminder comes on a day "
                "with nothing to study.")
        else:
            how = SettingsDialogText.tr(
                "This desktop has no system tray, so the reminder makes the window's "
                "taskbar entry flash and says what waits in its title, while Sales Trainer "
                "is open.")
        layout.addWidget(_help(how))
        layout.addWidget(self.at_login)
        layout.addWidget(_help(SettingsDialogText.tr(
            "Opens minimised when you log in, so that the reminder comes without you "
            "starting the app.")))
        if not sys.platform.startswith("linux"):
            # The freedesktop autostart entry is how Linux desktops do it; elsewhere the
            # system's own startup settings are the place.
            self.at_login.setEnabled(False)
        self.remind.toggled.connect(self._reminder_changed)
        self.remind_at.timeChanged.connect(lambda _t: self._reminder_changed())
        self.at_login.toggled.connect(self._at_login_changed)
        return box

    def _reminder_changed(self) -> None:
        at = self.remind_at.time()
        self.remind_at.setEnabled(self.remind.isChecked())
        reminder = Reminder(self.remind.isChecked(), time(at.hour(), at.minute()))
        try:
            self.service.set_reminder(reminder)
        except (TrainerError, sqlite3.Error) as exc:
            self._say(SettingsDialogText.tr("Could not save: {problem}").format(problem=exc))
            return
        self._say(None)
        self.reminder_changed.emit(reminder)

    def _at_login_changed(self, enabled: bool) -> None:
        try:
            set_autostart(enabled, self.profile)
        except OSError as exc:
            self._say(SettingsDialogText.tr(
                "Could not change the start at login: {problem}").format(problem=exc))
            with QSignalBlocker(self.at_login):
                self.at_login.setChecked(not enabled)
            return
        self._say(None)

    def _language_changed(self) -> None:
        choice = str(self.language.currentData())
        try:
            self.service.set_language(choice)
        except (TrainerError, sqlite3.Error) as exc:
            self._say(str(exc))
            return
        changed = resolve(choice) != i18n.language()
        self.language_note.setVisible(changed)
        self.reopen.setVisible(changed)

    def _reopen(self) -> None:
        if self._save_scheduling():
            self.reopen_requested.emit()
            self.accept()
