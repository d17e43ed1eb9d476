"""Every speed, size and memory goal the issues set, in one table, and where its figures are in results.json.

A goal names the results.json entry that holds its figures (`key`: the benchmark's own top-level key), the path of
the measured value inside results.json, the path of the baseline measured in the same run where the goal is a
ratio, and the limit. benchmarks/report.py turns these into the table of benchmarks/RESULTS.md; benchmarks/run_all.py
knows which benchmark writes which key.

Paths are dotted: "exchange_import.import.seconds_median". A path that is missing means "not measured" — the
report never makes a figure up. A list of numbers at a path counts as its largest (walk-in actions per run).

Kinds:
- "ratio":    measured / baseline (or the benchmark's own `ratio` figure, when it computed one) ≤ limit;
- "at_most":  measured ≤ limit (the limit may come from the results themselves: `limit_path`, or baseline +
              `limit_offset`);
- "at_least": measured ≥ limit;
- "report":   no goal; the figure is reported (a ratio is shown when there is a baseline).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1e-6  # bytes → MB (decimal, as the issues write sizes)
MIB_TO_MB = 1.048576  # MiB → MB: the benchmarks record RSS in MiB, the issues set their limits in MB


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    issue: int
    key: str  # the top-level results.json entry the figures come from
    measured: str | tuple[str, ...]  # several paths: the largest of them counts
    unit: str
    kind: str = "at_most"  # "ratio", "at_most", "at_least", "report"
    limit: float | None = None
    baseline: str | None = None
    ratio: str | None = None  # a ratio the benchmark computed itself (preferred to measured / baseline)
    limit_path: str | None = None  # the limit is in the results (the bundle's goal, measured in the same build)
    limit_offset: float | None = None  # or: the limit is baseline + this (in the measured value's raw unit)
    scale: float = 1.0  # raw measured value × scale = the value in `unit`
    note: str = ""


VILLAGE_SEARCH_NOTE = ("issue 3 sets no figure for the village desk (results appear as you type); "
                       "issue 9's district-scale limits are applied")

GOALS: tuple[Goal, ...] = (
    # --- issue 5: exchange packages ------------------------------------------------------------------------------
    Goal("import_ratio", "Package import, 100,000 persons, vs a raw python-calamine read of the same file", 5,
         "exchange_import", "exchange_import.import.seconds_median", "s", "ratio", 2.5,
         baseline="exchange_import.raw_calamine_to_python.seconds_median",
         ratio="exchange_import.ratio_import_to_raw"),
    Goal("import_rss_parent", "Package import, 100,000 persons: peak memory of the importing process", 5,
         "exchange_import", "exchange_import.import.peak_rss_mib.parent", "MB", limit=500, scale=MIB_TO_MB),
    Goal("import_rss_reader", "Package import, 100,000 persons: peak memory of the reader process", 5,
         "exchange_import", "exchange_import.import.peak_rss_mib.reader_process", "MB", limit=500,
         scale=MIB_TO_MB),
    Goal("export_ratio", "Package export, 100,000 persons, vs a raw xlsxwriter write of the same cells", 5,
         "exchange_export", "exchange_export.export.seconds_median", "s", "ratio", 1.3,
         baseline="exchange_export.raw_xlsxwriter.seconds_median", ratio="exchange_export.ratio_export_to_raw"),
    Goal("writer_ratio", "Exchange workbook writer alone, 100,000 persons, vs raw xlsxwriter (part of the export)",
         5, "xlsx_write", "xlsx_write.cases.writer.seconds_median", "s", "ratio", 1.3,
         baseline="xlsx_write.cases.raw_xlsxwriter.seconds_median", ratio="xlsx_write.ratio_writer_to_raw"),
    Goal("reader_ratio", "Guarded, batched workbook read alone, 100,000 persons, vs raw python-calamine", 5,
         "xlsx_read", "xlsx_read.guarded_batched_read_s", "s", "report",
         baseline="xlsx_read.raw_calamine_to_python_s", ratio="xlsx_read.ratio_guarded_read_to_raw",
         note="part of the import; the 2.5× goal is for the whole import"),
    # --- issue 6: the DTSEN extract --------------------------------------------------------------------------------
    Goal("extract_ratio", "DTSEN extract import, 100,000 rows, vs a raw python-calamine read", 6,
         "extract_import", "extract_import.import.seconds_median", "s", "ratio", 2.5,
         baseline="extract_import.raw_calamine_to_python.seconds_median", ratio="extract_import.ratio_import_to_raw"),
    # --- issue 4: slips ---------------------------------------------------------------------------------------------
    Goal("slip_ratio", "One F4 referral slip vs a minimal reportlab page (one TTF paragraph, one QR path)", 4,
         "slips", "slips.slip_ms", "ms", "ratio", 2.0, baseline="slips.minimal_page_ms",
         ratio="slips.ratio_slip_to_minimal"),
    Goal("slip_batch", "1,000 slips as one multi-page PDF", 4, "slips", "slips.batch.total_s", "s", "report"),
    # --- issue 3 (figures) and 9 (limits): search at village scale ---------------------------------------------------
    Goal("village_search_nik", "Village desk (15,000 persons): NIK search p95", 3, "search",
         "search.search_desk.nik.p95_ms", "ms", limit=20, note=VILLAGE_SEARCH_NOTE),
    Goal("village_search_prefix", "Village desk (15,000 persons): name prefix search p95", 3, "search",
         "search.search_desk.prefix.p95_ms", "ms", limit=20, note=VILLAGE_SEARCH_NOTE),
    Goal("village_search_substring", "Village desk (15,000 persons): name substring search p95", 3, "search",
         "search.search_desk.substring.p95_ms", "ms", limit=20, note=VILLAGE_SEARCH_NOTE),
    Goal("village_search_typo", "Village desk (15,000 persons): typo-tolerant search p95", 3, "search",
         "search.search_desk.typo.p95_ms", "ms", limit=100, note=VILLAGE_SEARCH_NOTE),
    Goal("village_search_typing", "Village desk (15,000 persons): a name typed letter by letter, p95", 3, "search",
         "search.search_desk.typing_letter_by_letter.p95_ms", "ms", limit=100, note=VILLAGE_SEARCH_NOTE),
    # --- issue 9: district scale -------------------------------------------------------------------------------------
    *(Goal(f"district_search_{backend}_{kind}", f"District (1,000,000 persons, {label}): {what} p95", 9,
           "district_search", f"district_search.{backend}.{kind}.p95_ms", "ms", limit=limit)
      for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))
      for kind, what, limit in (("nik_exact", "NIK exact search", 20), ("name_prefix", "name prefix search", 20),
                                ("name_substring", "name substring search", 20),
                                ("typo_tolerant", "typo-tolerant search", 100))),
    *(Goal(f"district_recall_{backend}", f"District (1,000,000 persons, {label}): typo search recall@20", 9,
           "district_search", f"district_search.{backend}.typo_tolerant.recall_at_20", "", "at_least", 0.95)
      for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))),
    *(Goal(f"district_desk_{backend}_{kind}", f"District desk search box (1,000,000 persons, {label}): {what} p95",
           9, "district_search_desk", f"district_search_desk.{backend}.{kind}.p95_ms", "ms", limit=limit,
           note="the search the officer's text box runs (services.desk_search), with the DTSEN extract")
      for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))
      for kind, what, limit in (("nik", "NIK", 20), ("prefix", "name prefix", 20), ("word", "name word", 20),
                                ("typo", "typo-tolerant", 100))),
    *(Goal(f"district_recap_{backend}", f"District monthly recap (1,000,000 persons, {label}): slowest of build, "
           ".xlsx and .pdf", 9, "district_scale",
           tuple(f"district_scale.{backend}.reports.recap_{part}_s" for part in ("build", "xlsx", "pdf")), "s",
           limit=10)
      for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))),
    *(Goal(f"district_page_{backend}", f"District persons list (1,000,000 persons, {label}): first page p95", 9,
           "district_scale", f"district_scale.{backend}.consolidated.persons.first_page.p95_ms", "ms", "report",
           note="issue 9: page through a million rows without loading them (no figure set)")
      for backend, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL"))),
    # --- issue 7: a district receiving 250 villages --------------------------------------------------------------
    Goal("district_import_ratio", "District import of 250 village packages × 4,000 persons vs their raw read", 7,
         "district_import", "district_import.import.seconds", "s", "report",
         baseline="district_import.raw_read.seconds", ratio="district_import.ratio_import_to_raw",
         note="issue 7 asks for the timing against the raw read; no limit"),
    # --- issue 13: start-up, footprint, GUI stalls, bundle, database size -------------------------------------------
    Goal("startup_ratio", "Cold start until the sign-in dialog accepts input, vs a bare PySide6 window", 13, "startup",
         "startup.sign_in_accepts_input_s.median", "s", "ratio", 2.5, baseline="startup.bare_window_s.median",
         ratio="startup.ratio_median", note="painted and accepting a key press; both measured in the same run"),
    Goal("idle_rss", "Idle memory of the signed-in app on village-scale data", 13, "idle_memory",
         "idle_memory.rss_mb", "MB", limit=200),
    *(Goal(f"gui_stall_{case}", f"Longest GUI-thread gap during {what}", 13, "gui_stalls",
           f"gui_stalls.{case}.max_gap_ms", "ms", limit=100)
      for case, what in (("import", "a 100,000-person package import (check, then apply)"),
                         ("export", "a 100,000-person package export"),
                         ("batch_print", "a 1,000-slip batch print (preview, then print to PDF)"))),
    Goal("bundle_size", "One-folder bundle vs a bare PySide6-Essentials window's bundle + 30 MB", 13, "bundle",
         "bundle.app_bytes", "MB", limit_path="bundle.goal_bytes", baseline="bundle.bare_bytes",
         limit_offset=30_000_000, scale=MB),
    Goal("bundle_stretch", "One-folder bundle, stretch goal", 13, "bundle", "bundle.app_bytes", "MB", limit=150,
         scale=MB),
    Goal("db_size", "Database file, 15,000 persons with a year of activity (after VACUUM)", 13, "db_size",
         "db_size.vacuumed_bytes", "MB", "report", scale=MB),
    Goal("db_size_per_person", "Database file per person (after VACUUM)", 13, "db_size",
         "db_size.vacuumed_bytes_per_person", "bytes", "report"),
    # --- issue 12: a walk-in on a low-end PC -------------------------------------------------------------------------
    Goal("walkin_actions", "Walk-in, search to printed slip: key presses and clicks", 12, "walkin",
         "walkin.actions", "actions", limit=40),
    Goal("walkin_time", "Walk-in: scripted time, slowest of the repetitions", 12, "walkin",
         "walkin.scripted_s.max", "s", limit=120),
    Goal("walkin_rss", "Walk-in repeated 50 times: peak memory of the desk process", 12, "walkin",
         "walkin.rss_mb.peak", "MB", limit=200,
         note="slips are laid out and rasterised in the PDF helper process, as the app does (next rows)"),
    Goal("walkin_helper_rss", "Walk-in repeated 50 times: peak memory of the PDF helper process", 12, "walkin",
         "walkin.rss_mb.pdf_helper_peak", "MB", "report"),
    Goal("walkin_total_rss", "Walk-in repeated 50 times: peak of desk + PDF helper together", 12, "walkin",
         "walkin.rss_mb.desk_and_helper_peak", "MB", "report"),
    # --- issue 11: resilience --------------------------------------------------------------------------------------
    Goal("kill_trials_count", "kill -9 trials during import, export, migration and backup", 11, "kill_trials",
         "kill_trials.total_trials", "trials", "at_least", 50),
    Goal("kill_trials_failed", "kill -9 trials that lost data or left the database unusable", 11, "kill_trials",
         "kill_trials.failed", "trials", limit=0),
    Goal("fuzz_runs", "Fuzzed package mutants imported", 11, "fuzz_packages", "fuzz_packages.runs", "runs",
         "at_least", 10_000),
    Goal("fuzz_failures", "Fuzzed mutants with an unhandled exception or a process abort", 11, "fuzz_packages",
         "fuzz_packages.failure_count", "runs", limit=0),
    Goal("encryption_register", "Encrypted site: registering 100 households vs the plain site", 11,
         "encryption_at_rest", "encryption_at_rest.encrypted.register_100_households_ms", "ms", "report",
         baseline="encryption_at_rest.plain.register_100_households_ms",
         note="issue 11 sets no limit (SQLCipher costs 10-20 % on inserts)"),
)


def goal(goal_id: str) -> Goal:
    return next(g for g in GOALS if g.id == goal_id)


def keys() -> list[str]:
    """The results.json entries the goals read, in the order the goals first name them."""
    return list(dict.fromkeys(g.key for g in GOALS))
