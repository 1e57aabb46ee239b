"""Content hashes and near-duplicate detection (MinHash over word shingles).

Two fingerprints are kept per document:

* :func:`content_hash`: SHA-1 of the normalised text (case-folded, punctuation-free,
  whitespace collapsed). Equal hashes mean "the same article".
* :func:`minhash`: a one-permutation MinHash signature (:data:`NUM_PERM` bins) over word
  3-shingles. Locality-sensitive hashing (:func:`lsh_keys`, :data:`BANDS` bands of
  :data:`ROWS` rows) finds candidate wire copies with a few indexed look-ups; the
  estimated Jaccard similarity (:func:`similarity`) decides.

Everything is deterministic across processes (no use of Python's salted ``hash``).
"""
from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence

NUM_PERM = 48
BANDS = 16
ROWS = 3
SHINGLE = 3
MIN_WORDS = 40  # shorter texts are only matched exactly
NEAR_DUP_THRESHOLD = 0.7
MIN_SHARED_BANDS = 2  # LSH candidates share at least this many bands
MAX_CANDIDATES = 20  # and at most this many are compared
_EMPTY = 0xFFFFFFFF
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Case-folded, accent-normalised word tokens of ``text``."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def normalise(text: str) -> str:
    """The text reduced to its words, for hashing (layout and punctuation ignored)."""
    return " ".join(words(text))


def content_hash(text: str) -> str:
    """SHA-1 hex digest of :func:`normalise` ``(text)``."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def minhash(text: str) -> bytes | None:
    """One-permutation MinHash signature of ``text``'s word 3-shingles.

    Each shingle is hashed once; its hash picks a bin (``h % NUM_PERM``) and the bin keeps
    the smallest remaining 32 bits. Returns the packed signature, or None for texts with
    fewer than :data:`MIN_WORDS` words (too short for a meaningful estimate).
    """
    toks = words(text)
    if len(toks) < MIN_WORDS:
        return None
    mins = [_EMPTY] * NUM_PERM
    for i in range(len(toks) - SHINGLE + 1):
        h = _h64(" ".join(toks[i : i + SHINGLE]))
        b = h % NUM_PERM
        v = h >> 32
        if v < mins[b]:
            mins[b] = v
    return struct.pack(f"<{NUM_PERM}I", *mins)


def unpack(sig: bytes) -> tuple[int, ...]:
    """The bin values of a packed signature."""
    return struct.unpack(f"<{NUM_PERM}I", bytes(sig))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (bins empty in both are ignored)."""
    ua, ub = unpack(a), unpack(b)
    same = total = 0
    for x, y in zip(ua, ub):
        if x == _EMPTY and y == _EMPTY:
            continue
        total += 1
        same += x == y
    return same / total if total else 0.0


def lsh_keys(sig: bytes) -> list[int]:
    """One signed 63-bit key per band; documents sharing a key are candidates."""
    vals = unpack(sig)
    keys = []
    for band in range(BANDS):
        chunk = vals[band * ROWS : (band + 1) * ROWS]
        if all(v == _EMPTY for v in chunk):
            continue
        raw = struct.pack(f"<H{ROWS}I", band, *chunk)
        keys.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little") >> 1)
    return keys


def evidence_similarity(a: str, b: str, ignore: frozenset[str] | set[str] = frozenset()) -> float:
    """Jaccard similarity of the content-word sets of two evidence texts: words of 3+
    characters, no numbers, none of ``ignore`` (the actors' words, which already match)."""
    sa = {w for w in words(a) if len(w) > 2 and not w.isdigit() and w not in ignore}
    sb = {w for w in words(b) if len(w) > 2 and not w.isdigit() and w not in ignore}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def best_match(sig: bytes, candidates: Sequence[tuple[int, bytes]], threshold: float = NEAR_DUP_THRESHOLD) -> int | None:
    """The id of the most similar candidate at or above ``threshold`` (ties: lowest id)."""
    best: tuple[float, int] | None = None
    for cid, csig in candidates:
        s = similarity(sig, csig)
        if s >= threshold and (best is None or s > best[0] or (s == best[0] and cid < best[1])):
            best = (s, cid)
    return best[1] if best else None
