"""The learned method: shipped model loads, features without references, settings."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.features import FEATURE_NAMES, percentile, sentence_features
from newsfuse.methods.learned import Learned, load_model, parse_model


def test_shipped_model_matches_the_features():
    model = load_model()
    assert load_model() is model  # parsed once, then cached
    assert len(model.mean) == len(model.weights) == len(FEATURE_NAMES) + len(model.pairs)


def test_features_are_finite_and_shaped(storm_cluster):
    features = sentence_features(storm_cluster)
    assert features.shape == (len(storm_cluster.sentences), len(FEATURE_NAMES))
    assert np.isfinite(features).all()


def test_features_ignore_casing(storm_documents):
    # Training text is lowercased: the features must not depend on capitals.
    from newsfuse import Document, prepare

    lowered = [Document(id=d.id, text=d.text.lower()) for d in storm_documents]
    original, lower = prepare(storm_documents), prepare(lowered)
    if [s.text.lower() for s in original.sentences] == [s.text for s in lower.sentences]:
        assert np.allclose(sentence_features(original), sentence_features(lower))


def test_percentile_handles_ties():
    assert percentile(np.array([3.0, 1.0, 3.0, 2.0])).tolist() == [5 / 6, 0.0, 5 / 6, 1 / 3]
    assert percentile(np.array([7.0])).tolist() == [1.0]


@settings(deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), min_size=2, max_size=30))
def test_percentile_is_the_mean_rank(values):
    from scipy.stats import rankdata

    array = np.array(values, dtype=float)
    expected = (rankdata(array, method="average") - 1) / (len(array) - 1)
    assert np.array_equal(percentile(array), expected)


def test_without_coverage_term(storm_cluster):
    picked = Learned(coverage=0.0).select(storm_cluster, 60)
    assert sum(storm_cluster.sentences[i].words for i, _ in picked) <= 60


def test_rejects_a_model_for_other_features(tmp_path):
    data = json.loads(json.dumps({"format": "newsfuse-learned-1", "features": ["x"], "pairs": []}))
    with pytest.raises(ValueError):
        parse_model(data)
    with pytest.raises(ValueError):
        parse_model({"format": "something-else"})


@pytest.mark.parametrize("search", ["local", "greedy"])
def test_both_searches_respect_the_rules(storm_cluster, search):
    method = Learned(search=search)
    picked = [i for i, _ in method.select(storm_cluster, 150)]
    assert picked
    assert sum(storm_cluster.sentences[i].words for i in picked) <= 150
    groups = [storm_cluster.group_of[i] for i in picked]
    assert len(groups) == len(set(groups))
    if search == "local":
        pairs = storm_cluster.similarity[np.ix_(picked, picked)]
        np.fill_diagonal(pairs, 0.0)
        assert (pairs <= method.max_similarity).all()


def test_local_search_never_worse_than_its_greedy_start(storm_cluster):
    # With no moves allowed the result is the greedy (or best single) start; moves only add value.
    from newsfuse.features import concepts

    def objective(method, picked):
        found, weights = method._concept_weights(storm_cluster)
        relevance = method.score(storm_cluster)
        covered = np.unique(np.concatenate([found.of(i) for i in picked]))
        norm = (found.incidence @ weights).max() or 1.0
        words = np.array([storm_cluster.sentences[i].words for i in picked])
        return weights[covered].sum() / norm + (relevance[picked] * words / 25.0).sum()

    assert concepts(storm_cluster).incidence.shape[0] == len(storm_cluster.sentences)
    start = [i for i, _ in Learned(max_moves=0).select(storm_cluster, 120)]
    searched = [i for i, _ in Learned().select(storm_cluster, 120)]
    assert objective(Learned(), searched) >= objective(Learned(), start) - 1e-9


def test_unknown_search_is_rejected(storm_cluster):
    with pytest.raises(ValueError):
        Learned(search="exhaustive").select(storm_cluster, 100)


def test_a_query_favours_the_sentences_that_match_it(storm_documents):
    from newsfuse import prepare

    plain = prepare(storm_documents)
    focused = prepare(storm_documents, query="insurers damage estimate")
    gain = Learned().score(focused) - Learned().score(plain)
    insurers = next(i for i, s in enumerate(plain.sentences) if s.text.startswith("Insurers"))
    assert gain.argmax() == insurers and gain.min() >= 0
    assert np.array_equal(Learned(query_weight=0).score(focused), Learned().score(plain))
    # A bias, not a filter: at 80 words the matching sentence makes it in, and only then.
    picked = [plain.sentences[i].text for i, _ in Learned().select(focused, 80)]
    assert any(t.startswith("Insurers") for t in picked)
    assert not any(
        plain.sentences[i].text.startswith("Insurers") for i, _ in Learned().select(plain, 80)
    )


def test_given_titles_favour_the_sentences_that_match_them(storm_documents):
    from newsfuse import Document, prepare

    plain = prepare(storm_documents)
    titled = prepare(
        [
            Document(id=d.id, text=d.text, title="Insurers put the damage at millions")
            for d in storm_documents
        ]
    )
    gain = Learned().score(titled) - Learned().score(plain)
    insurers = next(i for i, s in enumerate(plain.sentences) if s.text.startswith("Insurers"))
    assert gain.argmax() == insurers and gain.min() >= 0
    assert np.array_equal(Learned(title_weight=0).score(titled), Learned().score(plain))
    # Headlines that cleaning finds in the text (each article here opens with one) do not count.
    assert np.array_equal(Learned(title_weight=0).score(plain), Learned().score(plain))


def test_sentences_their_editor_marked_optional_count_less(storm_documents):
    from newsfuse import Document, prepare

    first = storm_documents[0]
    cut = first.text.index("\n\n", len(first.text) // 2)
    mark = "\n\n(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)"
    marked = Document(id=first.id, text=first.text[:cut] + mark + first.text[cut:])
    cluster = prepare([marked, *storm_documents[1:]])
    assert cluster.optional.any() and not cluster.optional.all()
    plain, penalised = Learned(optional_penalty=0).score(cluster), Learned().score(cluster)
    assert (penalised[cluster.optional] < plain[cluster.optional]).all()
    assert np.array_equal(penalised[~cluster.optional], plain[~cluster.optional])
    # Taken off the logit: the relevance stays positive (``dpp`` squares it).
    assert (penalised > 0).all()
