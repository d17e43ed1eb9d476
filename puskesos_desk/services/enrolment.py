"""A village joins its district with a set-up file and a one-time enrolment code.

    district: village add → set-up file (signed: village code and name, the district's card, the enrolment code,
              service directory, holidays) + a pending enrolment holding only the code's derived key
    village:  init --setup → its own key pair, the district trusted, directory and holidays loaded
    village:  first package → `_meta` carries the village's card and an HMAC of it under the code's key
    district: import → the proof verifies against the pending enrolment → the key is registered, the code is spent

The district never holds a village's private key. The code is random (about 70 bits) and read once by the Admin,
so a fast keyed hash is enough; the district stores the derived key because it must recompute the proof, never the
code. The same admission path lets a village accept its district's first package after confirming the fingerprint
(`import --trust-new-sender`): district packages carry the district's card for that.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from puskesos_desk import __version__
from puskesos_desk.data.audit import append_event
from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import enrolments, sites, trust
from puskesos_desk.data.seed import REGION_SOURCE
from puskesos_desk.domain.enums import AuditAction, PackageKind, SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_package import (
    ENROLMENT_CARD,
    ENROLMENT_PROOF,
    SENDER_CARD,
    PackageMeta,
    PackageRefused,
)
from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.domain.records import SiteCard, SiteInfo, TrustedSiteInfo
from puskesos_desk.domain.site_code import SiteCodeError, parse_site_code
from puskesos_desk.services import keys, passwords
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import InitResult, get_site_info, initialise_site, site_card, site_private_seed

SETUP_FORMAT = "puskesos-desk/village-setup@1"
_KEY_LABEL = b"puskesos-desk/enrolment@1"


# --- the code, its key and the proof ----------------------------------------------------------------------------


def _normalised(code: str) -> str:
    return "".join(code.split()).lower()


def code_key(code: str) -> str:
    """The key derived from an enrolment code (hex); what both sides keep instead of the code."""
    return hmac.new(_normalised(code).encode("utf-8"), _KEY_LABEL, hashlib.sha256).hexdigest()


def card_proof(key_hex: str, card_text: str) -> str:
    return hmac.new(bytes.fromhex(key_hex), card_text.encode("utf-8"), hashlib.sha256).hexdigest()


def compact_card(card_text: str) -> str:
    """A card as one line: it goes into one `_meta` cell."""
    return json.dumps(json.loads(card_text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- the set-up file --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupFileResult:
    path: Path
    site_code: str
    name: str
    enrolment_code: str  # shown once to the Admin; stored nowhere
    district_fingerprint: str
    services: int
    holidays: int


@dataclass(frozen=True)
class SetupFile:
    site_code: str
    name: str
    district_card: SiteCard
    district_card_text: str
    enrolment_code: str
    service_directory: list[dict[str, Any]]
    holidays: dict[str, Any]
    reference_version: dict[str, str]


def _signed_message(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def write_setup_file(ctx: ServiceContext, *, site_code: str, name: str, out: Path) -> SetupFileResult:
    """At a district: invite a village. Writes the signed set-up file and records the pending enrolment together,
    so a file never exists whose code does not work (and an earlier unused file for the village stops working)."""
    ctx.require(Permission.MANAGE_SETTINGS)
    district = get_site_info(ctx.db)
    if district.role is not SiteRole.KABUPATEN:
        raise InputRejected("Berkas penyiapan desa dibuat di Sekretariat SLRT kabupaten/kota, bukan di desa.")
    try:
        village = parse_site_code(site_code, SiteRole.DESA)
    except SiteCodeError as exc:
        raise InputRejected(str(exc), field="site") from exc
    if village.regency != district.code:
        raise InputRejected(f"Desa/kelurahan {village.code} tidak berada di wilayah {district.name} "
                            f"({district.code}).", field="site")
    if not name.strip():
        raise InputRejected("Nama situs desa wajib diisi, misalnya \"Puskesos Desa Sumogawe\".", field="name")
    out = Path(out)
    if out.is_dir():
        raise InputRejected(f"{out} adalah folder; berikan nama berkas, misalnya penyiapan-desa.json.")
    _, card_text = site_card(ctx)
    seed = site_private_seed(ctx)
    code = passwords.generate_password()
    with ctx.db.transaction(ctx.actor) as session:
        if trust.get(session, village.code) is not None:
            raise InputRejected(f"Desa/kelurahan {village.code} sudah terdaftar sebagai situs tepercaya; berkas "
                                "penyiapan tidak diperlukan lagi.", field="site")
        document: dict[str, Any] = {
            "format": SETUP_FORMAT, "site_code": village.code, "name": name.strip(),
            "district_card": json.loads(card_text), "enrolment_code": code,
            "service_directory": enrolments.directory_rows(session), "holidays": enrolments.holiday_rows(session),
            "reference_version": {"app_version": __version__, "regions": REGION_SOURCE},
            "created_at": ctx.now().isoformat(timespec="seconds"),
        }
        document = json.loads(_signed_message(document))  # dates and the like as the reader will see them
        document["signature"] = keys.b64(keys.sign(seed, _signed_message(document)))
        enrolments.add_pending(session, site_code=village.code, name=name.strip(), code_hash=code_key(code),
                               by=ctx.actor.id, at=ctx.now())
        append_event(session, AuditAction.EXPORT, entity="village_enrolment", entity_id=village.code,
                     changes={"file": out.name, "services": len(document["service_directory"])},
                     recipient=name.strip(), purpose="Berkas penyiapan desa")
        try:
            out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputRejected(f"Tidak dapat menulis {out}: {exc.strerror}.") from exc
    return SetupFileResult(path=out, site_code=village.code, name=name.strip(), enrolment_code=code,
                           district_fingerprint=district.fingerprint,
                           services=len(document["service_directory"]),
                           holidays=len(document["holidays"]["days"]))


def read_setup_file(text: str) -> SetupFile:
    """Parse a set-up file and check its signature with the district card inside it."""
    bad = InputRejected("Berkas ini bukan berkas penyiapan desa Puskesos Desk, atau rusak.")
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != SETUP_FORMAT:
            raise bad
        signature = base64.b64decode(document.pop("signature"), validate=True)
        card_text = json.dumps(document["district_card"], ensure_ascii=False)
        setup = SetupFile(
            site_code=str(document["site_code"]), name=str(document["name"]),
            district_card=keys.card_from_json(card_text), district_card_text=card_text,
            enrolment_code=str(document["enrolment_code"]), service_directory=list(document["service_directory"]),
            holidays=dict(document["holidays"]), reference_version=dict(document.get("reference_version", {})),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise bad from exc
    public = base64.b64decode(setup.district_card.public_key_b64)
    if not keys.verify(public, _signed_message(document), signature):
        raise InputRejected("Tanda tangan berkas penyiapan tidak cocok: berkas telah diubah atau rusak. Minta "
                            "berkas baru dari Sekretariat SLRT kabupaten/kota.")
    if setup.district_card.role is not SiteRole.KABUPATEN or setup.site_code[:5] != setup.district_card.code:
        raise InputRejected(f"Berkas penyiapan ini untuk {setup.site_code}, tetapi dibuat oleh "
                            f"{setup.district_card.name} ({setup.district_card.code}) yang bukan kabupaten/kotanya.")
    return setup


@dataclass(frozen=True)
class SetupInitResult:
    init: InitResult
    district: TrustedSiteInfo
    services: int
    holidays: int


def initialise_from_setup(ctx: ServiceContext, text: str, *, admin_username: str, admin_full_name: str = "",
                          admin_password: str | None = None) -> SetupInitResult:
    """At a new village: create the site with its own key pair, trust the district, load its reference data and
    keep the enrolment key for the first package."""
    setup = read_setup_file(text)
    card = setup.district_card
    now = ctx.now()
    loaded: dict[str, Any] = {}

    def trust_district(session: DbSession, actor: Actor) -> None:
        loaded["district"] = trust.add(session, code=card.code, name=card.name, role=card.role.value,
                                       public_key=base64.b64decode(card.public_key_b64), fingerprint=card.fingerprint)
        services = enrolments.load_directory(session, setup.service_directory, district=card.code, at=now)
        holidays = enrolments.load_holidays(session, setup.holidays)
        loaded.update(services=services, holidays=holidays)
        enrolments.add_pending(session, site_code=actor.site_code, name=setup.name,
                               code_hash=code_key(setup.enrolment_code), by=actor.id, at=now)
        sites.set_setting(session, "reference_version", setup.reference_version)
        append_event(session, AuditAction.IMPORT, entity="village_enrolment", entity_id=actor.site_code,
                     changes={"district": card.code, "fingerprint": card.fingerprint, "services": services,
                              "holidays": holidays}, reason="berkas penyiapan desa")

    result = initialise_site(ctx, code=setup.site_code, name=setup.name, role=SiteRole.DESA,
                             admin_username=admin_username, admin_full_name=admin_full_name,
                             admin_password=admin_password, then=trust_district)
    district, services, holidays = loaded["district"], loaded["services"], loaded["holidays"]
    return SetupInitResult(init=result, district=district, services=services, holidays=holidays)


# --- packages ---------------------------------------------------------------------------------------------------


def outgoing_fields(ctx: ServiceContext, site: SiteInfo) -> dict[str, str]:
    """`_meta` fields that let the receiver trust this sender: a village's card with its enrolment proof while its
    enrolment is open; a district's card always (the village confirms its fingerprint before trusting it)."""
    _, card_text = site_card(ctx)
    card = compact_card(card_text)
    if site.role is SiteRole.KABUPATEN:
        return {SENDER_CARD: card}
    with ctx.db.reading() as session:
        own = enrolments.latest(session, site.code)
        key = own.code_hash if own is not None and own.used_at is None else None
    return {ENROLMENT_CARD: card, ENROLMENT_PROOF: card_proof(key, card)} if key else {}


