"""``audit_fit``: where one person stands against each target posting and across all of them.

Per posting (rules documented in docs/fit.md):
- education (a profile with no degree listed counts as high school): ``no_requirement``
  (min_required none/unspecified); ``eligible`` (highest degree ≥ the minimum);
  ``eligible_via_experience`` (below the minimum, the posting accepts equivalent
  experience, and the person has at least the posting's minimum years plus
  ``EQUIVALENT_YEARS_PER_LEVEL`` years per missing degree level); else ``below_minimum``.
  ``preferred_degree_met``: highest degree ≥ the lowest preferred level (None if none preferred).
- experience: ``meets`` when no minimum is stated or years ≥ minimum, else ``short`` by
  ``years_short`` = minimum − years (unknown years count as 0).
- score = 100 × (0.30·E + 0.20·X + 0.40·R + 0.10·P), one decimal, where
  E = 1 eligible/no_requirement, 0.75 via experience, 0 below minimum;
  X = 1 if meets, else years / minimum;
  R = required skills covered / required skills (1 when none required);
  P = preferred skills covered / preferred skills (1 when none preferred).
Across postings: shares of the target set, skill demand weighted by postings (see FitReport).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from mlepath.extract import DEGREE_LEVELS, DEGREE_RANK

from ._model import Profile
from ._targets import Target, TargetSet

EQUIVALENT_YEARS_PER_LEVEL = 2.0
WEIGHTS = {"education": 0.30, "experience": 0.20, "required_skills": 0.40,
           "preferred_skills": 0.10}
EDUCATION_CREDIT = {"eligible": 1.0, "no_requirement": 1.0, "eligible_via_experience": 0.75,
                    "below_minimum": 0.0}
SCORE_FORMULA = (
    "score = 100 × (0.30·education + 0.20·experience + 0.40·required_skills + "
    "0.10·preferred_skills); education = 1 eligible or no requirement, 0.75 eligible via "
    "equivalent experience, 0 below the minimum; experience = 1 if it meets the minimum, else "
    "your years ÷ the minimum; required/preferred_skills = share of the posting's "
    "required/preferred skills you have (1 when it lists none)"
)
# the two coverage groups (ARCHITECTURE.md "Values")
SOFTWARE_CATEGORIES = frozenset({"programming_language", "software_engineering", "cloud",
                                 "data_engineering"})
ML_CATEGORIES = frozenset({"ml_framework", "ml_technique", "statistics_math", "mlops"})
CONTAINER_SKILLS = frozenset({"docker", "kubernetes"})
LEVELS_IF = ("master", "phd")
EDUCATION_STATUSES = ("eligible", "eligible_via_experience", "below_minimum", "no_requirement")


def skill_group(skill_id: str, category: str) -> str | None:
    """``software``, ``ml`` or None (soft skills): docker/kubernetes count as software."""
    if skill_id in CONTAINER_SKILLS or category in SOFTWARE_CATEGORIES:
        return "software"
    if category in ML_CATEGORIES:
        return "ml"
    return None


def education_status(rank: int, years: float, min_required: str, equivalent_ok: bool,
                     experience_min: float | None) -> str:
    """One posting's education verdict for a person of degree ``rank``: the scalar rule that
    ``_education_codes`` vectorises (tests check they agree)."""
    need = DEGREE_RANK.get(min_required)
    if need is None:  # "none", "unspecified"
        return "no_requirement"
    if rank >= need:
        return "eligible"
    levels_short = need - rank
    if equivalent_ok and years >= (experience_min or 0.0) + EQUIVALENT_YEARS_PER_LEVEL * levels_short:
        return "eligible_via_experience"
    return "below_minimum"


@dataclass(frozen=True, slots=True)
class PostingFit:
    """How one person fits one posting (skill lists are skill ids)."""

    id: str
    title: str
    company: str
    education: str
    preferred_degree_met: bool | None
    field_match: bool | None
    experience: str
    years_short: float
    required_covered: tuple[str, ...]
    required_missing: tuple[str, ...]
    preferred_covered: tuple[str, ...]
    preferred_missing: tuple[str, ...]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "company": self.company,
            "education": self.education, "preferred_degree_met": self.preferred_degree_met,
            "field_match": self.field_match,
            "experience": self.experience, "years_short": self.years_short,
            "required_skills_covered": list(self.required_covered),
            "required_skills_missing": list(self.required_missing),
            "preferred_skills_covered": list(self.preferred_covered),
            "preferred_skills_missing": list(self.preferred_missing),
            "score": self.score,
        }


@dataclass
class FitReport:
    """The audit of one profile against a target set; ``to_dict()`` is ``fit --format json``.

    Per-posting results are kept as Arrow columns (``columns``) and turned into ``PostingFit``
    objects only when ``postings`` is first read, so a 100,000-posting audit stays fast.
    """

    profile: Profile
    n_postings: int
    eligible_share: float | None
    eligible_share_with_equivalent: float | None
    eligible_share_if: dict[str, float | None]
    eligible_share_with_equivalent_if: dict[str, float | None]
    education_counts: dict[str, int]
    experience_short_share: float | None
    software_coverage: float | None
    ml_coverage: float | None
    missing_skills: list[dict[str, Any]]
    mean_score: float | None
    columns: dict[str, Any] = field(repr=False, default_factory=dict)
    vocab: list[tuple[str, str, str]] = field(repr=False, default_factory=list)
    have_codes: frozenset[int] = field(repr=False, default_factory=frozenset)
    _postings: list[PostingFit] | None = field(repr=False, default=None)

    @property
    def postings(self) -> list[PostingFit]:
        if self._postings is None:
            self._postings = self._build_postings()
        return self._postings

    def _build_postings(self) -> list[PostingFit]:
        c = self.columns
        vocab_ids = pa.array([sid for sid, _, _ in self.vocab], pa.string())
        have = pa.array(sorted(self.have_codes), pa.int32())
        skill_lists = []
        for name in ("required", "preferred"):
            covered, missing = _split_by(c[name], pc.is_in(c[name].values, value_set=have))
            skill_lists += [_as_ids(covered, vocab_ids), _as_ids(missing, vocab_ids)]
        statuses = pc.take(pa.array(EDUCATION_STATUSES), c["education"])
        experience = pc.if_else(c["short"], "short", "meets")
        columns = [c["ids"], c["titles"], c["companies"], statuses, c["preferred_degree_met"],
                   c["field_match"], experience, c["years_short"], *skill_lists, c["score"]]
        rows = zip(*(col.to_pylist() for col in columns), strict=True)
        return [PostingFit(pid, title, company, edu, pref, fld, exp, short, tuple(rc), tuple(rm),
                           tuple(pc_), tuple(pm), score)
                for pid, title, company, edu, pref, fld, exp, short, rc, rm, pc_, pm, score
                in rows]

    def to_dict(self, include_postings: bool = True) -> dict[str, Any]:
        """The stable JSON document (shape documented in docs/fit.md).

        :param include_postings: False leaves ``postings`` empty: the summary alone is cheap,
            while 100,000 per-posting rows take seconds to build and megabytes to send.
        """
        return {
            "profile": self.profile.to_dict(),
            "n_postings": self.n_postings,
            "eligible_share": self.eligible_share,
            "eligible_share_with_equivalent": self.eligible_share_with_equivalent,
            "eligible_share_if": dict(self.eligible_share_if),
            "eligible_share_with_equivalent_if": dict(self.eligible_share_with_equivalent_if),
            "education_counts": dict(self.education_counts),
            "experience_short_share": self.experience_short_share,
            "software_coverage": self.software_coverage,
            "ml_coverage": self.ml_coverage,
            "missing_skills": list(self.missing_skills),
            "mean_score": self.mean_score,
            "score_formula": SCORE_FORMULA,
            "postings": [p.to_dict() for p in self.postings] if include_postings else [],
        }


def _share(count: int, n: int) -> float | None:
    return round(count / n, 4) if n else None


def _per_list_count(lists: pa.ListArray, flags: Any) -> Any:
    """For each list, how many of its values have ``flags`` true (flags align with .values)."""
    ones = pc.cast(pc.fill_null(flags, False), pa.int64())
    cum = pc.cumulative_sum(pa.concat_arrays([pa.array([0], pa.int64()), ones]))
    offsets = lists.offsets
    return pc.subtract(pc.take(cum, offsets[1:]), pc.take(cum, offsets[:-1]))


def _split_by(lists: pa.ListArray, flags: Any) -> tuple[pa.ListArray, pa.ListArray]:
    """Each list cut in two, order kept: the values whose flag is true, and the others."""
    flags = pc.fill_null(flags, False)
    out = []
    for keep in (flags, pc.invert(flags)):
        counts = _per_list_count(lists, keep)
        offsets = pc.cumulative_sum(pa.concat_arrays([pa.array([0], pa.int64()), counts]))
        values = pc.filter(lists.values, keep)
        out.append(pa.ListArray.from_arrays(pc.cast(offsets, pa.int32()), values))
    return out[0], out[1]


def _as_ids(codes: pa.ListArray, vocab_ids: pa.Array) -> pa.ListArray:
    """Lists of skill codes as lists of skill ids."""
    return pa.ListArray.from_arrays(codes.offsets, pc.take(vocab_ids, codes.values))


def _education_codes(need: Any, rank: int, years: float, equiv: Any, exp_min: Any) -> Any:
    """Status code per posting (index into ``EDUCATION_STATUSES``) for degree rank ``rank``."""
    eligible = pc.less_equal(need, rank)
    levels_short = pc.subtract(need, rank)
    needed_years = pc.add(pc.fill_null(exp_min, 0.0),
                          pc.multiply(pc.cast(levels_short, pa.float64()),
                                      EQUIVALENT_YEARS_PER_LEVEL))
    via = pc.and_(equiv, pc.less_equal(needed_years, years))
    code = pc.if_else(eligible, 0, pc.if_else(via, 1, 2))
    return pc.fill_null(code, 3)  # need is null: no requirement


def _count(codes: Any, value: int) -> int:
    return int(pc.sum(pc.cast(pc.equal(codes, value), pa.int64())).as_py() or 0)


def audit_fit(profile: Profile, targets: TargetSet | Iterable[Target]) -> FitReport:
    """Audit ``profile`` against ``targets`` (pure: no I/O, nothing stored).

        report = audit_fit(read_profile("cv.pdf"), load_targets(store, role="ml_engineer"))

    :param targets: a ``TargetSet`` or ``(posting_id, title, company, Requirements)`` tuples.
    """
    ts = targets if isinstance(targets, TargetSet) else TargetSet.from_requirements(targets)
    n = len(ts)
    vocab = ts.vocab
    person_ids = set(profile.skills)
    have = frozenset(c for c, (sid, _, _) in enumerate(vocab) if sid in person_ids)
    have_arr = pa.array(sorted(have), pa.int32())
    # a résumé rarely lists high school: no degree listed counts as high school
    rank = max(profile.degree_rank, DEGREE_RANK["high_school"])
    years = profile.years_experience or 0.0
    levels = pa.array(DEGREE_LEVELS)

    # education, now and with a master's / PhD
    need = pc.index_in(ts.min_required, value_set=levels)
    edu = _education_codes(need, rank, years, ts.equivalent_ok, ts.experience_min_years)
    counts = {status: _count(edu, k) for k, status in enumerate(EDUCATION_STATUSES)}
    # "if" shares use the same bases as the shares now, so a difference is the degree's
    # marginal value in postings opened
    if_shares: dict[str, float | None] = {}
    if_equiv_shares: dict[str, float | None] = {}
    for level in LEVELS_IF:
        alt = _education_codes(need, max(rank, DEGREE_RANK[level]), years, ts.equivalent_ok,
                               ts.experience_min_years)
        if_shares[level] = _share(_count(alt, 0) + _count(alt, 3), n)
        if_equiv_shares[level] = _share(n - _count(alt, 2), n)
    pref_ranks = pc.index_in(ts.preferred_levels.values, value_set=levels)
    n_pref_levels = _per_list_count(ts.preferred_levels, pc.is_valid(pref_ranks))
    pref_met = pc.if_else(pc.greater(n_pref_levels, 0),
                          pc.greater(_per_list_count(ts.preferred_levels,
                                                     pc.less_equal(pref_ranks, rank)), 0),
                          pa.scalar(None, pa.bool_()))
    person_fields = pa.array(sorted({d.field for d in profile.degrees if d.field}), pa.string())
    field_hits = _per_list_count(ts.fields, pc.is_in(ts.fields.values, value_set=person_fields))
    field_match = pc.if_else(pc.greater(pc.list_value_length(ts.fields), 0),
                             pc.greater(field_hits, 0), pa.scalar(None, pa.bool_()))

    # experience
    exp_min = ts.experience_min_years
    short = pc.fill_null(pc.greater(exp_min, years), False)
    years_short = pc.if_else(short, pc.round(pc.subtract(exp_min, years), 1), 0.0)
    exp_credit = pc.if_else(short, pc.divide(years, exp_min), 1.0)

    # skills: covered counts per posting, by the cumulative-sum trick over the flat codes
    req_have = pc.is_in(ts.required.values, value_set=have_arr)
    pref_have = pc.is_in(ts.preferred.values, value_set=have_arr)
    req_n = pc.cast(pc.list_value_length(ts.required), pa.float64())
    pref_n = pc.cast(pc.list_value_length(ts.preferred), pa.float64())
    req_ratio = pc.if_else(pc.equal(req_n, 0), 1.0,
                           pc.divide(pc.cast(_per_list_count(ts.required, req_have), pa.float64()),
                                     req_n))
    pref_ratio = pc.if_else(pc.equal(pref_n, 0), 1.0,
                            pc.divide(pc.cast(_per_list_count(ts.preferred, pref_have),
                                              pa.float64()), pref_n))
    edu_credit = pc.take(pa.array([EDUCATION_CREDIT[s] for s in EDUCATION_STATUSES]), edu)
    score = pc.round(pc.multiply(pc.add(pc.add(pc.multiply(edu_credit, WEIGHTS["education"]),
                                               pc.multiply(exp_credit, WEIGHTS["experience"])),
                                        pc.add(pc.multiply(req_ratio, WEIGHTS["required_skills"]),
                                               pc.multiply(pref_ratio,
                                                           WEIGHTS["preferred_skills"]))),
                                 100.0), 1)

    # skill demand: how many target postings mention each skill (codes are distinct per posting)
    demand_any = _bincount(pa.concat_arrays([ts.required.values, ts.preferred.values]), len(vocab))
    demand_req = _bincount(ts.required.values, len(vocab))
    groups = {"software": [0, 0], "ml": [0, 0]}  # [mentions, mentions the person has]
    missing: list[dict[str, Any]] = []
    for c, (sid, name, cat) in enumerate(vocab):
        group = skill_group(sid, cat)
        if group is not None:
            groups[group][0] += demand_any[c]
            if c in have:
                groups[group][1] += demand_any[c]
        if c not in have and demand_any[c]:
            missing.append({"skill": sid, "name": name, "category": cat,
                            "share": _share(demand_any[c], n),
                            "required_share": _share(demand_req[c], n),
                            "count": demand_any[c]})
    missing.sort(key=lambda m: (-m["count"], m["skill"]))

    eligible = counts["eligible"] + counts["no_requirement"]
    total_score = pc.sum(score).as_py()
    return FitReport(
        profile=profile,
        n_postings=n,
        eligible_share=_share(eligible, n),
        eligible_share_with_equivalent=_share(eligible + counts["eligible_via_experience"], n),
        eligible_share_if=if_shares,
        eligible_share_with_equivalent_if=if_equiv_shares,
        education_counts=counts,
        experience_short_share=_share(int(pc.sum(pc.cast(short, pa.int64())).as_py() or 0), n),
        software_coverage=_share(groups["software"][1], groups["software"][0]),
        ml_coverage=_share(groups["ml"][1], groups["ml"][0]),
        missing_skills=missing,
        mean_score=round(total_score / n, 1) if n else None,
        columns={"ids": ts.ids, "titles": ts.titles, "companies": ts.companies,
                 "education": edu, "preferred_degree_met": pref_met, "field_match": field_match,
                 "short": short, "years_short": years_short, "required": ts.required,
                 "preferred": ts.preferred, "score": score},
        vocab=vocab,
        have_codes=have,
    )


def _bincount(codes: Any, size: int) -> list[int]:
    out = [0] * size
    if len(codes):
        vc = pc.value_counts(codes)
        for value, count in zip(vc.field("values").to_pylist(), vc.field("counts").to_pylist(),
                                strict=True):
            out[value] = count
    return out
