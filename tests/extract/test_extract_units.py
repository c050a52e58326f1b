"""Unit tests per component: sections, sentences, cues, degrees, years, fields, role, evaluation."""

from __future__ import annotations

import pytest

from mlepath.extract import EXTRACTOR_VERSION, Requirements, evaluate, extract_requirements
from mlepath.extract._cues import cue_spans, governing_cue
from mlepath.extract._doc import analyse, split_sentences
from mlepath.extract._education import extract_education, fields_near
from mlepath.extract._experience import extract_years
from mlepath.extract._role import role_family, seniority


def _polarity_of(text: str, needle: str) -> str:
    doc = analyse(text)
    return doc.polarity_at(text.index(needle))


@pytest.mark.parametrize(("heading", "polarity"), [
    ("Minimum qualifications:", "required"),
    ("Basic Qualifications", "required"),
    ("What you'll need", "required"),
    ("You have:", "required"),
    ("Preferred qualifications", "preferred"),
    ("Nice to have", "preferred"),
    ("Bonus points:", "preferred"),
    ("Ideally you have:", "preferred"),
    ("Responsibilities", "neutral"),
    ("Benefits:", "neutral"),
])
def test_heading_polarity(heading: str, polarity: str) -> None:
    text = f"Intro line.\n{heading}\n- Python and SQL\n"
    assert _polarity_of(text, "Python") == polarity


def test_a_new_heading_resets_polarity() -> None:
    text = "Preferred qualifications\n- PhD\nWhat you'll do\n- Build models\n"
    assert _polarity_of(text, "PhD") == "preferred"
    assert _polarity_of(text, "Build") == "neutral"


def test_list_items_are_not_headings() -> None:
    text = "Bonus Points\nExperience with PyTorch and/or Pyro\nFamiliarity with Kubernetes\n"
    assert _polarity_of(text, "Kubernetes") == "preferred"


def test_soft_desired_heading_is_required_beside_a_firm_preferred_list() -> None:
    text = ("Desired Experience:\n- 5+ years of data science\n- SQL\n\nNice to Have:\n- Spark\n")
    assert _polarity_of(text, "5+ years") == "required"
    assert _polarity_of(text, "Spark") == "preferred"
    alone = "Desired Skills\n- 4+ years of machine learning\n- SQL\n"
    assert _polarity_of(alone, "4+ years") == "preferred"


def test_split_sentences_keeps_abbreviations_and_offsets() -> None:
    text = "Ph.D. in CS preferred. B.S. required. Apply now!"
    spans = split_sentences(text, 0, len(text))
    pieces = [text[a:b] for a, b in spans]
    assert pieces == ["Ph.D. in CS preferred.", "B.S. required.", "Apply now!"]


def test_sentence_offsets_slice_the_input() -> None:
    text = "  Requirements:\n  • Master's degree in Physics. 3+ years of work experience.\n"
    doc = analyse(text)
    assert doc.sentences
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


def test_cue_after_group_and_before() -> None:
    s = "Master's or PhD preferred"
    cues = cue_spans(s)
    assert governing_cue(s, 0, 8, cues, [(0, 8), (12, 15)]) == "preferred"
    s2 = "Minimum MS in Computer Science or a related field, PhD preferred"
    cues2 = cue_spans(s2)
    ms = s2.index("MS")
    phd = s2.index("PhD")
    assert governing_cue(s2, ms, ms + 2, cues2, [(ms, ms + 2), (phd, phd + 3)]) == "required"
    assert governing_cue(s2, phd, phd + 3, cues2, [(ms, ms + 2), (phd, phd + 3)]) == "preferred"


def test_preferably_only_softens_what_follows() -> None:
    s = "2+ years of experience building backends, preferably in a SaaS environment."
    assert governing_cue(s, 0, 8, cue_spans(s), []) is None


def test_education_levels_and_evidence() -> None:
    text = "Requirements:\n- BS in Statistics or equivalent practical experience\n- MS a plus\n"
    edu = extract_education(analyse(text))
    assert edu.min_required == "bachelor"
    assert edu.preferred_levels == ("master",)
    assert edu.equivalent_experience_ok is True
    assert edu.fields == ("statistics",)
    ev = edu.evidence["min_required"][0]
    assert text[ev.start:ev.end] == ev.text == "BS in Statistics or equivalent practical experience"


def test_fields_stop_at_experience() -> None:
    s = "Master's degree and 4+ years of CS, CE, ML or related field experience"
    assert fields_near(s, 0, 8) == set()
    s2 = "PhD in Biostatistics, Health Economics or a related technical field"
    assert fields_near(s2, 0, 3) == {"statistics", "economics", "quantitative"}


def test_years_alternatives_and_all_apply() -> None:
    doc = analyse("Requirements\n- BS + 5 years or MS + 3 years or PhD\n- 1+ years of Python\n")
    edu = extract_education(doc)
    years, ev = extract_years(doc, edu.mentions, edu.min_required)
    assert years == 3
    assert ev and "MS + 3 years" in ev[0].text
    doc2 = analyse("Requirements\n- 5+ years in data science\n- 3+ years of Python\n")
    assert extract_years(doc2, [], "unspecified")[0] == 5


