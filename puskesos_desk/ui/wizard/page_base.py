"""What every page of the first-run wizard shares: texts set in `retranslate()` (called again when the officer
switches the language on the first page), hint and message labels, and Back keeping what was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget, QWizardPage

if TYPE_CHECKING:
    from puskesos_desk.ui.wizard.first_run_wizard import FirstRunWizard


def hint_label(text: str = "") -> QLabel:
    """A wrapped grey hint that is always there (its text is set in retranslate())."""
    label = QLabel(text)
    label.setObjectName("lbl_hint")
    label.setWordWrap(True)
    return label


def message_label(*, warning: bool = False) -> QLabel:
    """A message that comes and goes: red beside a field (`warning`) or grey status; hidden while empty."""
    label = hint_label()
    label.setProperty("warning", warning)
    label.setVisible(False)
    return label


def with_messages(field: QWidget | QLayout, *messages: QLabel) -> QVBoxLayout:
    """A form field with its messages right under it: a hidden message takes no room (a form row of its own would
    leave a gap)."""
    box = QVBoxLayout()
    box.setSpacing(2)
    if isinstance(field, QLayout):
        box.addLayout(field)
    else:
        box.addWidget(field)
    for message in messages:
        box.addWidget(message)
    return box


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class WizardPage(QWizardPage):
    """Widgets are made in __init__, their texts in `retranslate()`, which __init__ of each page calls last."""

    def retranslate(self) -> None:
        """Set every text of the page in the current language."""

    def first_run(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def cleanupPage(self) -> None:
        """Back keeps what was typed (QWizardPage's default would reset registered fields)."""
