"""Requirements: save extraction results, find postings that need (re-)extraction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from mlepath.extract._model import Requirements

if TYPE_CHECKING:
    from ._store import StoreBase

    _Base = StoreBase
else:
    _Base = object


# After a save: for every posting just saved, mark its newest requirements row (latest
# ``extracted_at``, then highest version: the rows saved now) as the one ``market`` shows.
MARK_CURRENT_SQL = """
UPDATE requirements r SET is_current = c.rn = 1
FROM (SELECT posting_id, extractor_version,
             row_number() OVER (PARTITION BY posting_id
                                ORDER BY extracted_at DESC, extractor_version DESC) AS rn
      FROM requirements
      WHERE posting_id IN (SELECT posting_id FROM req_table)) c
WHERE r.posting_id = c.posting_id AND r.extractor_version = c.extractor_version
"""


# Skill ids seen for the first time get the next codes in ``skill_catalog`` (migration m006);
# existing codes never change.
ADD_TO_CATALOG_SQL = """
INSERT INTO skill_catalog (code, skill_id, name, category)
SELECT (SELECT coalesce(max(code), 0) FROM skill_catalog)
         + row_number() OVER (ORDER BY skill_id),
       skill_id, any_value(name), any_value(category)
FROM skill_table
WHERE skill_id NOT IN (SELECT skill_id FROM skill_catalog)
GROUP BY skill_id
"""
# A saved row's skills as catalog codes, ascending (``q`` is the row in ``req_table``).
SKILL_CODES_SQL = ("coalesce((SELECT list(k.code ORDER BY k.code) FROM skill_catalog k "
                   "WHERE list_contains(q.skill_ids, k.skill_id)), [])")


class RequirementsMixin(_Base):
    def save_requirements(self, items: Iterable[tuple[str, Requirements]]) -> int:
        """Insert or replace ``(posting_id, requirements)`` rows for their extractor version."""
        rows: dict[str, list[Any]] = {k: [] for k in (
            "posting_id", "extractor_version", "min_required", "preferred_levels",
            "equivalent_experience_ok", "fields", "experience_min_years", "role_family",
            "ml_focus", "seniority", "salary_min", "salary_max", "salary_currency",
            "salary_period", "salary_source", "record", "skill_ids")}
        skills: dict[str, list[Any]] = {k: [] for k in (
            "posting_id", "extractor_version", "skill_id", "name", "category", "required")}
        for pid, req in items:
            sal = req.salary
            for k, v in (("posting_id", pid), ("extractor_version", req.extractor_version),
                         ("min_required", req.min_required),
                         ("preferred_levels", list(req.preferred_levels)),
                         ("equivalent_experience_ok", req.equivalent_experience_ok),
                         ("fields", list(req.fields)),
                         ("experience_min_years", req.experience_min_years),
                         ("role_family", req.role_family), ("ml_focus", req.ml_focus),
                         ("seniority", req.seniority),
                         ("salary_min", sal.min if sal else None),
                         ("salary_max", sal.max if sal else None),
                         ("salary_currency", sal.currency if sal else None),
                         ("salary_period", sal.period if sal else None),
                         ("salary_source", sal.source if sal else None),
                         ("record", json.dumps(req.to_dict(pid), ensure_ascii=False)),
                         ("skill_ids", [s.id for s in req.skills])):
                rows[k].append(v)
            for s in req.skills:
                for k, v in (("posting_id", pid), ("extractor_version", req.extractor_version),
                             ("skill_id", s.id), ("name", s.name), ("category", s.category),
                             ("required", s.required)):
                    skills[k].append(v)
        n = len(rows["posting_id"])
        if not n:
            return 0
        types = {"preferred_levels": pa.list_(pa.string()), "fields": pa.list_(pa.string()),
                 "skill_ids": pa.list_(pa.string()),
                 "equivalent_experience_ok": pa.bool_(), "experience_min_years": pa.float64(),
                 "salary_min": pa.float64(), "salary_max": pa.float64(), "required": pa.bool_()}
        req_table = pa.table({k: pa.array(v, type=types.get(k, pa.string()))  # noqa: F841
                              for k, v in rows.items()})
        skill_table = pa.table({k: pa.array(v, type=types.get(k, pa.string()))  # noqa: F841
                                for k, v in skills.items()})
        with self.transaction() as cur:
            cur.execute("DELETE FROM requirements WHERE (posting_id, extractor_version) IN "
                        "(SELECT (posting_id, extractor_version) FROM req_table)")
            cur.execute("DELETE FROM requirement_skills WHERE (posting_id, extractor_version) IN "
                        "(SELECT (posting_id, extractor_version) FROM req_table)")
            if len(skills["posting_id"]):
                cur.execute(ADD_TO_CATALOG_SQL)
                cur.execute(f"INSERT INTO requirement_skills ({', '.join(skills)}) "
                            f"SELECT {', '.join(skills)} FROM skill_table")
            cur.execute(f"INSERT INTO requirements ({', '.join(rows)}, skill_codes) "
                        f"SELECT {', '.join(rows)}, {SKILL_CODES_SQL} FROM req_table q")
            cur.execute(MARK_CURRENT_SQL)
        return n

    def ids_needing_extraction(self, extractor_version: str) -> list[str]:
        """Posting ids with no requirements row at ``extractor_version`` (new or older rules)."""
        return [r[0] for r in self.cursor().execute(
            "SELECT id FROM postings WHERE id NOT IN "
            "(SELECT posting_id FROM requirements WHERE extractor_version = ?) ORDER BY id",
            [extractor_version]).fetchall()]

    def get_requirements(self, posting_id: str) -> Requirements | None:
        """The newest requirements of one posting."""
        row = self.scalar(
            "SELECT record FROM requirements WHERE posting_id = ? "
            "ORDER BY extracted_at DESC, extractor_version DESC LIMIT 1", [posting_id])
        return Requirements.from_dict(json.loads(row)) if row else None
