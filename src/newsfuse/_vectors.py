"""TF-IDF sentence vectors for one cluster, built directly on scipy.sparse."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse


def tfidf_matrix(token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Row-normalised TF-IDF of each token list; IDF over the lists themselves.

    Sentences are the 'documents' of the IDF because a cluster has too few
    articles for article-level IDF to separate common from rare words.
    """
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, tokens in enumerate(token_lists):
        for token in tokens:
            rows.append(row)
            columns.append(vocabulary.setdefault(token, len(vocabulary)))
    shape = (len(token_lists), max(len(vocabulary), 1))
    counts = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, columns)), shape=shape
    )
    counts.sum_duplicates()
    document_frequency = np.bincount(counts.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    weighted = counts.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


def cosine_matrix(vectors: sparse.csr_matrix) -> np.ndarray:
    """Dense pairwise cosine similarity of row-normalised vectors."""
    return np.asarray((vectors @ vectors.T).todense())
