"""Choosing the service a resident is referred to: a filterable list of the directory with the services that fit
the case first (ServicePicker), and a card with what the officer must check before referring: address, hours, who
is eligible, how long the answer takes, whether the entry is still an unverified example (ServiceCard)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.reference import ServiceItem

SERVICE_ROLE = Qt.ItemDataRole.UserRole


def ranked(services: Sequence[ServiceItem], preferred: Sequence[str]) -> list[ServiceItem]:
    """The services that fit the case first, best fit first (the order of `preferred`), then the rest by name."""
    place = {service_id: index for index, service_id in enumerate(preferred)}
    return sorted(services, key=lambda s: (place.get(s.id, len(place)), s.name.casefold(), s.organization.casefold()))


def matches(service: ServiceItem, text: str) -> bool:
    """Every word typed appears in the service's name, organisation or code (any order, any case)."""
    haystack = f"{service.name} {service.organization} {service.code}".casefold()
    return all(word in haystack for word in text.casefold().split())


class ServiceCard(QFrame):
    """What the officer checks before referring; a hint while no service is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")

        # Widgets
        self.lbl_empty = self._line(self.tr("Pilih layanan di daftar untuk melihat alamat, jam layanan dan syarat "
                                            "penerimanya."))
        self.lbl_empty.setObjectName("lbl_hint")
        self.lbl_name = self._line(bold=True)
        self.lbl_organization = self._line()
        self.lbl_address = self._line()
        self.lbl_hours = self._line()
        self.lbl_eligibility = self._line()
        self.lbl_response = self._line()
        self.lbl_example = self._line(self.tr("Contoh, belum diverifikasi: periksa alamat, jam layanan dan "
                                              "persyaratan ke lembaganya sebelum merujuk."))
        self.lbl_example.setObjectName("lbl_hint")
        self.lbl_example.setProperty("warning", True)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        for widget in (self.lbl_empty, self.lbl_name, self.lbl_organization, self.lbl_address, self.lbl_hours,
                       self.lbl_eligibility, self.lbl_response, self.lbl_example):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_service(None)

    @staticmethod
    def _line(text: str = "", *, bold: bool = False) -> QLabel:
        widget = QLabel(text)
        widget.setWordWrap(True)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = widget.font()
            font.setBold(True)
            widget.setFont(font)
        return widget

    def show_service(self, service: ServiceItem | None) -> None:
        self.lbl_empty.setVisible(service is None)
        for widget in (self.lbl_name, self.lbl_organization, self.lbl_address, self.lbl_hours, self.lbl_eligibility,
                       self.lbl_response, self.lbl_example):
            widget.setVisible(service is not None)
        if service is None:
            return
        self.lbl_name.setText(service.name)
        self.lbl_organization.setText(service.organization)
        self.lbl_address.setText(self.tr("Alamat: {address}").format(
            address=service.address or self.tr("alamat belum tercatat")))
        self.lbl_hours.setText(self.tr("Jam layanan: {hours}").format(hours=service.hours))
        self.lbl_hours.setVisible(bool(service.hours))
        self.lbl_eligibility.setText(self.tr("Syarat penerima: {text}").format(text=service.eligibility))
        self.lbl_eligibility.setVisible(bool(service.eligibility))
        self.lbl_response.setText(self.tr("Jawaban diharapkan dalam {days} hari kerja setelah surat diserahkan.")
                                  .format(days=service.response_days))
        self.lbl_example.setVisible(service.is_example)


class ServicePicker(QWidget):
    """The search field and the list; `service_changed` with the chosen service (None when nothing matches)."""

    service_changed = Signal(object)  # ServiceItem | None
    service_chosen = Signal()  # Enter on the list: the officer moves on to the rest of the form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preferred: frozenset[str] = frozenset()

        # Widgets
        self.edt_filter = QLineEdit()
        self.edt_filter.setPlaceholderText(self.tr("Cari layanan atau lembaga…"))
        self.edt_filter.setClearButtonEnabled(True)
        self.edt_filter.setAccessibleName(self.tr("Cari layanan tujuan"))
        self.lst_services = QListWidget()
        self.lst_services.setAccessibleName(self.tr("Layanan tujuan"))
        self.lst_services.setWordWrap(True)  # long names wrap instead of scrolling sideways
        self.lst_services.setResizeMode(QListView.ResizeMode.Adjust)
        self.lst_services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lst_services.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.lst_services.setSpacing(2)  # wrapped names stay apart from the next one
        self.lst_services.setMinimumHeight(180)

        # Signals
        self.edt_filter.textChanged.connect(self._on_edt_filter_text_changed)
        self.edt_filter.installEventFilter(self)
        self.lst_services.installEventFilter(self)
        self.lst_services.currentItemChanged.connect(self._on_lst_services_current_item_changed)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edt_filter)
        layout.addWidget(self.lst_services, 1)

    def set_services(self, services: Sequence[ServiceItem], preferred: Sequence[str], marker: str) -> None:
        """Fill the list; the `preferred` service ids come first in their order, in bold, with `marker` after their
        name; the first of them is chosen."""
        self._preferred = frozenset(preferred)
        self.lst_services.blockSignals(True)
        self.lst_services.clear()
        for service in ranked(services, preferred):
            fits = service.id in self._preferred
            item = QListWidgetItem(f"{service.name} — {marker}" if fits else service.name)
            item.setData(SERVICE_ROLE, service)
            item.setToolTip(service.organization)
            if fits:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.lst_services.addItem(item)
        self.lst_services.blockSignals(False)
        if self._preferred and self.lst_services.count():
            self.lst_services.setCurrentRow(0)  # the best fit is the likely choice; the officer can change it

    def current(self) -> ServiceItem | None:
        item = self.lst_services.currentItem()
        if item is None or item.isHidden():
            return None
        value = item.data(SERVICE_ROLE)
        return value if isinstance(value, ServiceItem) else None

    def _on_edt_filter_text_changed(self, text: str) -> None:
        first_visible: QListWidgetItem | None = None
        for row in range(self.lst_services.count()):
            item = self.lst_services.item(row)
            hidden = not matches(item.data(SERVICE_ROLE), text)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.lst_services.currentItem()
        if current is None or current.isHidden():
            self.lst_services.setCurrentItem(first_visible)  # None clears the choice when nothing matches
            if first_visible is None:
                self.service_changed.emit(None)

    def _on_lst_services_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.service_changed.emit(self.current() if current is not None else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search field moves to the list, as in a search box; Enter on the list chooses the
        service. Neither reaches the dialog's default button: a referral is saved with Simpan or Ctrl+S only."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.edt_filter and (enter or event.key() == Qt.Key.Key_Down):
            self.lst_services.setFocus()
            return True
        if watched is self.lst_services and enter:
            if self.current() is not None:
                self.service_chosen.emit()
            return True
        return super().eventFilter(watched, event)
