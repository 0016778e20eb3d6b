#!/usr/bin/env python3
"""Quotes from many articles with Dask: a `dask.bag` of JSON Lines records on a
`distributed` cluster, one `saidwho.Analyzer` per partition (models load once
per partition, not per article). Output: the records of `saidwho predict`, in
input order.

    pip install saidwho "dask[bag]" distributed
    python3 docs/examples/dask_quotes.py articles.jsonl > quotes.jsonl

Each input line is {"id": ..., "text": ...}. Run by the test command
(crates/python/tests) on a LocalCluster with 2 workers over 1,000 articles,
whose output must equal the CLI's, record for record.
"""
import json
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster


def predict_partition(records):
    """The prediction records of one partition's documents."""
    import saidwho  # imported on the worker

    analyzer = saidwho.Analyzer()
    return [analyzer.predict(r["id"], r["text"]) for r in records]


def predict_with_dask(records, client, partitions=16):
    """The prediction record of every document of `records` (dicts with
    "id" and "text"), computed on `client`'s cluster, in input order."""
    bag = db.from_sequence(records, npartitions=partitions)
    return bag.map_partitions(predict_partition).compute(scheduler=client.get)


def main(path):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
        for p in predict_with_dask(records, client):
            sys.stdout.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
