from __future__ import annotations

import pytest

from mlepath.market import THIN_N, Share, wilson


def test_wilson_three_of_ten_matches_hand_computation() -> None:
    # p = 0.3, z^2 = 3.8416: centre = (0.3 + 0.19208) / 1.38416 = 0.355508,
    # half = 1.96 / 1.38416 * sqrt(0.021 + 0.009604) = 0.247718
    lo, hi = wilson(3, 10)
    assert lo == pytest.approx(0.107790, abs=1e-5)
    assert hi == pytest.approx(0.603226, abs=1e-5)


def test_wilson_at_the_edges() -> None:
    # count = 0: upper = z^2 / (n + z^2); count = n: lower = n / (n + z^2)
    assert wilson(0, 10) == (0.0, pytest.approx(3.8416 / 13.8416))
    lo, hi = wilson(10, 10)
    assert lo == pytest.approx(10 / 13.8416) and hi == pytest.approx(1.0)
    assert wilson(0, 0) == (0.0, 1.0)
    assert wilson(1584, 1584)[1] == 1.0 and wilson(0, 1584)[0] == 0.0  # exactly, not 0.99999...


def test_wilson_z_changes_the_width() -> None:
    narrow, wide = wilson(50, 100, z=1.0), wilson(50, 100, z=2.576)
    assert wide[0] < narrow[0] < 0.5 < narrow[1] < wide[1]


@pytest.mark.parametrize(("count", "n"), [(-1, 10), (11, 10), (0, -1)])
def test_wilson_rejects_impossible_counts(count: int, n: int) -> None:
    with pytest.raises(ValueError, match="count"):
        wilson(count, n)


def test_share_is_thin_below_thirty() -> None:
    assert THIN_N == 30
    assert Share("m", 3, 29).thin and not Share("m", 3, 30).thin


def test_share_to_dict_shape() -> None:
    d = Share("min_required=phd", 3, 10, {"ml_focus": "research"}).to_dict()
    assert d == {"metric": "min_required=phd", "share": 0.3, "count": 3, "n": 10,
                 "ci95": [0.1078, 0.6032], "thin": True, "by": {"ml_focus": "research"}}
    assert Share("m", 0, 0).to_dict()["share"] is None
