"""Every printed document's renderer, by name: what the PDF helper process may be asked to run.

A name, not a function, crosses the process boundary, so the helper runs only these. Each module is imported on
first use: reportlab and the fonts load only where a document is actually laid out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

RENDERERS: dict[str, tuple[str, str]] = {
    "breach_notice": ("puskesos_desk.printing.breach_notice", "render_breach_notice"),
    "quick_guide": ("puskesos_desk.printing.quick_guide", "render_quick_guide"),
    "receipt": ("puskesos_desk.printing.receipt", "render_receipt"),
    "register_note": ("puskesos_desk.printing.register_note", "render_register_note"),
    "report": ("puskesos_desk.printing.report", "render_report"),
    "slips": ("puskesos_desk.printing.slip", "render_slips"),
    "subject_access": ("puskesos_desk.printing.subject_access", "render_subject_access"),
    "task_list": ("puskesos_desk.printing.task_list", "render_task_list"),
}


def renderer(name: str) -> Callable[..., bytes]:
    module, function = RENDERERS[name]
    found: Callable[..., bytes] = getattr(importlib.import_module(module), function)
    return found
