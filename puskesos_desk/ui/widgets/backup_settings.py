"""Pengaturan → "Cadangan": the automatic backup's state, "Cadangkan sekarang…" to a chosen folder or USB stick
(with progress), the list of recent backups, the backup password, and "Pulihkan dari cadangan…" (Admin).

A restore replaces the whole database under the running app. Afterwards the user is signed out through the main
window's "Ganti pengguna" action, and signs in again on the restored database (same file, same site: the service
refuses another site's backup). On PostgreSQL the buttons explain pg_dump/pg_restore instead of faking a backup.

The dialogs (folder, file, password, confirmation) are methods so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import backups
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.progress_task import ProgressTask

RECENT_ROWS = 8


def _size(size_bytes: int) -> str:
    return f"{size_bytes / (1 << 20):.1f} MB".replace(".", ",")


class BackupSettings(QGroupBox):
    loaded = Signal()
    backed_up = Signal(object)  # backups.CreatedBackup
    restored = Signal(object)  # backups.RestoreResult
    password_saved = Signal(bool)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cadangan"), parent)
        self.ctx = ctx
        self.on_server = not ctx.db.is_sqlite
        self.can_backup = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.can_restore = ctx.actor.can(Permission.RESTORE_BACKUP)
        self.password_is_set = False
        self._load_started = False

        # Widgets
        self.lbl_automatic = self._hint()
        self.btn_backup = QPushButton(self.tr("Cadangkan sekarang…"))
        self.btn_backup.setToolTip(self.tr("Salin seluruh basis data ke folder atau flashdisk pilihan Anda"))
        self.btn_password = QPushButton(self.tr("Kata sandi cadangan…"))
        self.btn_restore = QPushButton(self.tr("Pulihkan dari cadangan…"))
        self.btn_restore.setVisible(self.can_restore)
        self.btn_backup.setEnabled(self.can_backup)
        self.btn_password.setEnabled(self.can_backup and not self.on_server)
        self.progress = ProgressTask()
        self.progress.btn_cancel.setVisible(False)  # a page-by-page copy is short and is not cut in the middle
        self.lbl_password = self._hint()
        self.tbl_recent = QTableWidget(0, 4)
        self.tbl_recent.setHorizontalHeaderLabels([self.tr("Waktu"), self.tr("Jenis"), self.tr("Ukuran"),
                                                   self.tr("Berkas")])
        self.tbl_recent.verticalHeader().setVisible(False)
        self.tbl_recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl_recent.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tbl_recent.setAccessibleName(self.tr("Cadangan terakhir"))
        self.tbl_recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lbl_status = self._hint()

        # Signals
        self.btn_backup.clicked.connect(self._on_btn_backup_clicked)
        self.btn_password.clicked.connect(self._on_btn_password_clicked)
        self.btn_restore.clicked.connect(self._on_btn_restore_clicked)

        # Assemble
        buttons = QHBoxLayout()
        for button in (self.btn_backup, self.btn_password, self.btn_restore):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.lbl_automatic)
        box.addLayout(buttons)
        box.addWidget(self.progress)
        box.addWidget(self.lbl_password)
        box.addWidget(self.tbl_recent)
        box.addWidget(self.lbl_status)
        box.addStretch(1)  # spare height goes below, not between the rows
        if self.on_server:
            self.lbl_automatic.setText(backups.POSTGRES_MESSAGE)
            self.tbl_recent.setVisible(False)
            self.lbl_password.setVisible(False)

    @staticmethod
    def _hint(text: str = "") -> QLabel:
        widget = QLabel(text)
        widget.setObjectName("lbl_hint")
        widget.setWordWrap(True)
        return widget

    def _say(self, text: str) -> None:
        self.lbl_status.setText(text)

    def _on_failed(self, error: BaseException) -> None:
        self.progress.finish()
        self._set_busy(False)
        if isinstance(error, PuskesosError):
            self._say(error.message)
        else:
            show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self.btn_backup.setEnabled(self.can_backup and not busy)
        self.btn_password.setEnabled(self.can_backup and not busy and not self.on_server)
        self.btn_restore.setEnabled(self.can_restore and not busy)

    # --- loading ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.load)

    def load(self) -> None:
        if self.on_server or not (self.can_backup or self.can_restore):
            self._set_busy(False)
            self.loaded.emit()
            return
        ctx = self.ctx
        run_op(self, lambda: (backups.list_backups(ctx), backups.backup_password_set(ctx),
                              backups.backup_folder(ctx)), self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[list, bool, Path]) -> None:
        found, self.password_is_set, folder = result
        status = backups.automatic_status()
        automatic = status.message if status is not None else self.tr(
            "Cadangan otomatis dibuat saat aplikasi pertama kali dibuka setiap hari (disimpan 7 harian, 4 mingguan, "
            "12 bulanan).")
        self.lbl_automatic.setText(self.tr("{automatic} Folder cadangan: {folder}").format(automatic=automatic,
                                                                                             folder=folder))
        self.lbl_password.setText(self.tr(
            "Kata sandi cadangan diatur: cadangan ke folder pilihan selalu dienkripsi dan hanya dapat dipulihkan "
            "dengan kata sandi itu. Simpan kata sandinya di tempat aman; bila hilang, cadangan tidak dapat dibuka.")
            if self.password_is_set else self.tr(
            "Tanpa kata sandi cadangan, berkas cadangan di flashdisk dapat dibuka siapa saja yang memegangnya. "
            "Atur kata sandi cadangan untuk mengenkripsinya."))
        kinds = {"harian": self.tr("Otomatis harian"), "manual": self.tr("Manual"),
                 "sebelum-migrasi": self.tr("Sebelum pembaruan"), "diganti": self.tr("Diganti saat pemulihan")}
        shown = found[:RECENT_ROWS]
        self.tbl_recent.setRowCount(len(shown))
        for row, item in enumerate(shown):
            kind = kinds.get(item.kind, item.kind) + (self.tr(" (terenkripsi)") if item.encrypted else "")
            cells = (f"{format_date_short(item.taken_at.date())} {item.taken_at:%H:%M}", kind,
                     _size(item.size_bytes), item.path.name)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(item.path))  # the name fits the column; the folder is in the tip
                self.tbl_recent.setItem(row, column, cell)
        for column in range(3):
            self.tbl_recent.resizeColumnToContents(column)
        # As tall as its rows (an empty list shows no empty box): the page scrolls, not this table.
        self.tbl_recent.setVisible(bool(shown))
        header = self.tbl_recent.horizontalHeader().height()
        self.tbl_recent.setFixedHeight(header + sum(self.tbl_recent.rowHeight(r) for r in range(len(shown))) + 4)
        if not shown:
            self._say(self.lbl_status.text() or self.tr("Belum ada cadangan di folder cadangan."))
        self._set_busy(False)
        self.loaded.emit()

    # --- the dialogs (tests answer these) ----------------------------------------------------------------------------

    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Simpan cadangan di folder (misalnya flashdisk)"))
        return Path(folder) if folder else None

    def choose_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas cadangan"), "",
                                              self.tr("Cadangan Puskesos Desk (*.db *.enc);;Semua berkas (*)"))
        return Path(name) if name else None

    def ask_password(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Kata sandi cadangan"), prompt, QLineEdit.EchoMode.Password)
        return text if ok else None

    def confirm_restore(self, info: backups.BackupInfo) -> bool:
        facts = info.facts
        schema = self.tr("sama dengan aplikasi") if info.schema_state == "sama" else self.tr(
            "lebih lama; diperbarui sesudah dipulihkan")
        text = self.tr(
            "Berkas: {file}\nSitus: {code} ({name})\nData sampai: {until}\nSkema: {revision} ({schema})\n"
            "Ukuran: {size}{sealed}\n\nSeluruh basis data yang sekarang diganti dengan isi cadangan ini. Basis data "
            "yang sekarang disimpan di folder cadangan. Sesudahnya Anda keluar dan masuk lagi.").format(
            file=info.path.name, code=facts.site_code, name=facts.site_name, until=facts.last_event_at or "—",
            revision=facts.revision, schema=schema, size=_size(info.size_bytes),
            sealed=self.tr(", terenkripsi") if info.encrypted else "")
        answer = QMessageBox.question(self, self.tr("Pulihkan dari cadangan?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # --- backing up --------------------------------------------------------------------------------------------------

    def _on_btn_backup_clicked(self) -> None:
        if self.on_server:
            self._say(backups.POSTGRES_MESSAGE)
            return
        folder = self.choose_folder()
        if folder is None:
            return
        password = None
        if self.password_is_set:
            password = self.ask_password(self.tr("Kata sandi cadangan situs ini:"))
            if not password:
                return
        ctx, sink = self.ctx, self.progress.start(self.tr("Mencadangkan basis data…"))
        self._set_busy(True)
        run_op(self, lambda: backups.create_backup(ctx, folder, password=password,
                                                   progress=lambda done, total: sink.progress(done, total, "")),
               self._on_backed_up, self._on_failed, writes=True)

    def _on_backed_up(self, made: backups.CreatedBackup) -> None:
        self.progress.finish()
        self._say(self.tr("Cadangan tersimpan: {path} ({size}).").format(path=made.path, size=_size(made.size_bytes)))
        self.backed_up.emit(made)
        self.load()

    def _on_btn_password_clicked(self) -> None:
        first = self.ask_password(self.tr("Kata sandi cadangan baru (kosongkan untuk menghapus kata sandi):"))
        if first is None:
            return
        if first and self.ask_password(self.tr("Ulangi kata sandi cadangan:")) != first:
            self._say(self.tr("Kata sandi dan ulangannya tidak sama; tidak ada yang diubah."))
            return
        ctx = self.ctx
        run_op(self, lambda: backups.set_backup_password(ctx, first or None),
               lambda _: self._on_password_saved(bool(first)), self._on_failed, writes=True)

    def _on_password_saved(self, is_set: bool) -> None:
        self._say(self.tr("Kata sandi cadangan disimpan.") if is_set else self.tr("Kata sandi cadangan dihapus."))
        self.password_saved.emit(is_set)
        self.load()

    # --- restoring ---------------------------------------------------------------------------------------------------

    def _on_btn_restore_clicked(self) -> None:
        if self.on_server:
            self._say(backups.POSTGRES_MESSAGE.replace("pg_dump dan pg_restore", "pg_restore"))
            return
        file = self.choose_file()
        if file is None:
            return
        password = None
        if backups.needs_password(file):
            password = self.ask_password(self.tr("Berkas ini dienkripsi. Kata sandi cadangan:"))
            if not password:
                return
        ctx = self.ctx
        self._set_busy(True)
        self._say(self.tr("Memeriksa berkas cadangan…"))
        run_op(self, lambda: backups.inspect(ctx, file, password=password),
               lambda info: self._on_inspected(info, password), self._on_failed)

    def _on_inspected(self, info: backups.BackupInfo, password: str | None) -> None:
        if not self.confirm_restore(info):
            self._set_busy(False)
            self._say(self.tr("Pemulihan dibatalkan; tidak ada yang diubah."))
            return
        ctx, sink = self.ctx, self.progress.start(self.tr("Memulihkan basis data…"))
        run_op(self, lambda: backups.restore(ctx, info.path, password,
                                             progress=lambda done, total: sink.progress(done, total, "")),
               self._on_restored, self._on_failed, writes=True)

    def _on_restored(self, result: backups.RestoreResult) -> None:
        self.progress.finish()
        self._say(self.tr("Basis data dipulihkan. Basis data sebelumnya disimpan sebagai {path}. Silakan masuk "
                          "lagi.").format(path=result.replaced_path))
        self.restored.emit(result)
        switch_user = getattr(self.window(), "act_switch_user", None)
        if isinstance(switch_user, QAction):  # sign out: the sign-in dialog opens on the restored database
            QMessageBox.information(self, self.tr("Pemulihan selesai"), self.lbl_status.text())
            switch_user.trigger()
