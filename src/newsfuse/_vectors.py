"""TF-IDF sentence vectors for one cluster, built directly as CSR arrays."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse


def tfidf_matrix(token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Row-normalised TF-IDF of each token list; IDF over the lists themselves.

    Sentences are the 'documents' of the IDF because a cluster has too few
    articles for article-level IDF to separate common from rare words.

    The arrays are exactly those of the textbook scipy construction (weights,
    row sums, then a diagonal scaling), without scipy's per-call overhead,
    which cost more than the arithmetic on a cluster's small matrices.
    """
    vocabulary: dict[str, int] = {}
    columns = [vocabulary.setdefault(t, len(vocabulary)) for tokens in token_lists for t in tokens]
    shape = (len(token_lists), max(len(vocabulary), 1))
    rows = np.repeat(np.arange(shape[0]), [len(tokens) for tokens in token_lists])
    # Counting (row, column) keys in row-major order gives the counts in canonical CSR order.
    keys, counts = np.unique(
        rows * shape[1] + np.asarray(columns, dtype=np.int64), return_counts=True
    )
    key_rows, indices = np.divmod(keys, shape[1])
    row_sizes = np.bincount(key_rows, minlength=shape[0])
    indptr = np.concatenate(([0], np.cumsum(row_sizes)))
    document_frequency = np.bincount(indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    weighted = counts * idf[indices]
    # Row norms summed as scipy sums a CSR row: one reduceat over the non-empty rows.
    filled = np.flatnonzero(row_sizes)
    squares = np.zeros(shape[0])
    squares[filled] = np.add.reduceat(weighted * weighted, indptr[filled])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    # scipy's diagonal product leaves each row's entries in descending column order; the
    # same order keeps every later product (cosines, centroid) summing in the same order.
    ends = np.repeat(indptr[1:], row_sizes)
    order = ends + np.repeat(indptr[:-1], row_sizes) - 1 - np.arange(len(indices))
    scaled = (1.0 / norms)[key_rows] * weighted
    return sparse.csr_matrix((scaled[order], indices[order], indptr), shape=shape)


def cosine_matrix(vectors: sparse.csr_matrix) -> np.ndarray:
    """Dense pairwise cosine similarity of row-normalised vectors."""
    return (vectors @ vectors.T).toarray()
