"""The Requirements record: what one posting requires, with the evidence for each value.

Field names and values follow ``shared/gold/GUIDELINES.md`` so gold files and extractor output
compare directly. ``to_dict()`` is the JSON contract of ``mlepath extract --out``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DEGREE_LEVELS: tuple[str, ...] = ("high_school", "associate", "bachelor", "master", "phd")
DEGREE_RANK: dict[str, int] = {level: i for i, level in enumerate(DEGREE_LEVELS)}
MIN_REQUIRED_VALUES: tuple[str, ...] = (*DEGREE_LEVELS, "none", "unspecified")
FIELDS_OF_STUDY: tuple[str, ...] = (
    "computer_science", "computer_engineering", "electrical_engineering", "software_engineering",
    "data_science", "statistics", "mathematics", "physics", "operations_research", "economics",
    "engineering", "information_systems", "machine_learning", "quantitative", "other",
)
ROLE_FAMILIES: tuple[str, ...] = (
    "ml_engineer", "research_scientist", "data_scientist", "data_engineer", "data_analyst",
    "software_engineer", "other",
)
ML_FOCUS_VALUES: tuple[str, ...] = ("research", "applied", "none")
SENIORITY_VALUES: tuple[str, ...] = ("intern", "junior", "mid", "senior", "staff_plus", "manager")
SKILL_CATEGORIES: tuple[str, ...] = (
    "programming_language", "ml_framework", "mlops", "cloud", "data_engineering",
    "statistics_math", "ml_technique", "software_engineering", "soft_skill",
)

SalarySource = Literal["structured", "text"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that justifies a value, with its character offsets in the posting text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class SkillHit:
    id: str
    name: str
    category: str
    required: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "category": self.category, "required": self.required}


@dataclass(frozen=True, slots=True)
class Salary:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None  # year | month | week | day | hour
    source: SalarySource

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "currency": self.currency,
                "period": self.period, "source": self.source}


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a posting requires. Values use the gold vocabulary (see the constants above)."""

    min_required: str = "unspecified"
    preferred_levels: tuple[str, ...] = ()
    equivalent_experience_ok: bool = False
    fields: tuple[str, ...] = ()
    experience_min_years: float | None = None
    role_family: str = "other"
    ml_focus: str = "none"
    seniority: str = "mid"
    skills: tuple[SkillHit, ...] = ()
    salary: Salary | None = None
    # field name ("min_required", "preferred_levels", "equivalent_experience_ok", "fields",
    # "experience_min_years", "role", "seniority", "salary", "skills") -> evidence sentences
    evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)
    extractor_version: str = ""

    def to_dict(self, posting_id: str | None = None) -> dict[str, Any]:
        """The ``mlepath extract --out`` JSON object (gold field names, plus skills/salary/evidence)."""
        years = self.experience_min_years
        if years is not None and float(years).is_integer():
            years = int(years)
        out: dict[str, Any] = {}
        if posting_id is not None:
            out["id"] = posting_id
        out.update({
            "education": {
                "min_required": self.min_required,
                "preferred_levels": list(self.preferred_levels),
                "equivalent_experience_ok": self.equivalent_experience_ok,
                "fields": list(self.fields),
            },
            "experience_min_years": years,
            "role": {"family": self.role_family, "ml_focus": self.ml_focus},
            "seniority": self.seniority,
            "skills": [s.to_dict() for s in self.skills],
            "salary": self.salary.to_dict() if self.salary else None,
            "evidence": {k: [e.to_dict() for e in v] for k, v in self.evidence.items()},
            "extractor_version": self.extractor_version,
        })
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Requirements:
        """Inverse of ``to_dict`` (ignores ``id``)."""
        edu = d.get("education") or {}
        role = d.get("role") or {}
        sal = d.get("salary")
        years = d.get("experience_min_years")
        return cls(
            min_required=edu.get("min_required", "unspecified"),
            preferred_levels=tuple(edu.get("preferred_levels") or ()),
            equivalent_experience_ok=bool(edu.get("equivalent_experience_ok", False)),
            fields=tuple(edu.get("fields") or ()),
            experience_min_years=None if years is None else float(years),
            role_family=role.get("family", "other"),
            ml_focus=role.get("ml_focus", "none"),
            seniority=d.get("seniority", "mid"),
            skills=tuple(SkillHit(s["id"], s["name"], s["category"], bool(s["required"]))
                         for s in d.get("skills") or ()),
            salary=Salary(sal.get("min"), sal.get("max"), sal.get("currency"), sal.get("period"),
                          sal.get("source", "text")) if sal else None,
            evidence={k: tuple(Evidence(e["text"], e["start"], e["end"]) for e in v)
                      for k, v in (d.get("evidence") or {}).items()},
            extractor_version=d.get("extractor_version", ""),
        )
