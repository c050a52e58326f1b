"""The project catalogue and the weekly habits, read from ``plan/data/*.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from mlepath.errors import AdviceError


@dataclass(frozen=True, slots=True)
class Project:
    """A portfolio project: the taxonomy skill ids it exercises and its hour estimate."""

    id: str
    title: str
    hours: float
    skills: frozenset[str]
    deliverables: tuple[str, ...] = ()


def _data(name: str) -> Any:
    return yaml.safe_load(resources.files("mlepath.plan").joinpath(f"data/{name}")
                          .read_text("utf-8"))


@cache
def load_projects() -> tuple[Project, ...]:
    """The packaged catalogue, in file order."""
    out = []
    for row in _data("projects.yaml")["projects"]:
        out.append(Project(id=row["id"], title=row["title"], hours=float(row["hours"]),
                           skills=frozenset(row["skills"]),
                           deliverables=tuple(row.get("deliverables") or ())))
    return tuple(out)


@cache
def soft_skill_ids() -> frozenset[str]:
    """Taxonomy ids of category ``soft_skill``: gaps no portfolio project closes."""
    import json

    text = resources.files("mlepath.extract").joinpath("data/taxonomy.json").read_text("utf-8")
    return frozenset(s["id"] for s in json.loads(text)["skills"]
                     if s.get("category") == "soft_skill")


@cache
def _habits() -> dict[str, Any]:
    data: dict[str, Any] = _data("habits.yaml")
    return data


def habits_for(path_id: str, project_title: str | None) -> list[str]:
    """The weekly habits of ``path_id``, with the first project and contact count filled in."""
    data = _habits()
    if path_id not in data["paths"]:
        raise AdviceError(f"unknown path '{path_id}'; choose one of: "
                          f"{', '.join(data['paths'])}")
    spec = data["paths"][path_id]
    project = project_title or "an ML portfolio project"
    return [h.format(project=project, contacts=spec["contacts"])
            for h in [*data["common"], *spec["habits"]]]
