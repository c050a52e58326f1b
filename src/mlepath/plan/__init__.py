"""Plan: portfolio projects chosen by greedy weighted set cover over the person's missing
skills, scheduled over their weeks, with target titles and weekly habits.

    plan = make_plan(fit_report, weeks=20, hours_per_week=10, path_id="self-study")
    plan.to_dict()   # the `mlepath plan --format json` document
"""

from __future__ import annotations

from ._catalogue import Project, habits_for, load_projects, soft_skill_ids
from ._cover import CoverStep, greedy_cover
from ._html import render_html
from ._plan import Plan, PlannedProject, TargetTitle, make_plan, schedule, target_titles
from ._service import plan_for_resume

__all__ = [
    "CoverStep",
    "Plan",
    "PlannedProject",
    "Project",
    "TargetTitle",
    "greedy_cover",
    "habits_for",
    "load_projects",
    "make_plan",
    "plan_for_resume",
    "render_html",
    "schedule",
    "soft_skill_ids",
    "target_titles",
]
