"""Skills in a résumé, found with the same taxonomy as postings.

``default_skill_finder()`` uses ``mlepath.extract``'s taxonomy (``load_taxonomy`` +
``find_skills``) so a person's skills and a posting's skills share ids. Until that taxonomy is
installed, a small built-in vocabulary of common skills stands in, with ids in the same style
(lower-case canonical names), so the audit still works; tests inject their own finder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# (id, display name, category) of one skill
SkillRef = tuple[str, str, str]
SkillFinder = Callable[[str], list[SkillRef]]

# Used only while mlepath.extract's taxonomy is not importable: id, name, category, aliases.
_FALLBACK: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("python", "Python", "programming_language", ("python",)),
    ("java", "Java", "programming_language", ("java",)),
    ("go", "Go", "programming_language", ("golang", "go")),
    ("c++", "C++", "programming_language", ("c++", "cpp")),
    ("scala", "Scala", "programming_language", ("scala",)),
    ("sql", "SQL", "programming_language", ("sql",)),
    ("javascript", "JavaScript", "programming_language", ("javascript", "js")),
    ("typescript", "TypeScript", "programming_language", ("typescript",)),
    ("rust", "Rust", "programming_language", ("rust",)),
    ("r", "R", "programming_language", ("r",)),
    ("pytorch", "PyTorch", "ml_framework", ("pytorch", "torch")),
    ("tensorflow", "TensorFlow", "ml_framework", ("tensorflow",)),
    ("scikit-learn", "scikit-learn", "ml_framework", ("scikit-learn", "sklearn", "scikit learn")),
    ("keras", "Keras", "ml_framework", ("keras",)),
    ("xgboost", "XGBoost", "ml_framework", ("xgboost",)),
    ("pandas", "pandas", "data_engineering", ("pandas",)),
    ("spark", "Spark", "data_engineering", ("spark", "pyspark", "apache spark")),
    ("kafka", "Kafka", "data_engineering", ("kafka",)),
    ("airflow", "Airflow", "data_engineering", ("airflow",)),
    ("postgresql", "PostgreSQL", "data_engineering", ("postgresql", "postgres")),
    ("docker", "Docker", "mlops", ("docker",)),
    ("kubernetes", "Kubernetes", "mlops", ("kubernetes", "k8s")),
    ("mlflow", "MLflow", "mlops", ("mlflow",)),
    ("aws", "AWS", "cloud", ("aws", "amazon web services")),
    ("gcp", "GCP", "cloud", ("gcp", "google cloud")),
    ("azure", "Azure", "cloud", ("azure",)),
    ("machine_learning", "machine learning", "ml_technique", ("machine learning",)),
    ("deep_learning", "deep learning", "ml_technique", ("deep learning",)),
    ("nlp", "NLP", "ml_technique", ("nlp", "natural language processing")),
    ("computer_vision", "computer vision", "ml_technique", ("computer vision",)),
    ("llm", "LLMs", "ml_technique", ("llm", "llms", "large language models")),
    ("statistics", "statistics", "statistics_math", ("statistics", "statistical")),
    ("linear_algebra", "linear algebra", "statistics_math", ("linear algebra",)),
    ("git", "Git", "software_engineering", ("git",)),
    ("rest_api", "REST APIs", "software_engineering", ("rest", "rest api", "restful")),
    ("microservices", "microservices", "software_engineering", ("microservices",)),
    ("ci_cd", "CI/CD", "software_engineering", ("ci/cd", "continuous integration")),
    ("linux", "Linux", "software_engineering", ("linux",)),
)


_CASED = {"r": ("R",), "go": ("Go", "GO"), "rest": ("REST",)}


@lru_cache(maxsize=1)
def _fallback_pattern() -> tuple[re.Pattern[str], dict[str, SkillRef]]:
    alias_to: dict[str, SkillRef] = {}
    for sid, name, cat, aliases in _FALLBACK:
        for a in aliases:
            alias_to[a] = (sid, name, cat)
    alts = sorted(alias_to, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w+#])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w+#])",
                         re.IGNORECASE)
    return pattern, alias_to


def _fallback_find(text: str) -> list[SkillRef]:
    pattern, alias_to = _fallback_pattern()
    out: list[SkillRef] = []
    for m in pattern.finditer(text):
        alias = m.group(1).lower()
        if alias in _CASED and m.group(1) not in _CASED[alias]:
            continue  # "r", "go", "rest" in other casings are ordinary words
        out.append(alias_to[alias])
    return out


def _taxonomy_finder() -> SkillFinder | None:
    try:
        from mlepath.extract._skills import find_skills
        from mlepath.extract._taxonomy import load_taxonomy
    except ImportError:
        return None
    taxonomy: Any = load_taxonomy()

    def find(text: str) -> list[SkillRef]:
        return [(m.id, m.name, m.category) for m in find_skills(text, taxonomy)]

    return find


@lru_cache(maxsize=1)
def default_skill_finder() -> SkillFinder:
    """The taxonomy's finder when ``mlepath.extract`` has one, else the built-in stand-in."""
    return _taxonomy_finder() or _fallback_find


def unique_ids(found: list[SkillRef]) -> tuple[str, ...]:
    """Skill ids in first-seen order, without repeats."""
    return tuple(dict.fromkeys(sid for sid, _, _ in found))
