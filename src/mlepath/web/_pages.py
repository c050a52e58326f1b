"""Server-rendered pages. Like the API, they only call library functions and render results."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from mlepath.advise import advise
from mlepath.errors import MlepathError
from mlepath.extract import ML_FOCUS_VALUES, ROLE_FAMILIES, SENIORITY_VALUES
from mlepath.extract._model import MIN_REQUIRED_VALUES
from mlepath.market import compute_report
from mlepath.profile import SCORE_FORMULA

from ._api_fit import AdviceInputsDep, PersonDep, fit_report, top_postings
from ._cache import cached
from ._deps import MarketDep, PostingQueryDep, SettingsDep, StoreDep
from ._errors import ApiError
from ._highlight import evidence_spans, highlight
from ._queries import find_posting, search_postings

router = APIRouter(include_in_schema=False)

# plotly.js ships inside the installed plotly package; found without importing plotly itself.
PLOTLY_JS = FilePath(str(importlib.util.find_spec("plotly").origin)).parent.joinpath(  # type: ignore[union-attr]
    "package_data", "plotly.min.js")
CHOICES = {"role": ROLE_FAMILIES, "focus": ML_FOCUS_VALUES, "seniority": SENIORITY_VALUES,
           "min_required": MIN_REQUIRED_VALUES}


def render(request: Request, template: str, context: dict[str, Any],
           status: int = 200) -> Response:
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(request, template, context,
                                                    status_code=status)
    return response


@router.get("/")
def home() -> Response:
    return RedirectResponse("/market", status_code=307)


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """plotly.js from the installed plotly package: works offline, no CDN."""
    return FileResponse(PLOTLY_JS, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})


_FORM_FIELDS = ("q", "role", "focus", "seniority", "min_required", "location")


def _with_offset(params: dict[str, str], offset: int) -> str:
    return "/postings?" + urlencode({**params, "offset": str(offset)})


@router.get("/postings")
def postings_page(request: Request, store: StoreDep, query: PostingQueryDep) -> Response:
    total, rows = cached(request, query.key(), lambda: search_postings(store, query))
    params = {k: v for k, v in request.query_params.items() if v != "" and k != "offset"}
    prev_url = next_url = None
    if query.offset > 0:
        prev_url = _with_offset(params, max(0, query.offset - query.limit))
    if query.offset + len(rows) < total:
        next_url = _with_offset(params, query.offset + query.limit)
    # Filters not shown in the form (a click-through from a market figure) stay as chips.
    hidden = [(k, v) for k, v in params.items() if k not in _FORM_FIELDS and k != "limit"]
    return render(request, "postings.html", {
        "form": {k: request.query_params.get(k, "") for k in _FORM_FIELDS},
        "total": total, "rows": rows, "choices": CHOICES, "offset": query.offset,
        "prev_url": prev_url, "next_url": next_url, "hidden": hidden})


@router.get("/postings/{posting_id}")
def posting_page(request: Request, store: StoreDep,
                 posting_id: Annotated[str, Path(max_length=300)]) -> Response:
    posting = find_posting(store, posting_id)
    if posting is None:
        raise ApiError(404, f"no posting {posting_id!r}; search on /postings")
    req = store.get_requirements(posting.id)
    spans = evidence_spans(posting.description_text, req.evidence) if req else []
    url = posting.url or ""
    safe_url = url if urlsplit(url).scheme in ("http", "https") else None
    return render(request, "posting.html", {
        "posting": posting, "req": req, "safe_url": safe_url,
        "highlighted": highlight(posting.description_text, spans)})


@router.get("/docs")
def docs_page(request: Request) -> Response:
    """A local API reference rendered from the OpenAPI schema (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description", ""),
                       "type": _schema_type(p.get("schema", {}))}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            ops.append({"id": op.get("operationId", ""), "method": method, "path": path,
                        "summary": op.get("summary", ""),
                        "description": op.get("description", "").replace("``", "`"),
                        "params": params, "body": ", ".join(body)})
    return render(request, "docs.html", {"spec": spec, "ops": ops})


def _schema_type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:  # leave out null and the blank-form-field variant ("")
        return " | ".join(_schema_type(s) for s in schema["anyOf"]
                          if s.get("type") != "null" and s.get("enum") != [""]
                          and s.get("const") != "")
    return str(schema.get("format") or schema.get("type") or "")


_MARKET_FORM = ("role", "focus", "seniority", "company", "location", "remote", "date_from",
                "date_to", "source")


@router.get("/market")
def market_page(request: Request, store: StoreDep, market: MarketDep) -> Response:
    """Figures and charts; the report for the URL's filters is embedded as JSON for market.js."""
    filters = market.to_filters()
    report = cached(request, ("report", filters), lambda: compute_report(store, filters).to_dict())
    return render(request, "market.html", {
        "report": report, "choices": CHOICES,
        "form": {k: request.query_params.get(k, "") for k in _MARKET_FORM}})


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


_FIT_DEFAULTS = {"role": "ml_engineer", "focus": "", "weeks": 20, "hours_per_week": 10}


@router.get("/fit")
def fit_page(request: Request) -> Response:
    return render(request, "fit.html", {"form": _FIT_DEFAULTS, "choices": CHOICES,
                                        "pct": _pct, "report": None})


@router.post("/fit")
def fit_result_page(request: Request, store: StoreDep, settings: SettingsDep,
                    person: PersonDep,
                    weeks: Annotated[int, Form(ge=1, le=260)] = 20,
                    hours_per_week: Annotated[float, Form(gt=0, le=100)] = 10) -> Response:
    """The fit audit and a plan for the uploaded résumé or the form's profile (not stored)."""
    form = {**dataclasses.asdict(person), "file": None, "weeks": weeks,
            "hours_per_week": hours_per_week, "role": person.role or ""}
    context: dict[str, Any] = {"form": form, "choices": CHOICES, "pct": _pct, "report": None}
    try:
        report = fit_report(request, store, settings, person)
    except (ApiError, MlepathError) as exc:  # shown on the form, which the user can correct
        status = exc.status if isinstance(exc, ApiError) else 400
        return render(request, "fit.html", {**context, "error": str(exc)}, status=status)
    advice = {"goal": "research" if person.focus == "research" else "product"}
    if report.profile.years_experience is not None:
        advice["years"] = f"{report.profile.years_experience:g}"
    return render(request, "fit.html", {
        **context, "report": report, "profile": report.profile.to_dict(),
        "profile_yaml": report.profile.to_yaml(), "score_formula": SCORE_FORMULA,
        "top_postings": top_postings(report, 50),
        "advice_query": urlencode(advice)})


def _money(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{'−' if value < 0 else ''}${abs(value):,.0f}"


_ADVICE_FORM = ("years", "goal", "employer_has_ml", "math", "budget", "hours_per_week", "risk",
                "current_pay", "target_pay", "location")


@router.get("/advice")
def advice_page(request: Request, store: StoreDep, inputs: AdviceInputsDep) -> Response:
    """The ranked paths with their reasons, and the ROI calculator (roi.js -> /api/roi)."""
    advice = cached(request, ("advise", inputs), lambda: advise(inputs, store=store).to_dict())
    form = {k: request.query_params.get(k, "") for k in _ADVICE_FORM}
    form["goal"] = inputs.goal
    return render(request, "advice.html", {
        "advice": advice, "form": form, "money": _money,
        "roi_defaults": {"current_pay": int(inputs.current_pay or 150_000),
                         "target_pay": int(inputs.target_pay or 180_000)}})
