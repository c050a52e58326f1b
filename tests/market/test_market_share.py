"""``share()`` and ``Filters`` on the hand-built store of ``conftest.TEN``."""

from __future__ import annotations

import datetime as dt

import pytest

from mlepath.market import Filters, MarketError, parse_metric, share, wilson
from mlepath.store import Store


@pytest.mark.parametrize(("metric", "count"), [
    ("min_required=phd", 3),
    ("min_required=bachelor", 5),
    ("min_required=unspecified", 1),
    ("min_required>=bachelor", 9),
    ("min_required>=master", 4),
    ("preferred=master", 4),
    ("preferred=phd", 2),
    ("phd_required_or_preferred", 5),
    ("master_required_or_preferred", 5),
    ("equivalent_experience_ok", 2),
    ("ml_focus=research", 3),
    ("seniority=senior", 3),
    ("field=computer_science", 6),
    ("skill=pytorch", 10),
    ("skill=jax", 3),
    ("skill=docker", 5),
    ("category=mlops", 5),
    ("experience=unstated", 2),
    ("experience=0", 1),
    ("experience=1-2", 1),
    ("experience=3-4", 2),
    ("experience=5-7", 2),
    ("experience=8+", 2),
    ("title=research engineer", 3),
    ("remote", 5),
])
def test_share_counts_known_by_construction(ten: Store, metric: str, count: int) -> None:
    s = share(ten, metric)
    assert (s.count, s.n) == (count, 10)
    assert s.share == pytest.approx(count / 10)
    assert s.ci95 == wilson(count, 10)
    assert s.thin


def test_three_of_ten_require_a_phd_with_the_hand_computed_interval(ten: Store) -> None:
    s = share(ten, "min_required=phd")
    assert s.share == pytest.approx(0.3)
    assert s.ci95[0] == pytest.approx(0.10779, abs=1e-4)
    assert s.ci95[1] == pytest.approx(0.60323, abs=1e-4)


def test_conditional_share_uses_the_condition_as_n(ten: Store) -> None:
    # of the 3 PhD-required postings (h0, h1, h2), h0 and h1 are research
    s = share(ten, "ml_focus=research | min_required=phd")
    assert (s.count, s.n) == (2, 3)


@pytest.mark.parametrize(("filters", "count", "n"), [
    (Filters(focus="research"), 2, 3),  # h0, h1 of h0, h1, h3
    (Filters(focus="applied"), 1, 7),
    (Filters(company="ACME"), 3, 3),  # case-insensitive exact
    (Filters(company="acme,globex"), 3, 10),
    (Filters(location="francisco"), 2, 5),  # h0, h2 of the even ids
    (Filters(remote=True), 1, 5),  # h1
    (Filters(source="board_b"), 0, 5),
    (Filters(seniority="senior"), 1, 3),
    (Filters(date_from=dt.date(2025, 1, 3)), 1, 7),  # h2..h8; h9 has no date
    (Filters(date_to=dt.date(2025, 1, 2)), 2, 2),
    (Filters(role="data_scientist"), 0, 0),
    (Filters(role="data_scientist,ml_engineer"), 3, 10),
])
def test_filters_restrict_n(ten: Store, filters: Filters, count: int, n: int) -> None:
    s = share(ten, "min_required=phd", filters)
    assert (s.count, s.n) == (count, n)


def test_filters_from_a_query_string_mapping() -> None:
    f = Filters.from_mapping({"role": "ml_engineer", "since": "2025-01-01", "until": "",
                              "remote": "true", "page": "2", "ml_focus": "applied"})
    assert f == Filters(role="ml_engineer", focus="applied", remote=True,
                        date_from=dt.date(2025, 1, 1))
    assert f.to_dict() == {"role": "ml_engineer", "focus": "applied", "remote": True,
                           "date_from": "2025-01-01"}


@pytest.mark.parametrize(("mapping", "message"), [
    ({"role": "ml_engineerr"}, "unknown role 'ml_engineerr'; choose one of: ml_engineer"),
    ({"focus": "applied,theory"}, "unknown focus 'theory'"),
    ({"since": "01/02/2025"}, "bad date_from '01/02/2025'; use an ISO date"),
    ({"remote": "maybe"}, "bad remote 'maybe'; use true or false"),
    ({"since": "2025-02-01", "until": "2025-01-01"}, "date range is empty"),
])
def test_bad_filters_name_the_value_and_the_fix(mapping: dict[str, str], message: str) -> None:
    with pytest.raises(MarketError, match=message.replace("(", r"\(")):
        Filters.from_mapping(mapping)


@pytest.mark.parametrize("metric", ["min_required=doctorate", "degree=phd", "preferred>=master",
                                    "experience=lots", "phdd_required_or_preferred", "skill"])
def test_bad_metric_is_a_clear_error(metric: str) -> None:
    with pytest.raises(MarketError, match="unknown metric"):
        parse_metric(metric)


def test_empty_store_gives_n_zero_and_no_share(store: Store) -> None:
    s = share(store, "min_required=phd")
    assert (s.count, s.n, s.share, s.ci95) == (0, 0, None, (0.0, 1.0))


def test_batched_counts_equal_one_by_one_counts(ten: Store) -> None:
    cases = [
        (Filters(), "skill=jax"),
        (Filters(focus="applied"), "skill=docker"),
        (Filters(role="ml_engineer"), "category=mlops"),
        (Filters(source="board_a"), "skill_required=pytorch"),
        (Filters(), "ml_focus=research | min_required=phd"),
        (Filters(location="remote"), "min_required>=bachelor"),
        (Filters(date_from=dt.date(2025, 1, 3)), "preferred=master"),
        (Filters(), "min_required=phd | skill=jax"),  # a skill as the condition
        (Filters(focus="research"), "skill=docker"),
    ]
    specs = []
    for filters, metric in cases:
        parsed = parse_metric(metric)
        specs.append((filters.to_store(), parsed.numerator, parsed.given))
    batched = ten.market_counts(specs)
    single = [(s.count, s.n) for s in (share(ten, m, f) for f, m in cases)]
    assert batched == single
    assert batched[0] == (3, 10) and batched[1] == (5, 7) and batched[4] == (2, 3)
    assert batched[7] == (2, 3) and batched[8] == (0, 3)
