"""The PostgreSQL server this Windows user's Puskesos Desk connects to, when the office runs one.

Where it is (host, port, database, user) lives in a small JSON file in the user config folder. The password never
goes there: it sits in a libpq password file (pgpass format, mode 0600 where the OS has modes) next to it, and the
URL only names that file (`passfile=`), so neither the settings file, the URL nor a log line ever carries it.
Without a stored server the app uses the SQLite file in the user data folder, as a single village PC does.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import current_revision
from puskesos_desk.domain.errors import DatabaseProblem, InputRejected
from puskesos_desk.infra.db_location import ENV_DB, server_settings_path
from puskesos_desk.infra.paths import user_config_dir

log = logging.getLogger(__name__)

PASSWORD_FILE = "pgpass.conf"
DEFAULT_PORT = 5432
DEFAULT_NAME = "puskesos"
# A dead server on the LAN is reported after this many seconds instead of the operating system's minutes.
CONNECT_TIMEOUT_S = 10
_SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True, slots=True)
class ServerConnection:
    """Where the office's PostgreSQL server is; the password is kept apart (see the module docstring)."""

    host: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_NAME
    user: str = DEFAULT_NAME

    def describe(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"


def settings_path() -> Path:
    return server_settings_path()


def password_file_path() -> Path:
    return user_config_dir() / PASSWORD_FILE


def validate(connection: ServerConnection) -> ServerConnection:
    """Trimmed values, or InputRejected naming the field that is missing or wrong."""
    host, database, user = connection.host.strip(), connection.database.strip(), connection.user.strip()
    if not host:
        raise InputRejected("Isi nama atau alamat IP server.", field="host")
    if any(c.isspace() for c in host) or "/" in host:
        raise InputRejected("Nama server tidak boleh berisi spasi atau garis miring.", field="host")
    if not 1 <= connection.port <= 65535:
        raise InputRejected("Port harus antara 1 dan 65535 (biasanya 5432).", field="port")
    if not database:
        raise InputRejected("Isi nama basis data (biasanya puskesos).", field="database")
    if not user:
        raise InputRejected("Isi nama pengguna basis data (biasanya puskesos).", field="user")
    return ServerConnection(host=host, port=connection.port, database=database, user=user)


def build_url(connection: ServerConnection, *, passfile: Path | None = None) -> str:
    """A `postgresql://` URL (the data layer picks the psycopg driver) that names the password file, never the
    password itself."""
    host = f"[{connection.host}]" if ":" in connection.host else connection.host  # an IPv6 address
    query = [f"connect_timeout={CONNECT_TIMEOUT_S}"]
    if passfile is not None:
        query.insert(0, "passfile=" + quote(str(passfile), safe=""))
    return (f"postgresql://{quote(connection.user, safe='')}@{host}:{connection.port}/"
            f"{quote(connection.database, safe='')}?{'&'.join(query)}")


def server_of(url: str) -> ServerConnection | None:
    """The server a database URL points at; None for a SQLite file (or anything that is not PostgreSQL)."""
    parts = urlsplit(url)
    if parts.scheme not in _SERVER_SCHEMES or not parts.hostname:
        return None
    name = unquote(parts.path.lstrip("/")) or DEFAULT_NAME
    return ServerConnection(host=parts.hostname, port=parts.port or DEFAULT_PORT, database=name,
                            user=unquote(parts.username or "") or DEFAULT_NAME)


def passfile_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("passfile")
    return values[0] if values else None


def load() -> ServerConnection | None:
    """The stored server, or None when this user works on the local file (or the file cannot be read)."""
    path = settings_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return validate(ServerConnection(host=str(data["host"]), port=int(data["port"]),
                                         database=str(data["database"]), user=str(data["user"])))
    except (OSError, ValueError, KeyError, TypeError, InputRejected) as exc:
        # A broken file must not stop the app: it falls back to the local file and the dialog can store a new one.
        log.warning("stored database server ignored (%s): %s", path, exc)
        return None


def stored_url() -> str | None:
    """The URL of the stored server (with its password file), or None: then the local SQLite file is used."""
    connection = load()
    return None if connection is None else build_url(connection, passfile=password_file_path())


def startup_target(explicit: str | None) -> str | None:
    """What the app opens: `--db` when given, else PUSKESOS_DB (the data layer reads it), else the stored server,
    else None (the data layer then uses the local SQLite file)."""
    if explicit or os.environ.get(ENV_DB):
        return explicit
    return stored_url()


def target_is_server(target: str | None) -> bool:
    """True when the start-up target (as `startup_target` returned it) is a PostgreSQL server."""
    value = target or os.environ.get(ENV_DB) or ""
    return server_of(value) is not None


def has_password() -> bool:
    return password_file_path().exists()


def save(connection: ServerConnection, password: str | None) -> ServerConnection:
    """Store the server for this user. `password=None` keeps the stored password (the field was left empty)."""
    connection = validate(connection)
    _write_private(settings_path(), json.dumps(asdict(connection), indent=2) + "\n")
    if password is not None:
        _write_private(password_file_path(), pgpass_line(connection, password) + "\n")
    log.info("database server stored: %s as %s", connection.describe(), connection.user)
    return connection


def clear() -> None:
    """Forget the server and its password: the app uses the local SQLite file again from the next start."""
    for path in (settings_path(), password_file_path()):
        path.unlink(missing_ok=True)
    log.info("database server forgotten; the local file is used from the next start")


def pgpass_line(connection: ServerConnection, password: str) -> str:
    """One line of a libpq password file: host:port:database:user:password, with `\\` and `:` escaped."""
    fields = (connection.host, str(connection.port), connection.database, connection.user, password)
    return ":".join(value.replace("\\", "\\\\").replace(":", "\\:") for value in fields)


def _write_private(path: Path, text: str) -> None:
    """Write the whole file, readable by this user only. libpq ignores a password file that others may read
    (on Windows it does not check; the file is in the user's own profile there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, dir=path.parent)  # mkstemp creates it with mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def test_connection(url: str) -> str:
    """Connect once and return the server's version (e.g. "PostgreSQL 15.18"), or raise a DatabaseProblem whose
    message says what to check. Nothing is written to the database."""
    db = Database.open(url)
    try:
        current_revision(db)  # connects, signs in and reads the schema version: the same first step as a start
        info = db.engine.dialect.server_version_info or ()
    except DatabaseProblem:
        raise
    except Exception as exc:  # a driver error the data layer does not translate (yet): say it plainly
        log.info("connection test failed: %s", exc)
        raise DatabaseProblem(
            "Tidak dapat terhubung ke server basis data. Periksa nama server, port, nama basis data, pengguna dan "
            "kata sandi.", detail=str(exc)) from exc
    finally:
        db.dispose()
    version = ".".join(str(part) for part in info)
    return f"PostgreSQL {version}" if version else "PostgreSQL"


def test_server(connection: ServerConnection, password: str | None) -> str:
    """Test a connection typed in the dialog before it is stored. A typed password goes into a password file in a
    private temporary folder that is removed afterwards; `None` tests with the stored password."""
    connection = validate(connection)
    if password is None:
        return test_connection(build_url(connection, passfile=password_file_path()))
    with tempfile.TemporaryDirectory(prefix="puskesos-uji-") as folder:  # created with mode 0700
        passfile = Path(folder) / PASSWORD_FILE
        _write_private(passfile, pgpass_line(connection, password) + "\n")
        return test_connection(build_url(connection, passfile=passfile))
