"""Summarization methods; importing this package registers each of them."""

from newsfuse.methods import centroid, lead, lexrank, mmr

__all__ = ["centroid", "lead", "lexrank", "mmr"]
