"""One multi-pattern pass over a posting: Hyperscan where it runs, pyahocorasick otherwise.

A key is ``(before, core, after)``: the literal ``core`` (lower case), with ``before`` / ``after``
the characters of which exactly one must stand right before / after it ("" for none). Short keys
("r", "ms") carry their word boundaries this way, so a hit is already a word.

``KeyScanner.scan(text)`` returns every occurrence of every key, overlapping ones included, as
``(index of the key's last character, boundary included, value)`` in order of that index. Both
back ends return the same hits, so the extractor's output does not depend on which one ran
(``tests/extract/test_extract_scan.py`` checks this on real postings and on random text):

- **Hyperscan** (x86-64; PyPI ``hyperscan``, which ships the library): a key with boundaries is
  one pattern ``[before]core[after]``; the whole scan costs ~25 us for a 4.3 KB posting where
  pyahocorasick spends ~85 us (``bench/extract.py``). It scans bytes, so the text is encoded as
  Latin-1, one byte per character, offsets unchanged; a character outside Latin-1 becomes "?"
  (so the boundary classes hold "?" for "•", "’" ...), and a hit whose boundary is a "?" is
  checked against the real character.
- **pyahocorasick**: a key with boundaries is stored once per (before, after) pair of characters.

``MLEPATH_SCANNER=ahocorasick`` forces the fallback (tests compare the two).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

import ahocorasick

hyperscan: Any
try:  # an optional accelerator: absent on platforms without a wheel
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform
    hyperscan = None

V = TypeVar("V")
Key = tuple[str, str, str]  # (before, core, after)


def backend_available() -> str:
    """``"hyperscan"`` when it can be used here, else ``"ahocorasick"``."""
    if hyperscan is None or os.environ.get("MLEPATH_SCANNER", "").lower() == "ahocorasick":
        return "ahocorasick"
    return "hyperscan"


class KeyScanner(Generic[V]):
    """Finds every key of ``keys`` in a text in one pass; see the module docstring."""

    def __init__(self, keys: Mapping[Key, V], merge: Callable[[V, V], V] | None = None,
                 backend: str | None = None) -> None:
        """``merge`` combines the values of two keys that expand to the same string (only the
        pyahocorasick back end needs it: Hyperscan reports both hits at the same index)."""
        self.backend = backend or backend_available()
        if self.backend == "hyperscan" and not _latin1_safe(keys):
            self.backend = "ahocorasick"
        if self.backend == "hyperscan":
            assert hyperscan is not None
            try:
                self._build_hyperscan(keys)
            except hyperscan.error:  # e.g. a CPU without SSSE3: the fallback finds the same hits
                self.backend = "ahocorasick"
        if self.backend == "ahocorasick":
            self._build_ahocorasick(keys, merge)

    # -- pyahocorasick -----------------------------------------------------------------------
    def _build_ahocorasick(self, keys: Mapping[Key, V], merge: Callable[[V, V], V] | None) -> None:
        automaton = ahocorasick.Automaton()
        for (before, core, after), value in keys.items():
            for b in before or ("",):
                for a in after or ("",):
                    k = b + core + a
                    if automaton.exists(k):
                        if merge is None:
                            raise ValueError(f"two keys expand to {k!r} and no merge was given")
                        value_k = merge(automaton.get(k), value)
                    else:
                        value_k = value
                    automaton.add_word(k, value_k)
        automaton.make_automaton()
        self._automaton = automaton

    # -- Hyperscan ---------------------------------------------------------------------------
    def _build_hyperscan(self, keys: Mapping[Key, V]) -> None:
        assert hyperscan is not None
        expressions: list[bytes] = []
        values: list[V] = []
        # per pattern: (before chars, after chars, index of the "before" char counted back from
        # the last character), for the hits that need checking in a non-Latin-1 text
        bounds: list[tuple[str, str, int] | None] = []
        for (before, core, after), value in keys.items():
            bound = (before, after, len(core) + (1 if after else 0)) if before or after else None
            for expression in _expressions(before, core, after):
                expressions.append(expression.encode("ascii"))
                values.append(value)
                bounds.append(bound)
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        db.compile(expressions=expressions, ids=list(range(len(expressions))),
                   elements=len(expressions), flags=[0] * len(expressions))
        self._db = db
        self._values = values
        self._bounds = bounds
        self._local = threading.local()  # a Hyperscan scratch space serves one scan at a time

    def _scratch(self) -> Any:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            assert hyperscan is not None
            scratch = self._local.scratch = hyperscan.Scratch(self._db)
        return scratch

    # -- scanning ----------------------------------------------------------------------------
    def scan(self, text: str) -> list[tuple[int, V]]:
        """Every key occurrence as ``(index of its last character, value)``, by that index."""
        if self.backend == "ahocorasick":
            return list(self._automaton.iter(text))
        data = text.encode("latin-1", "replace")
        hits: list[tuple[int, V]] = []
        values = self._values
        bounds = self._bounds
        append = hits.append
        question = 63  # b"?": a character outside Latin-1, or a real "?"; either way, look

        def on_match(pattern: int, _start: int, end: int, _flags: int, _context: object) -> None:
            last = end - 1
            b = bounds[pattern]
            if b is not None and (data[last] == question or data[last - b[2]] == question) \
                    and not _bounds_hold(text, last, b):
                return
            append((last, values[pattern]))

        self._db.scan(data, match_event_handler=on_match, scratch=self._scratch())
        return hits


def _bounds_hold(text: str, last: int, bounds: tuple[str, str, int]) -> bool:
    """The boundary characters of a hit are really in its key's sets (Hyperscan saw "?")."""
    before, after, back = bounds
    if after and text[last] not in after:
        return False
    return not (before and text[last - back] not in before)


def _latin1_safe(keys: Mapping[Key, Any]) -> bool:
    """Every core encodes as Latin-1 without "?" (which stands for the characters that don't)."""
    for _b, core, _a in keys:
        if "?" in core:
            return False
        try:
            core.encode("latin-1")
        except UnicodeEncodeError:
            return False
    return True


# A core this short with boundaries on both sides is spelled out as one literal per pair of
# boundary bytes: Hyperscan would otherwise test every "r" or "ms" of the text against the classes
# (measured: 4.2 -> 2.5 us a posting for "r" and "c"). Longer cores would make too many literals.
_SPELL_OUT = 2


def _expressions(before: str, core: str, after: str) -> list[str]:
    """The Hyperscan expressions for a key: one with classes, or one literal per boundary pair."""
    if len(core) > _SPELL_OUT or not before or not after:
        return [_char_class(before) + _literal(core) + _char_class(after)]
    lefts = sorted({ord(c) if ord(c) < 256 else ord("?") for c in before})
    rights = sorted({ord(c) if ord(c) < 256 else ord("?") for c in after})
    middle = _literal(core)
    return [f"\\x{b:02x}{middle}\\x{a:02x}" for b in lefts for a in rights]


def _literal(s: str) -> str:
    return "".join(f"\\x{b:02x}" for b in s.encode("latin-1"))


def _char_class(chars: str) -> str:
    """``[...]`` of the characters' Latin-1 bytes; one outside Latin-1 stands as "?"."""
    if not chars:
        return ""
    codes = sorted({ord(c) if ord(c) < 256 else ord("?") for c in chars})
    return "[" + "".join(f"\\x{b:02x}" for b in codes) + "]"
