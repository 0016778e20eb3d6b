#!/usr/bin/env python3
"""Quotes from many articles with PySpark: `mapPartitions` over a DataFrame of
articles (one `saidwho.Analyzer` per partition), quotes exploded into rows.

    pip install saidwho pyspark        # and a Java runtime (Debian: default-jre-headless)
    python3 docs/examples/spark_quotes.py articles.jsonl out/quotes.parquet

Each input line is {"id": ..., "text": ...}; each output row is one quote:
article id, speaker, kind, cue class, confidence, the quoted words.
"""
import os
import sys

from pyspark.sql import Row, SparkSession


def quote_rows(articles):
    """One Row per quote of the partition's articles."""
    import saidwho  # imported on the executor

    analyzer = saidwho.Analyzer()
    for a in articles:
        result = analyzer.analyze(a["text"])
        for q in result["quotes"]:
            yield Row(
                article=a["id"],
                speaker=q["speaker"],
                kind=q["kind"],
                cue_class=q["cue_class"],
                confidence=float(q["confidence"]),
                quote=q["text"],
            )


def main(src, dst):
    # The executors run this Python (the one with saidwho installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("saidwho").getOrCreate()
    articles = spark.read.json(src).select("id", "text")
    quotes = articles.rdd.mapPartitions(quote_rows).toDF()
    quotes.write.mode("overwrite").parquet(dst)
    quotes.groupBy("speaker").count().orderBy("count", ascending=False).show(10, truncate=False)
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