def test_role_family_from_title_then_body() -> None:
    doc = analyse("We train deep learning models with PyTorch.")
    assert role_family("Senior Machine Learning Engineer", doc)[0] == "ml_engineer"
    assert role_family("Data Engineer", doc)[0] == "data_engineer"
    assert role_family("", analyse("We are hiring a data analyst to build dashboards."))[0] == "data_analyst"
    assert role_family("Barista", doc)[0] == "other"


@pytest.mark.parametrize(("title", "years", "level"), [
    ("Machine Learning Intern", None, "intern"),
    ("Principal Data Scientist", None, "staff_plus"),
    ("Sr. Data Engineer", None, "senior"),
    ("Data Scientist II", None, "mid"),
    ("Entry Level Data Analyst", 2.0, "junior"),
    ("Head of AI", None, "manager"),
    ("Data Scientist", None, "mid"),
    ("Data Scientist", 1.0, "junior"),
    ("Data Scientist", 2.0, "mid"),
    ("Data Scientist", 6.0, "senior"),
])
def test_seniority(title: str, years: float | None, level: str) -> None:
    assert seniority(title, analyse(""), years)[0] == level


def test_extract_requirements_record_is_versioned_and_round_trips() -> None:
    req = extract_requirements("Requirements:\n- PhD in Physics\n", title="Research Scientist, AI")
    assert req.extractor_version == EXTRACTOR_VERSION
    again = Requirements.from_dict(req.to_dict("x"))
    assert again.min_required == "phd" and again.fields == ("physics",)


def test_skills_get_required_from_their_section() -> None:
    text = "Requirements:\n- Python and SQL\nNice to have:\n- Kubernetes\n"
    req = extract_requirements(text, title="ML Engineer")
    by_name = {s.id: s.required for s in req.skills}
    assert by_name, "the packaged taxonomy should find these skills"
    kube = [v for k, v in by_name.items() if "kubernetes" in k]
    py = [v for k, v in by_name.items() if k == "python" or k.endswith("python")]
    assert kube == [False]
    assert py == [True]


def _row(pid: str, min_req: str, pref: list[str], eq: bool, fields: list[str], years: float | None,
         fam: str = "ml_engineer", focus: str = "applied", sen: str = "mid") -> dict[str, object]:
    return {"id": pid, "education": {"min_required": min_req, "preferred_levels": pref,
                                     "equivalent_experience_ok": eq, "fields": fields},
            "experience_min_years": years, "role": {"family": fam, "ml_focus": focus}, "seniority": sen}


def test_evaluate_accuracy_micro_f1_and_confusion() -> None:
    gold = [_row("a", "bachelor", ["master"], True, ["statistics", "physics"], 3),
            _row("b", "master", [], False, [], None),
            _row("c", "unspecified", ["phd"], False, ["computer_science"], 5)]
    pred = [_row("a", "bachelor", ["master", "phd"], True, ["statistics"], 3.0),
            _row("b", "bachelor", [], True, [], None)]
    r = evaluate(gold, pred)
    assert r.n == 3 and r.missing == ["c"]
    assert r.accuracy["min_required"] == pytest.approx(1 / 3)
    assert r.accuracy["experience_min_years"] == pytest.approx(2 / 3)  # 3 == 3.0 and None == None
    pl = r.prf["preferred_levels"]
    assert (pl.tp, pl.fp, pl.fn) == (1, 1, 1)
    f = r.prf["fields"]
    assert (f.tp, f.fp, f.fn) == (1, 0, 2)
    assert f.f1 == pytest.approx(2 * 1.0 * (1 / 3) / (1.0 + 1 / 3))
    eq = r.prf["equivalent_experience_ok"]
    assert (eq.tp, eq.fp, eq.fn) == (1, 1, 0)
    assert r.confusion == {"bachelor": {"bachelor": 1}, "master": {"bachelor": 1},
                           "unspecified": {"None": 1}}
    assert any(d.id == "b" and d.field == "min_required" for d in r.disagreements)


def test_structured_fields_fill_what_the_text_leaves_out() -> None:
    structured = {"educationRequirements": {"@type": "EducationalOccupationalCredential",
                                            "credentialCategory": "bachelor degree"},
                  "experienceRequirements": {"@type": "OccupationalExperienceRequirements",
                                             "monthsOfExperience": 36}}
    req = extract_requirements("Build models with our team.", title="Data Scientist", structured=structured)
    assert req.min_required == "bachelor" and req.experience_min_years == 3
    assert req.evidence["min_required"][0].start == -1  # not a span of the text
    # the text wins when it states a requirement
    req2 = extract_requirements("Requirements:\n- PhD in Physics\n", structured=structured)
    assert req2.min_required == "phd"


def test_posting_salary_fields_are_the_structured_salary() -> None:
    from mlepath.extract import extract_posting
    from mlepath.sources import Posting

    p = Posting(id="x", source="t", description_text="Pay: $100 per hour.", title="ML Engineer",
                salary_min=150000.0, salary_max=180000.0, salary_currency="USD", salary_period="year")
    sal = extract_posting(p).salary
    assert sal is not None and (sal.min, sal.max, sal.source) == (150000.0, 180000.0, "structured")
