"""Claims: the statements of a story, each with every source that makes it.

A claim is a same-content group of ``PreparedCluster.groups``. Its text is the
member closest to the others (the one that best stands for the group), among those
that do not break off with their article when there are any; claims
are ordered by how many sources carry them (an article and its copies are one
source), then by where they first appear.
"""

from __future__ import annotations

import numpy as np

from newsfuse.analysis.model import Claim, Passage
from newsfuse.prepare import PreparedCluster


def _representative(cluster: PreparedCluster, indices: list[int]) -> int:
    """The member with the highest mean similarity to the rest; the first one on a tie."""
    if len(indices) == 1:
        return indices[0]
    closeness = cluster.similarity[np.ix_(indices, indices)].sum(axis=1)
    return indices[int(np.argmax(closeness))]


def find_claims(cluster: PreparedCluster) -> tuple[Claim, ...]:
    """Every group of the cluster as a claim, most widely carried first."""
    indices_of: dict[int, list[int]] = {}
    for index, group in enumerate(cluster.group_of):
        indices_of.setdefault(group, []).append(index)
    ranked = []
    for group, indices in indices_of.items():
        sentences = [cluster.sentences[i] for i in indices]
        # A source that breaks off inside the statement is not the one to quote it from.
        complete = [i for i in indices if not cluster.breaks_off(cluster.sentences[i])]
        claim = Claim(
            text=cluster.sentences[_representative(cluster, complete or indices)].text,
            doc_ids=cluster.groups[group].doc_ids,
            members=tuple(Passage.of(s) for s in sentences),
            sources=len({cluster.source_of[s.doc_index] for s in sentences}),
            cut_off=not complete,
        )
        first = min((s.doc_index, s.position) for s in sentences)
        ranked.append(((-claim.sources, first), claim))
    return tuple(claim for _, claim in sorted(ranked, key=lambda pair: pair[0]))
