"""Reference lists as the forms read them."""

from __future__ import annotations

from puskesos_desk.services import reference


def test_code_lists_in_order_with_both_languages(site_db) -> None:
    lists = reference.code_lists(site_db.cli, "hubungan_kk", "urgensi")
    relations = lists["hubungan_kk"]
    assert relations[0].code == "KEPALA_KELUARGA" and relations[0].extra["dtks"] == 1
    assert all(item.name and item.name_en for item in relations)
    assert relations[0].label("en") == relations[0].name_en and relations[0].label("id") == relations[0].name
    due_days = {item.code: item.extra["hari_kerja"] for item in lists["urgensi"]}
    assert due_days == {"DARURAT": 1, "SEGERA": 3, "BIASA": 10}


def test_programmes_ppks_categories_domains_services(site_db) -> None:
    assert [p.extra["number"] for p in reference.ppks_categories(site_db.cli)] == list(range(1, 27))
    codes = {p.code for p in reference.programs(site_db.cli)}
    assert {"PKH", "PBI_JK", "SEMBAKO"} <= codes and "BST" not in codes  # historical flags are inactive
    assert "BST" in {p.code for p in reference.programs(site_db.cli, include_inactive=True)}
    assert {c.code for c in reference.complaint_categories(site_db.cli)} >= {"PBI_NONAKTIF", "LAINNYA"}
    assert {d.code for d in reference.need_domains(site_db.cli)} >= {"KESEHATAN", "ADMINDUK"}
    services = reference.directory_services(site_db.cli)
    assert services and all(s.is_example and s.response_days > 0 for s in services)


def test_region_picker_levels(site_db) -> None:
    provinces = reference.regions_under(site_db.cli, None)
    assert len(provinces) == 38
    villages = reference.regions_under(site_db.cli, "33.22.01")
    assert "33.22.01.2007" in {v.code for v in villages} and all(v.level == 4 for v in villages)
    assert reference.region_path(site_db.cli, "33.22.01.2007").startswith("Sumogawe, Getasan")
