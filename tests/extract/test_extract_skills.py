"""find_skills on real-shaped posting sentences: aliases, boundaries, guards, offsets."""

from __future__ import annotations

import pytest

from mlepath.errors import ExtractError
from mlepath.extract._skills import SkillMention, find_skills
from mlepath.extract._taxonomy import Guard, Skill, Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def ids(text: str, tax: Taxonomy) -> list[str]:
    return [m.id for m in find_skills(text, tax)]


# --- ambiguous names, both directions -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Proficiency in R, Python and SQL for statistical analysis.",
    "Strong programming skills in Python or R.",
    "Experience with statistical packages (R, SAS, Stata).",
])
def test_r_language_is_found(text: str, tax: Taxonomy) -> None:
    assert "r" in ids(text, tax)


@pytest.mark.parametrize("text", [
    "Partner with R&D teams on Python tooling.",
    "See Section R of the benefits guide; we use Python.",
    "Our A/R and billing teams use Python and SQL.",
    "Report R-squared for each regression model in Python.",
    "our r and d budget grew; we hire python developers",  # a lower-case bare "r" is never R
])
def test_r_not_found_in_non_language_uses(text: str, tax: Taxonomy) -> None:
    assert "r" not in ids(text, tax)


def test_r_programming_alias(tax: Taxonomy) -> None:
    assert "r" in ids("Experience in R programming is a plus.", tax)


def test_bare_r_without_technical_context_is_rejected(tax: Taxonomy) -> None:
    assert ids("Grade R applicants welcome.", tax) == []


def test_go_language_vs_go_verb(tax: Taxonomy) -> None:
    assert "go" in ids("Backend services in Go and Python on Kubernetes.", tax)
    assert "go" in ids("We write Golang microservices.", tax)
    assert "go" not in ids("Own the go to market plan for our Python SDK.", tax)
    assert "go" not in ids("Go beyond dashboards: build ML models in Python.", tax)
    assert "go" not in ids("Prepare the go-live checklist with the SQL team.", tax)


def test_c_family(tax: Taxonomy) -> None:
    assert ids("Fluent in C/C++ and C#, with .NET experience.", tax) == ["c", "cpp", "csharp", "dotnet"]
    assert "c" not in ids("Present results to the C-suite using SQL dashboards.", tax)
    assert "c" not in ids("We closed our Series C to scale Python tooling.", tax)


def test_java_vs_javascript(tax: Taxonomy) -> None:
    assert ids("JavaScript, Java and TypeScript", tax) == ["javascript", "java", "typescript"]


@pytest.mark.parametrize(("text", "skill", "expected"), [
    ("Distributed processing with Spark and Kafka.", "spark", True),
    ("Ideas that spark curiosity in our customers.", "spark", False),
    ("Systems programming in Rust and C++.", "rust", True),
    ("Remove rust from the pipes of the factory.", "rust", False),
    ("Scientific computing in Julia, Python or MATLAB.", "julia", True),
    ("Please send your CV to Julia in HR.", "julia", False),
    ("Data pipelines in Scala on Databricks.", "scala", True),
    ("iOS apps written in Swift and Objective-C.", "swift", True),
    ("We need swift decisions from the leadership team.", "swift", False),
    ("Distributed training with Ray and PyTorch.", "ray", True),
    ("Interpret X-Ray images for the radiology team.", "ray", False),
    ("Dashboards in Plotly Dash and Streamlit.", "plotly", True),
    ("Advanced Excel and SQL skills.", "excel", True),
    ("You will excel in a fast-paced environment.", "excel", False),
    ("Excel in a fast-paced environment.", "excel", False),
    ("Deep learning with Keras and TensorFlow.", "keras", True),
])
def test_guarded_brand_words(text: str, skill: str, expected: bool, tax: Taxonomy) -> None:
    assert (skill in ids(text, tax)) is expected


# --- aliases, longest match, plurals ----------------------------------------------------------
def test_aliases_map_to_canonical_ids(tax: Taxonomy) -> None:
    text = ("Experience with sklearn, Amazon SageMaker, K8s, Postgres, HuggingFace, "
            "scikit-learn and RESTful APIs.")
    assert ids(text, tax) == ["scikit_learn", "sagemaker", "kubernetes", "postgresql",
                              "hugging_face", "scikit_learn", "apis"]


def test_longest_match_wins(tax: Taxonomy) -> None:
    found = find_skills("We run Apache Spark on Amazon Web Services.", tax)
    assert [(m.id, m.start, m.end) for m in found] == [("spark", 7, 19), ("aws", 23, 42)]


def test_plural_forms(tax: Taxonomy) -> None:
    assert ids("Build scalable distributed systems, REST APIs and LLMs.", tax) == [
        "distributed_systems", "apis", "llms"]


def test_words_inside_other_words_are_not_skills(tax: Taxonomy) -> None:
    # "scala" in "escalate", "sql" in "nosqlite", "rag" in "average", "stan" in "understand"
    assert ids("Escalate issues; understand the average leverage of a bigram.", tax) == []
    # a file name is not a skill mention, a hashtag is
    assert ids("See careers/accommodation.html for details. #Python", tax) == ["python"]


# --- offsets map back into the ORIGINAL text --------------------------------------------------
def test_offsets_point_into_original_text(tax: Taxonomy) -> None:
    text = "İstanbul team — uses  PYTORCH,\nKubernetes and Python 3 • MLflow"
    found = find_skills(text, tax)
    assert [text[m.start:m.end] for m in found] == ["PYTORCH", "Kubernetes", "Python 3", "MLflow"]
    assert all(isinstance(m, SkillMention) for m in found)


def test_offsets_at_text_edges(tax: Taxonomy) -> None:
    text = "Python"
    (m,) = find_skills(text, tax)
    assert (m.start, m.end) == (0, 6)
    assert find_skills("", tax) == []


def test_mentions_are_in_text_order_with_repeats(tax: Taxonomy) -> None:
    found = find_skills("Docker, Python, Docker", tax)
    assert [m.id for m in found] == ["docker", "python", "docker"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_mention_is_frozen(tax: Taxonomy) -> None:
    (m,) = find_skills("PyTorch", tax)
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]


# --- injected tiny taxonomy -------------------------------------------------------------------
def test_tiny_injected_taxonomy() -> None:
    tiny = Taxonomy.from_skills(
        [Skill("widget", "Widget", "software_engineering", ("widgets lib",)),
         Skill("zeta", "Zeta", "ml_framework", (), {"zeta": "caps"})],
        {"caps": Guard("caps", surfaces=("Zeta",))},
    )
    assert [m.id for m in find_skills("widget, zeta, Zeta and Widgets Lib", tiny)] == [
        "widget", "zeta", "widget"]


def test_bad_taxonomy_is_a_clear_error() -> None:
    with pytest.raises(ExtractError, match="unknown category 'gardening'"):
        Taxonomy.from_skills([Skill("x", "X", "gardening")])
    with pytest.raises(ExtractError, match="duplicate skill id 'x'"):
        Taxonomy.from_skills([Skill("x", "X", "cloud"), Skill("x", "Y", "cloud")])
    with pytest.raises(ExtractError, match="unknown guard 'nope'"):
        Taxonomy.from_skills([Skill("x", "Xy", "cloud", (), {"xy": "nope"})])


def test_missing_taxonomy_file_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(ExtractError, match="cannot read taxonomy file"):
        load_taxonomy("/nonexistent/taxonomy.json")
