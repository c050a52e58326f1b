"""The skills taxonomy: canonical skills, their aliases, and the guard rules for ambiguous names.

The data lives in ``extract/data/taxonomy.json`` (built by ``scripts/build_taxonomy.py`` from
O*NET 29.2 technology skills, CC BY 4.0, plus a hand-curated ML/MLOps layer). ``load_taxonomy()``
reads it once and builds the scanner (``_scan.KeyScanner``) once; extractors receive the ``Taxonomy``
explicitly so tests can inject a tiny one with ``Taxonomy.from_skills([...])``.

Matching model (see ``_skills.py``): the text is lower-cased (length-preserving) and scanned in one
pass; every hit is then checked for word boundaries in the original text. Aliases whose
surface is ambiguous ("R", "Go", "Spark", "Excel" ...) carry the name of a *guard* — a small
context rule kept as data — that decides, from the original text around the hit, whether it is
the skill or an ordinary word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mlepath.errors import ExtractError

from ._doc import KEYWORD_KEYS, KeywordHit
from ._model import SKILL_CATEGORIES
from ._scan import Key, KeyScanner

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomy.json"

# Characters that may stand right before / after a short skill name (keyed with its boundaries).
# The matcher pads the text with a space at each end, so the start and end of the text count as
# boundaries too. "." is not a left boundary ("node.js" must not yield "js") but is a right one
# ("... and R.").
LEFT_BOUNDARIES = " \n\t\r\f\v([{/,;:-\"'*&+>|!?=<~^`@\u00a0\u2018\u201c\u2022\u00b7\u2013\u2014\u25cf\u25aa\u2212"
RIGHT_BOUNDARIES = LEFT_BOUNDARIES.replace("+", "").replace("@", "") + ".)]}\u2019\u201d"
SHORT_ALIAS = 3  # aliases up to this length are keyed with both boundaries


@dataclass(frozen=True, slots=True)
class Skill:
    """One canonical skill. ``aliases`` are surface forms (any case) that name it.

    ``guarded`` maps an alias (lower-cased) to the name of the guard rule that must accept a hit
    of that alias; aliases not in it are accepted on word boundaries alone.
    """

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    guarded: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Guard:
    """A context rule for an ambiguous alias, evaluated on the ORIGINAL text around a hit.

    - ``surfaces``: if set, the hit's original text must be exactly one of these (case matters:
      "R" yes, "r" no; "Spark" yes, "spark" no).
    - ``reject_next``: regex matched at the character right after the hit ("&D" after "R").
    - ``reject_prev``: regex searched in the few characters before the hit ("Section " before "R").
    - ``match_case``: the hit must be written exactly as the alias is in the taxonomy
      ("Shiny" the R package, not "shiny"); one generic guard serves many brand-name words.
    - ``needs_context``: the hit counts only if another, unambiguous skill is mentioned within
      ``window`` characters, or one of ``cue_words`` appears there ("programming", "language").
    """

    name: str
    surfaces: tuple[str, ...] = ()
    reject_next: re.Pattern[str] | None = None
    reject_prev: re.Pattern[str] | None = None
    needs_context: bool = False
    window: int = 120
    cue_words: re.Pattern[str] | None = None
    match_case: bool = False

    @classmethod
    def from_dict(cls, name: str, d: dict[str, Any]) -> Guard:
        def rx(key: str, flags: int = 0) -> re.Pattern[str] | None:
            src = d.get(key)
            return re.compile(src, flags) if src else None

        cues = d.get("cue_words") or []
        return cls(
            name=name,
            surfaces=tuple(d.get("surfaces") or ()),
            reject_next=rx("reject_next"),
            # anchored at the end of the preceding slice: r"(section|form)\s+$"
            reject_prev=rx("reject_prev", re.IGNORECASE),
            needs_context=bool(d.get("needs_context", False)),
            match_case=bool(d.get("match_case", False)),
            window=int(d.get("window", 120)),
            cue_words=(re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.IGNORECASE)
                       if cues else None),
        )


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """What the scanner stores for one lower-cased alias."""

    skill_index: int
    length: int
    guard: Guard | None
    surface: str  # the alias as written in the taxonomy (for ``Guard.match_case``)
    right_bounded: bool  # short alias: the key is left boundary + alias + right boundary


ScanValue = tuple[AliasEntry | None, KeywordHit | None]


def _merge_values(old: ScanValue, new: ScanValue) -> ScanValue:
    """Two keys spelled the same once expanded: one is a skill alias, the other a keyword."""
    return (old[0] if old[0] is not None else new[0], old[1] if old[1] is not None else new[1])


class Taxonomy:
    """Skills by id, the one-pass scanner over their aliases, and the guard rules."""

    def __init__(self, skills: list[Skill], guards: dict[str, Guard] | None = None,
                 meta: dict[str, Any] | None = None) -> None:
        self.meta: dict[str, Any] = dict(meta or {})
        self.guards: dict[str, Guard] = dict(guards or {})
        self.skills: tuple[Skill, ...] = tuple(skills)
        self.by_id: dict[str, Skill] = {}
        self._claimed: set[str] = set()
        for s in self.skills:
            if s.id in self.by_id:
                raise ExtractError(f"duplicate skill id {s.id!r} in the taxonomy; ids must be unique")
            if s.category not in SKILL_CATEGORIES:
                raise ExtractError(f"skill {s.id!r} has unknown category {s.category!r}; "
                                   f"choose one of: {', '.join(SKILL_CATEGORIES)}")
            self.by_id[s.id] = s
        self.scanner = self._build()

    def _build(self) -> KeyScanner[ScanValue]:
        """One scanner over the skill aliases and the requirement keywords of ``_doc``.

        Each value is ``(AliasEntry | None, keyword value | None)``: a key can be both ("pytorch"),
        and one scan of a posting serves the skills matcher and the section pass alike.
        """
        keys: dict[Key, ScanValue] = {}
        for index, skill in enumerate(self.skills):
            for alias in (skill.name, *skill.aliases):
                key = alias.lower()
                if not key.strip() or len(key) != len(alias) or key in self._claimed:
                    continue  # lower() must keep length, else offsets would drift
                # First skill to claim an alias keeps it (O*NET spellings overlap).
                self._claimed.add(key)
                guard_name = skill.guarded.get(key)
                guard = None
                if guard_name is not None:
                    if guard_name not in self.guards:
                        raise ExtractError(f"skill {skill.id!r} names unknown guard "
                                           f"{guard_name!r}; define it under 'guards'")
                    guard = self.guards[guard_name]
                # Short aliases carry both word boundaries in their keys, so "r" is found only
                # as a word, not at each letter r of the text (hundreds of hits per posting).
                # Longer aliases rarely occur inside other words; they are keyed bare, and
                # their boundaries are checked in ``_skills``.
                short = len(key) <= SHORT_ALIAS
                entry = AliasEntry(index, len(key), guard, alias, short)
                bounded: Key = (LEFT_BOUNDARIES, key, RIGHT_BOUNDARIES) if short else ("", key, "")
                keys[bounded] = (entry, None)
        for bounded, kw in KEYWORD_KEYS.items():
            entry_or_none = keys[bounded][0] if bounded in keys else None
            keys[bounded] = (entry_or_none, kw)
        return KeyScanner(keys, merge=_merge_values)

    @classmethod
    def from_skills(cls, skills: list[Skill], guards: dict[str, Guard] | None = None) -> Taxonomy:
        """A taxonomy from Python objects (tests inject tiny ones this way)."""
        return cls(skills, guards)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Taxonomy:
        guards = {name: Guard.from_dict(name, g) for name, g in (data.get("guards") or {}).items()}
        skills = [
            Skill(id=s["id"], name=s["name"], category=s["category"],
                  aliases=tuple(s.get("aliases") or ()),
                  guarded={k.lower(): v for k, v in (s.get("guarded") or {}).items()})
            for s in data.get("skills") or ()
        ]
        return cls(skills, guards, data.get("meta"))

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.by_id

    def __repr__(self) -> str:
        return f"Taxonomy({len(self.skills)} skills, {len(self.guards)} guards)"


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy at ``path`` (default: the packaged ``data/taxonomy.json``), built once.

    >>> tax = load_taxonomy()
    >>> tax.by_id["pytorch"].category
    'ml_framework'
    """
    return _load_cached(str(Path(path).resolve()) if path is not None else str(DEFAULT_TAXONOMY_PATH))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Taxonomy:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ExtractError(f"cannot read taxonomy file {path!r} ({exc.strerror}); "
                           "pass an existing JSON taxonomy or omit the path for the default") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ExtractError(f"taxonomy file {path!r} is not valid JSON (line {exc.lineno}); "
                           "rebuild it with: python scripts/build_taxonomy.py") from exc
    if not isinstance(data, dict) or "skills" not in data:
        raise ExtractError(f"taxonomy file {path!r} has no 'skills' list; "
                           "rebuild it with: python scripts/build_taxonomy.py")
    return Taxonomy.from_dict(data)
