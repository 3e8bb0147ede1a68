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
    columns = [vocabulary.setdefault(t, len(vocabulary)) for tokens in token_lists for t in tokens]
    shape = (len(token_lists), max(len(vocabulary), 1))
    rows = np.repeat(np.arange(shape[0]), [len(tokens) for tokens in token_lists])
    # Counting (row, column) keys in row-major order gives the counts in canonical CSR order.
    keys, counts = np.unique(
        rows * shape[1] + np.asarray(columns, dtype=np.int64), return_counts=True
    )
    key_rows, indices = np.divmod(keys, shape[1])
    indptr = np.concatenate(([0], np.cumsum(np.bincount(key_rows, minlength=shape[0]))))
    document_frequency = np.bincount(indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    weighted = sparse.csr_matrix((counts * idf[indices], indices, indptr), shape=shape)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


def cosine_matrix(vectors: sparse.csr_matrix) -> np.ndarray:
    """Dense pairwise cosine similarity of row-normalised vectors."""
    return np.asarray((vectors @ vectors.T).todense())