def admit_unknown_sender(ctx: ServiceContext, site: SiteInfo, meta: PackageMeta, *,
                         trust_new_sender: bool = False) -> TrustedSiteInfo:
    """The sender a package names is not trusted: admit it from the card the package carries when that is allowed
    (a valid enrolment proof at a district; the user's confirmation at a village), else refuse as UNKNOWN_SENDER.
    Nothing is stored here: `record_admission` registers the key in the import's own transaction."""
    if site.role is SiteRole.KABUPATEN and meta.extra.get(ENROLMENT_CARD):
        card = _card_for(meta, meta.extra[ENROLMENT_CARD])
        _check_proof(ctx, meta, card)
        return _info(card, ctx.now())
    if site.role is SiteRole.DESA and trust_new_sender and meta.extra.get(SENDER_CARD):
        card = _card_for(meta, meta.extra[SENDER_CARD])
        if card.role is not SiteRole.KABUPATEN or card.code != site.code[:5]:
            raise _unknown(meta, f"Kartu dalam paket milik {card.name} ({card.code}), bukan Sekretariat SLRT "
                                 f"kabupaten/kota desa ini ({site.code[:5]}).")
        return _info(card, ctx.now())
    if site.role is SiteRole.DESA and meta.extra.get(SENDER_CARD):
        raise _unknown(meta, "Paket ini membawa kartu situs pengirimnya: setelah sidik jari dicocokkan, paket dapat "
                             "diterima dengan puskesos-desk import BERKAS --trust-new-sender.")
    raise _unknown(meta)


