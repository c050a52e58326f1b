"""Fit, plan and advice endpoints: a person (uploaded résumé or a profile form) against the
stored postings. Nothing about the person is stored; the upload is parsed in memory."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

import pyarrow.compute as pc
import yaml
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile

from mlepath.advise import AdviceInputs, advise
from mlepath.market import Filters
from mlepath.plan import make_plan
from mlepath.profile import FitReport, Profile, TargetSet, audit_fit, load_targets, read_profile
from mlepath.store import Store

from ._api_advice import PathId
from ._cache import cached
from ._deps import Focus, Level, Role, Seniority, SettingsDep, StoreDep
from ._errors import ERROR_RESPONSES, ApiError
from ._security import RESUME_KINDS, check_upload
from ._settings import WebSettings

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
Goal = Literal["product", "research", "undecided"]
Risk = Literal["low", "medium", "high"]


@dataclasses.dataclass(frozen=True)
class PersonForm:
    """A person as multipart form fields: a résumé/profile file, or the profile fields."""

    file: UploadFile | None
    degree: str | None
    degree_field: str | None
    years: float | None
    skills: str
    titles: str
    role: str | None
    focus: str | None
    seniority: str | None
    location: str | None


def person_form(
    file: Annotated[UploadFile | None, File(description="résumé (.pdf, .docx, .md, .txt) or "
                                                        "profile .yaml")] = None,
    degree: Annotated[Level | Literal["none", ""] | None, Form(
        description="highest degree, when no file is sent")] = None,
    degree_field: Annotated[str | None, Form(max_length=60,
                                             description="e.g. computer_science")] = None,
    years: Annotated[float | None, Form(ge=0, le=60,
                                        description="years of professional experience")] = None,
    skills: Annotated[str, Form(max_length=5000, description="comma-separated skills")] = "",
    titles: Annotated[str, Form(max_length=2000, description="comma-separated job titles")] = "",
    role: Annotated[Role | Literal[""] | None, Form(description="target role family")] = None,
    focus: Annotated[Focus | Literal[""] | None, Form(description="target ML focus")] = None,
    seniority: Annotated[Seniority | Literal[""] | None, Form()] = None,
    location: Annotated[str | None, Form(max_length=200)] = None,
) -> PersonForm:
    return PersonForm(file=file, degree=degree or None, degree_field=degree_field or None,
                      years=years, skills=skills, titles=titles, role=role or None,
                      focus=focus or None, seniority=seniority or None,
                      location=(location or "").strip() or None)


PersonDep = Annotated[PersonForm, Depends(person_form)]


def read_person(form: PersonForm, settings: WebSettings) -> Profile:
    """The profile from the uploaded file (in memory), else from the form's fields."""
    if form.file is not None and form.file.filename:
        data = form.file.file.read(settings.max_upload_bytes + 1)
        upload = check_upload(form.file.filename, data, RESUME_KINDS, settings.max_upload_bytes)
        return read_profile(upload.data, upload.filename)
    if form.degree is None and form.years is None and not form.skills.strip():
        raise ApiError(400, "send a résumé file, or the profile fields degree, years and skills")
    doc: dict[str, Any] = {
        "degrees": [{"level": form.degree, "field": form.degree_field}]
        if form.degree and form.degree != "none" else [],
        "years_experience": form.years,
        "titles": _split(form.titles),
        "skills": _split(form.skills),
    }
    # Through the profile YAML reader, so skills are matched to taxonomy ids as for a file.
    return read_profile(yaml.safe_dump(doc).encode(), "profile.yaml")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()][:200]


def target_filters(form: PersonForm) -> Filters:
    return Filters.from_mapping({"role": form.role, "focus": form.focus,
                                 "seniority": form.seniority, "location": form.location})


def targets_for(request: Request, store: Store, filters: Filters) -> TargetSet:
    targets = cached(request, ("targets", filters), lambda: load_targets(store, filters))
    if not len(targets):
        raise ApiError(404, "no stored postings match the target filters "
                            f"{filters.to_dict() or '(none)'}; widen them")
    return targets


def fit_report(request: Request, store: Store, settings: WebSettings,
               form: PersonForm) -> FitReport:
    profile = read_person(form, settings)
    return audit_fit(profile, targets_for(request, store, target_filters(form)))


