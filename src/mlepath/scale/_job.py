"""``extract_spark``: read postings with Spark, extract on the executors, write Parquet."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mlepath.errors import SourceError

from ._columns import detect_format, resolve_columns
from ._records import SPARK_DDL
from ._session import require_pyspark, spark_session
from ._worker import Extractor, extract_batches


@dataclass(frozen=True, slots=True)
class SparkRunSummary:
    """What one Spark extraction did: counts read back from the Parquet it wrote."""

    inputs: tuple[str, ...]
    out: str
    master: str
    input_format: str
    postings: int
    errors: int
    extractor_version: str | None
    partitions: int
    seconds: float

    @property
    def postings_per_second(self) -> float:
        return self.postings / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        # One line for the CLI. No "[word]" in it: Rich would read that as markup.
        return (f"extracted {self.postings:,} postings ({self.errors:,} errors) from "
                f"{len(self.inputs)} {self.input_format} input(s) on {self.master} in "
                f"{self.seconds:,.1f} s ({self.postings_per_second:,.0f} postings/s, "
                f"{self.partitions} tasks, extractor {self.extractor_version}) -> {self.out}")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["inputs"] = list(self.inputs)
        d["postings_per_second"] = round(self.postings_per_second, 1)
        return d


def extract_spark(inputs: str | Path | Sequence[str | Path], out: str | Path, *,
                  master: str = "local[*]", mapping: Mapping[str, str] | None = None,
                  input_format: str | None = None, extractor: Extractor | None = None,
                  partitions: int | None = None, spark: Any = None) -> SparkRunSummary:
    """Extract requirements from every posting in ``inputs`` on Spark; write Parquet to ``out``.

        extract_spark(["postings/"], "requirements.parquet", master="local[*]")
        extract_spark("s3a://bucket/postings/", "s3a://bucket/requirements/",
                      master="spark://host:7077")

    :param inputs: Parquet, JSONL or CSV files or directories; local paths or any URL Spark
        reads (``s3a://`` needs hadoop-aws on the cluster, see docs/scale.md).
    :param out: output directory of Parquet files (overwritten), schema in ``_records.py``.
    :param master: Spark master URL; ignored when a SparkSession is already active.
    :param mapping: posting field -> input column, as for ingest.
    :param input_format: ``parquet``, ``jsonl`` or ``csv``; by default from the file names.
    :param extractor: ``(posting, taxonomy) -> Requirements`` run on the executors instead of
        ``extract_posting`` (must be picklable; tests use it to inject failures).
    :param partitions: number of extraction tasks; by default at least Spark's parallelism.
    :param spark: an existing SparkSession to use (it is left running).
    """
    require_pyspark()
    from pyspark.errors import AnalysisException
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    paths = [str(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    for p in paths:
        if "://" not in p and not any(ch in p for ch in "*?[") and not Path(p).exists():
            raise SourceError(f"no such input: {p}")
    fmt = detect_format(paths, input_format)
    out_path = str(out)
    started = time.perf_counter()
    own_session = spark is None and SparkSession.getActiveSession() is None
    session = spark or SparkSession.getActiveSession() or spark_session(master)
    try:
        try:
            df = _read(session, fmt, paths)
        except AnalysisException as exc:
            raise SourceError(f"Spark cannot read {', '.join(paths)} as {fmt}: "
                              f"{str(exc).splitlines()[0]}") from exc
        columns = resolve_columns(df.columns, mapping, ", ".join(paths))
        # Only the columns ingest would read travel to the workers, under their own names and
        # types, so the worker converts each row exactly as the local reader does.
        postings = df.select([F.col(f"`{col}`") for col in dict.fromkeys(columns.values())])
        n_parts = postings.rdd.getNumPartitions()
        target = partitions or session.sparkContext.defaultParallelism
        if partitions is not None or n_parts < target:
            # One gzip CSV or one small Parquet file is one partition: spread it over the cores.
            postings = postings.repartition(target)
            n_parts = target
        work = functools.partial(extract_batches, columns=columns, default_source=fmt,
                                 extractor=extractor)
        postings.mapInArrow(work, SPARK_DDL).write.mode("overwrite").parquet(out_path)
        counts = session.read.parquet(out_path).agg(
            F.count(F.lit(1)).alias("n"), F.count("error").alias("errors"),
            F.max("extractor_version").alias("version")).first()
        assert counts is not None  # an aggregate always has one row
        seconds = time.perf_counter() - started
        return SparkRunSummary(
            inputs=tuple(paths), out=out_path,
            master=str(session.sparkContext.master), input_format=fmt,
            postings=int(counts["n"]), errors=int(counts["errors"]),
            extractor_version=counts["version"], partitions=n_parts, seconds=seconds)
    finally:
        if own_session:
            session.stop()


def _read(session: Any, fmt: str, paths: list[str]) -> Any:
    reader = session.read
    if fmt == "parquet":
        return reader.parquet(*paths)
    if fmt == "jsonl":
        # JSON Lines; a local file that is one JSON list (ingest reads both) needs multiLine.
        return reader.json(paths, multiLine=any(_starts_with_bracket(p) for p in paths))
    # RFC 4180 CSV with multi-line quoted descriptions (how job exports look); every column text.
    return reader.options(header="true", multiLine="true", escape='"', quote='"',
                          inferSchema="false").csv(paths)


def _starts_with_bracket(path: str) -> bool:
    """True for a local, uncompressed file whose first non-blank character is ``[``."""
    p = Path(path)
    if "://" in path or not p.is_file() or p.suffix in (".gz", ".bz2", ".zst"):
        return False
    with p.open("rb") as fh:
        return fh.read(4096).lstrip()[:1] == b"["
