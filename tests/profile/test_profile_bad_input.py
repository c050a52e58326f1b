"""Bad input: each a one-line ProfileError that names the problem and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from fit_helpers import RESUME_LINES, pdf_bytes, tiny_finder

from mlepath.errors import ProfileError
from mlepath.profile import read_profile


def _error(path_or_bytes: Path | bytes, filename: str | None = None) -> str:
    with pytest.raises(ProfileError) as info:
        read_profile(path_or_bytes, filename, skill_finder=tiny_finder)
    msg = str(info.value)
    assert "\n" not in msg
    return msg


def test_encrypted_pdf(tmp_path: Path) -> None:
    f = tmp_path / "locked.pdf"
    f.write_bytes(pdf_bytes(RESUME_LINES, encrypt="s3cret"))
    assert "locked.pdf is an encrypted PDF; remove the password" in _error(f)


def test_image_only_pdf(tmp_path: Path) -> None:
    f = tmp_path / "scan.pdf"
    f.write_bytes(pdf_bytes(RESUME_LINES, text=False))
    assert "scan.pdf has no text layer" in _error(f)
    assert "OCR" in _error(f)


def test_corrupt_pdf(tmp_path: Path) -> None:
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert "broken.pdf" in _error(f)


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "cv.pdf"
    f.write_bytes(b"")
    assert _error(f).startswith("cv.pdf is empty")
    assert _error(b"", "cv.docx").startswith("cv.docx is empty")


def test_whitespace_only_text(tmp_path: Path) -> None:
    f = tmp_path / "cv.txt"
    f.write_text("  \n\t\n", encoding="utf-8")
    assert "contains only whitespace" in _error(f)


def test_over_50_mb_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    f = tmp_path / "huge.pdf"
    with f.open("wb") as fh:  # sparse: 51 MB on paper, nothing on disk
        fh.truncate(51 * 1024 * 1024)

    def no_read(self: Path) -> bytes:
        raise AssertionError("the file was read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    msg = _error(f)
    assert "huge.pdf is 51.0 MB, over the 50 MB limit" in msg


def test_oversized_upload_bytes() -> None:
    assert "over the 50 MB limit" in _error(b"x" * (50 * 1024 * 1024 + 1), "up.txt")


def test_unsupported_extension(tmp_path: Path) -> None:
    f = tmp_path / "cv.rtf"
    f.write_text("{\\rtf1 hello}", encoding="utf-8")
    msg = _error(f)
    assert "unsupported file type '.rtf' for cv.rtf" in msg
    assert ".pdf" in msg and ".yaml" in msg


def test_missing_file(tmp_path: Path) -> None:
    assert "no file at" in _error(tmp_path / "nope.pdf")


def test_not_a_docx(tmp_path: Path) -> None:
    f = tmp_path / "cv.docx"
    f.write_bytes(b"plain text pretending")
    assert "cv.docx is not a readable DOCX file" in _error(f)


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("years_experience: five\n", "'years_experience' must be a number of years, got str 'five'"),
    ("years_experience: 120\n", "'years_experience' 120 is out of range"),
    ("skills: python\n", "'skills' must be a list, got str 'python'"),
    ("skills: [python, {a: 1}]\n", "skills[1] must be a non-empty string, got dict"),
    ("degrees: [{level: masters}]\n", "degrees[0].level 'masters' is not a degree level; "
     "choose one of: high_school, associate, bachelor, master, phd"),
    ("degrees: [{level: master, field: cooking}]\n", "degrees[0].field 'cooking' is not a known "
     "field"),
    ("degrees: [42]\n", "degrees[0] must be a mapping"),
    ("titles: [Engineer]\nsalary: 3\n", "unknown key 'salary'"),
    ("current_pay: lots\n", "'current_pay' must be a number or a mapping"),
    ("current_pay: {amount: 100, period: fortnight}\n", "current_pay.period 'fortnight' is not "
     "a pay period"),
    ("- just\n- a list\n", "expected a mapping"),
    ("degrees: [unclosed\n", "is not valid YAML"),
    ("", "is empty"),
    ("# only a comment\n", "is empty; write at least"),
])
def test_yaml_wrong_types(tmp_path: Path, yaml_text: str, expected: str) -> None:
    f = tmp_path / "me.yaml"
    f.write_text(yaml_text, encoding="utf-8")
    assert expected in _error(f)


def test_json_that_is_not_a_json_resume(tmp_path: Path) -> None:
    f = tmp_path / "data.json"
    f.write_text('{"rows": [1, 2]}', encoding="utf-8")
    assert "data.json is not a JSON Resume" in _error(f)
    f.write_text('{"basics": ', encoding="utf-8")
    assert "data.json is not valid JSON (line 1)" in _error(f)


def test_pdf_with_only_an_owner_password_still_opens(tmp_path: Path) -> None:
    from fit_helpers import RESUME_YEARS, TODAY
    from reportlab.lib.pdfencrypt import StandardEncryption

    f = tmp_path / "restricted.pdf"
    f.write_bytes(pdf_bytes(RESUME_LINES, encrypt=StandardEncryption("", ownerPassword="owner",
                                                                     canPrint=0)))
    p = read_profile(f, today=TODAY, skill_finder=tiny_finder)
    assert p.years_experience == RESUME_YEARS
