"""Summarization methods; importing this package registers each of them."""

from newsfuse.methods import centroid, dpp, ilp, lead, learned, lexrank, mmr, submodular, textrank

__all__ = ["centroid", "dpp", "ilp", "lead", "learned", "lexrank", "mmr", "submodular", "textrank"]
