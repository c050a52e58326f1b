"""HTML → text keeps the lines extraction depends on."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mlepath.sources import content_hash, html_to_text, normalise_text
from mlepath.sources._posting import normalise_for_hash
from mlepath.store._postings import _json, fast_content_hash, fast_normalise


def test_headings_and_list_items_are_lines() -> None:
    html = ("<div><p>About us</p><h3>Minimum qualifications</h3><ul><li>BS in CS</li>"
            "<li>3+ years of <b>Python</b></li></ul><p><strong>Preferred:</strong></p>"
            "<ol><li>MS or PhD</li></ol></div>")
    assert html_to_text(html) == ("About us\nMinimum qualifications\n- BS in CS\n"
                                  "- 3+ years of Python\nPreferred:\n- MS or PhD")


def test_entities_unescaped_whitespace_folded_scripts_dropped() -> None:
    html = ("<p>R&amp;D&nbsp;team &lt;3 &#8212; caf&eacute;</p>\n<script>var x = 1;</script>"
            "<style>p {color: red}</style><p>  many \n\t spaces  </p>")
    assert html_to_text(html) == "R&D team <3 — café\nmany spaces"


def test_br_nested_lists_and_pre() -> None:
    html = "<p>line one<br>line two</p><ul><li>outer<ul><li>inner</li></ul></li></ul>" \
           "<pre>a  b\nc</pre>"
    assert html_to_text(html) == "line one\nline two\n- outer\n- inner\na b\nc"


def test_empty_and_plain_inputs() -> None:
    assert html_to_text("") == ""
    assert html_to_text("   ") == ""
    assert html_to_text("just text") == "just text"


def test_normalise_text_bullets_and_blank_lines() -> None:
    text = "Intro  text\r\n\r\n\r\nRequirements:\n• Python\n*  SQL\n**Bold** stays\n\n"
    assert normalise_text(text) == "Intro text\n\nRequirements:\n- Python\n- SQL\n**Bold** stays"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_fast_hash_equals_the_posting_content_hash(text: str) -> None:
    # the store's fast path must give exactly the hash Posting.content_hash defines
    assert fast_normalise(text) == normalise_for_hash(text)
    assert fast_content_hash(text) == content_hash(text)


_MESSY = st.text(alphabet=st.sampled_from(list("ab *•·-\n\r\t\x0b\x0c\x1c\x1f\x00\x85\u00a0\u2028é#")),
                 max_size=60)


@given(st.one_of(st.text(alphabet=st.sampled_from(
    list("ab \n\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x00\x7f\x80\x85\u00a0\u2028\u3000é")), max_size=30),
    st.text(max_size=30)))
def test_only_spaces_and_newlines_is_sound(text: str) -> None:
    # True must mean it (the fast paths rely on it); False may be conservative for non-ASCII
    # text with non-printable characters, which then takes the slow path
    from mlepath.sources._html import only_spaces_and_newlines

    exact = all(ch in " \n" or not ch.isspace() for ch in text)
    if only_spaces_and_newlines(text):
        assert exact
    if text.isascii():
        assert only_spaces_and_newlines(text) == exact


@given(_MESSY)
def test_normalise_text_shortcut_equals_the_line_loop(text: str) -> None:
    from mlepath.sources._html import _normalise_lines

    assert normalise_text(text) == _normalise_lines(text)


@given(_MESSY)
def test_fast_normalise_shortcut_equals_the_definition(text: str) -> None:
    assert fast_normalise(text) == normalise_for_hash(text)


# Every character Python counts as whitespace (``\\s`` and ``str.split`` both use
# ``str.isspace``), plus look-alikes that are not whitespace (U+200B, U+FEFF, NUL).
_ALL_SPACES = [chr(i) for i in range(0x3001) if chr(i).isspace()]
_WS_TEXT = st.text(alphabet=st.sampled_from(_ALL_SPACES + list("aBÉß\u200b\ufeff\x00İ")),
                   max_size=80)


def _regex_definition(text: str) -> str:
    # the original definition of normalise_for_hash, kept here as the reference
    return re.sub(r"\s+", " ", text).strip().lower()


@given(st.one_of(_WS_TEXT, st.text(max_size=80)))
def test_normalise_for_hash_equals_the_regex_definition(text: str) -> None:
    assert normalise_for_hash(text) == _regex_definition(text)
    assert fast_normalise(text) == _regex_definition(text)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.dates(),  # not JSON: default=str writes it as "YYYY-MM-DD"
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)


@given(_JSON_VALUES)
def test_store_json_equals_json_dumps(value: Any) -> None:
    assert _json(value) == json.dumps(value, ensure_ascii=False, default=str)
