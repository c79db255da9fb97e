"""Near-duplicate detection: MinHash over word 5-shingles with an LSH index.

Two articles are near-duplicates when the estimated Jaccard similarity of their 5-word
shingle sets is at least NEAR_DUPLICATE_THRESHOLD (0.5). Syndicated copies with a different
headline, furniture or a changed paragraph score 0.6-0.95; two different articles on the
same event score under 0.1, since they rarely share five words in a row. Measured on the
test articles (tests/resources/dedup): a syndicated copy with another headline and page
furniture 0.91, a lightly rewritten copy (a few words changed, a paragraph dropped) 0.61,
a different article on the same event 0.00.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from digest.text import shingles

NEAR_DUPLICATE_THRESHOLD = 0.5
# LSH only proposes candidates; it is tuned lower than the threshold so that a pair just above
# it is not missed by banding, and every candidate is then checked against the threshold.
_CANDIDATE_THRESHOLD = 0.3
NUM_PERM = 64
SCHEME = "affine32"  # fixed so signatures stored by one version stay comparable


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class NearDuplicateIndex:
    """Canonical articles by signature; `match` returns the id of the most similar one."""

    def __init__(self, entries: list[tuple[int, bytes]] = ()):
        self._lsh = MinHashLSH(threshold=_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[int, MinHash] = {}
        for article_id, data in entries:
            self.add(article_id, from_bytes(data))

    def add(self, article_id: int, minhash: MinHash) -> None:
        if article_id in self._signatures:
            return
        self._signatures[article_id] = minhash
        self._lsh.insert(str(article_id), minhash)

    def match(self, minhash: MinHash) -> int | None:
        best, best_score = None, NEAR_DUPLICATE_THRESHOLD
        for key in self._lsh.query(minhash):
            score = self._signatures[int(key)].jaccard(minhash)
            if score >= best_score and (best is None or score > best_score or int(key) < best):
                best, best_score = int(key), score
        return best
