"""The fit audit: read a person (résumé or profile YAML) and measure them against target postings.

    profile = read_profile("resume.pdf")
    report = audit_fit(profile, load_targets(store, role="ml_engineer", focus="applied"))
    report.to_dict()   # the `mlepath fit --format json` document

Nothing about the person is stored: every function here is pure or reads only.
"""

from ._audit import SCORE_FORMULA, FitReport, PostingFit, audit_fit, skill_group
from ._model import Degree, Pay, Profile
from ._read import read_profile
from ._render import render_html, render_text
from ._targets import TargetSet, load_targets, targets_from_postings

__all__ = [
    "SCORE_FORMULA",
    "Degree",
    "FitReport",
    "Pay",
    "PostingFit",
    "Profile",
    "TargetSet",
    "audit_fit",
    "load_targets",
    "read_profile",
    "render_html",
    "render_text",
    "skill_group",
    "targets_from_postings",
]