def record_admission(session: Any, meta: PackageMeta, sender: TrustedSiteInfo, at: datetime) -> None:
    """Inside the import transaction: register a sender admitted by `admit_unknown_sender`, spend a district's
    enrolment code, and at a village close its own enrolment once its district answers."""
    if trust.get(session, sender.code) is None:
        trust.add(session, code=sender.code, name=sender.name, role=sender.role, public_key=sender.public_key,
                  fingerprint=sender.fingerprint)
        how = "kode pendaftaran sekali pakai" if meta.kind is PackageKind.DESA_KE_KABUPATEN else \
            "sidik jari dikonfirmasi pengguna (--trust-new-sender)"
        append_event(session, AuditAction.UPDATE, entity="trusted_site", entity_id=sender.code,
                     changes={"trusted": sender.code, "fingerprint": sender.fingerprint, "package": meta.package_id},
                     reason=f"kunci didaftarkan dari paket pertama: {how}")
        if meta.kind is PackageKind.DESA_KE_KABUPATEN:
            pending = enrolments.latest(session, sender.code)
            if pending is not None and pending.used_at is None:
                enrolments.mark_used(session, pending, at)
    if meta.kind is PackageKind.KABUPATEN_KE_DESA:
        own = enrolments.latest(session, meta.receiver_site)
        if own is not None and own.used_at is None:
            enrolments.mark_used(session, own, at)  # the district answered: it knows this village's key


def _card_for(meta: PackageMeta, text: str) -> SiteCard:
    try:
        card = keys.card_from_json(text)
    except InputRejected:
        raise _unknown(meta, "Kartu situs dalam paket rusak atau telah diubah.") from None
    if card.code != meta.sender_site or card.fingerprint != meta.sender_key_fingerprint:
        raise _unknown(meta, f"Kartu situs dalam paket milik {card.name} ({card.code}, {card.fingerprint}), bukan "
                             "pengirim paket ini.")
    return card


def _check_proof(ctx: ServiceContext, meta: PackageMeta, card: SiteCard) -> None:
    with ctx.db.reading() as session:
        pending = enrolments.latest(session, card.code)
        key, used_at = (pending.code_hash, pending.used_at) if pending is not None else (None, None)
    if key is None:
        raise _unknown(meta, f"Tidak ada pendaftaran (berkas penyiapan) untuk {card.code} di situs ini.")
    if used_at is not None:
        raise _unknown(meta, f"Kode pendaftaran {card.code} sudah dipakai; kode hanya berlaku sekali. Percayai "
                             "kartu situs desa itu setelah mencocokkan sidik jarinya lewat telepon.")
    expected = card_proof(key, meta.extra[ENROLMENT_CARD])
    if not hmac.compare_digest(expected, meta.extra.get(ENROLMENT_PROOF, "")):
        raise _unknown(meta, f"Bukti kode pendaftaran untuk {card.code} tidak cocok (berkas penyiapan lama atau "
                             "paket diubah).")


def _info(card: SiteCard, at: datetime) -> TrustedSiteInfo:
    return TrustedSiteInfo(code=card.code, name=card.name, role=card.role.value, fingerprint=card.fingerprint,
                           public_key=base64.b64decode(card.public_key_b64), trusted_at=at)


def _unknown(meta: PackageMeta, detail: str | None = None) -> PackageRefused:
    return PackageRefused("UNKNOWN_SENDER", detail=detail, sender=f"{meta.sender_name} ({meta.sender_site})".strip(),
                          fingerprint=meta.sender_key_fingerprint or "tidak tercantum")
