"""``read_profile``: a résumé or profile YAML, from a path or bytes, to a ``Profile``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from mlepath.errors import ProfileError

from ._files import PROFILE_SUFFIXES, SUPPORTED, check_size, resume_text
from ._model import Profile
from ._resume import profile_from_text
from ._skills import SkillFinder, default_skill_finder, unique_ids


def read_profile(path_or_bytes: str | Path | bytes, filename: str | None = None, *,
                 today: date | None = None, skill_finder: SkillFinder | None = None) -> Profile:
    """Read a person from a résumé (PDF, DOCX, Markdown, text) or a profile YAML.

        profile = read_profile("resume.pdf")
        profile = read_profile(upload_bytes, filename="cv.docx")

    :param path_or_bytes: a file path, or the file's bytes (then ``filename`` gives the format).
    :param today: the date "Present" means (default: today).
    :param skill_finder: text → [(id, name, category)]; default: the postings' taxonomy.
    Raises ``ProfileError`` (one line, with the fix) for anything unreadable.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        name = filename or "upload"
        check_size(len(path_or_bytes), name)
        data = bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        name = filename or path.name
        if not path.is_file():
            raise ProfileError(f"no file at {path}; give the path of a résumé or profile YAML")
        check_size(path.stat().st_size, name)  # before reading: never load a 2 GB file
        data = path.read_bytes()
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise ProfileError(f"unsupported file type {suffix or '(none)'!r} for {name}; give one of: "
                           f"{', '.join(SUPPORTED)}")
    finder = skill_finder or default_skill_finder()
    if suffix in PROFILE_SUFFIXES:
        profile = Profile.from_yaml(data.decode("utf-8", errors="replace"), source=name)
        return _normalise_skills(profile, finder)
    text = resume_text(data, name, suffix)
    return profile_from_text(text, source=name, skill_finder=finder, today=today)


def _normalise_skills(profile: Profile, finder: SkillFinder) -> Profile:
    """Hand-written skills ("PyTorch", "k8s") become taxonomy ids; unknown ones stay as written."""
    ids: list[str] = []
    for skill in profile.skills:
        found = unique_ids(finder(skill))
        ids.extend(found or (skill.strip().lower(),))
    return replace(profile, skills=tuple(dict.fromkeys(ids)))