@router.post("/fit", tags=["fit"], summary="Audit a résumé or profile against stored postings")
def fit(request: Request, store: StoreDep, settings: SettingsDep, person: PersonDep,
        max_postings: Annotated[int, Form(ge=0, le=1_000_000, description=(
            "keep only this many best-scoring postings in `postings` (0 = all, exactly the "
            "CLI's document; over 100,000 targets that is megabytes)"))] = 0,
        ) -> dict[str, Any]:
    """The ``mlepath fit --format json`` document: ``{"profile", "n_postings",
    "eligible_share", "eligible_share_with_equivalent", "eligible_share_if", "software_coverage",
    "ml_coverage", "missing_skills", "postings": [...]}``. Nothing is stored."""
    report = fit_report(request, store, settings, person)
    if not max_postings:
        return report.to_dict()
    doc = report.to_dict(include_postings=False)
    doc["postings"] = [p.to_dict() for p in top_postings(report, max_postings)]
    return doc


def top_postings(report: FitReport, n: int) -> list[Any]:
    """The ``n`` best-scoring per-posting results, best first, without building them all.

    ``FitReport.postings`` builds one record per target (seconds over 100,000 targets); the
    report keeps its per-posting results as equal-length Arrow columns, so the best rows are
    taken first and only those are built, by the report's own code. (A ``top_postings(n)``
    method on ``FitReport`` would make this unnecessary.)
    """
    scores = report.columns.get("score")
    if scores is None or not report.n_postings:
        return best_postings(report.postings, n)
    order = pc.array_sort_indices(scores, order="descending")[:n]
    best = dataclasses.replace(report, n_postings=len(order), _postings=None,
                               columns={k: pc.take(v, order) for k, v in report.columns.items()})
    return list(best.postings)


def best_postings(rows: list[Any], n: int) -> list[Any]:
    """The ``n`` highest-scoring per-posting rows (dicts or ``PostingFit``), best first."""
    def score(row: Any) -> float:
        value = row["score"] if isinstance(row, dict) else row.score
        return float(value or 0.0)

    return sorted(rows, key=score, reverse=True)[:n]


@router.post("/plan", tags=["advice"], summary="Portfolio plan for a résumé or profile")
def plan(request: Request, store: StoreDep, settings: SettingsDep, person: PersonDep,
         weeks: Annotated[int, Form(ge=1, le=260)] = 20,
         hours_per_week: Annotated[float, Form(gt=0, le=100)] = 10,
         path: Annotated[PathId, Form(description="path whose habits to use")] = "self-study",
         ) -> dict[str, Any]:
    """The ``mlepath plan --format json`` document: projects chosen by weighted set cover of
    the most demanded missing skills, scheduled over the weeks, target titles and habits."""
    report = fit_report(request, store, settings, person)
    return make_plan(report, weeks, hours_per_week, path_id=path).to_dict()


def advice_inputs(
    years: Annotated[float | None, Query(ge=0, le=60)] = None,
    goal: Annotated[Goal, Query()] = "undecided",
    employer_has_ml: Annotated[bool | None, Query()] = None,
    math: Annotated[int | None, Query(ge=1, le=5, description="self-rated 1-5")] = None,
    budget: Annotated[float | None, Query(ge=0, le=10_000_000, description="USD")] = None,
    hours_per_week: Annotated[float | None, Query(ge=0, le=100)] = None,
    risk: Annotated[Risk | None, Query()] = None,
    current_pay: Annotated[float | None, Query(ge=0, le=10_000_000)] = None,
    target_pay: Annotated[float | None, Query(ge=0, le=10_000_000)] = None,
    location: Annotated[str | None, Query(max_length=200)] = None,
) -> AdviceInputs:
    return AdviceInputs(years=years, goal=goal, employer_has_ml=employer_has_ml, math=math,
                        budget=budget, hours_per_week=hours_per_week, risk=risk,
                        current_pay=current_pay, target_pay=target_pay,
                        location=(location or "").strip() or None)


AdviceInputsDep = Annotated[AdviceInputs, Depends(advice_inputs)]


@router.get("/advise", tags=["advice"], summary="Rank the paths to ML engineer")
def advise_endpoint(request: Request, store: StoreDep,
                    inputs: AdviceInputsDep) -> dict[str, Any]:
    """The ``mlepath advise --format json`` document: ``{"paths": [{"id", "rank", "score",
    "reasons": [{"text", "evidence"}], "months", "cost", "npv"}], "inputs", "segment",
    "notes"}``; reasons cite market figures from the store with n and 95% intervals."""
    return cached(request, ("advise", inputs), lambda: advise(inputs, store=store).to_dict())
