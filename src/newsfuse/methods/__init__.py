"""Summarization methods; importing this package registers each of them."""

from newsfuse.methods import centroid, ilp, lead, learned, lexrank, mmr, submodular, textrank

__all__ = ["centroid", "ilp", "lead", "learned", "lexrank", "mmr", "submodular", "textrank"]
