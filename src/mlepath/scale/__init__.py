"""Scale-out: the same pure extraction on Apache Spark, writing Parquet that reports read.

    from mlepath.scale import extract_spark
    summary = extract_spark(["postings/"], "requirements.parquet", master="local[*]")

pyspark is imported only inside these functions (``pip install 'mlepath[spark]'``), so
``import mlepath.scale`` costs nothing without it.
"""

from ._columns import FORMATS, detect_format, resolve_columns
from ._job import SparkRunSummary, extract_spark
from ._records import OUTPUT_SCHEMA, SPARK_DDL, row_to_contract
from ._session import MISSING_PYSPARK, require_pyspark, spark_session
from ._worker import Extractor, extract_batches

__all__ = [
    "FORMATS",
    "MISSING_PYSPARK",
    "OUTPUT_SCHEMA",
    "SPARK_DDL",
    "Extractor",
    "SparkRunSummary",
    "detect_format",
    "extract_batches",
    "extract_spark",
    "require_pyspark",
    "resolve_columns",
    "row_to_contract",
    "spark_session",
]
