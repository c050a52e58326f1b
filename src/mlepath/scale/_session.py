"""The SparkSession: pyspark imported lazily, workers pinned to this interpreter, quiet logs.

``import mlepath`` (or ``mlepath.extract``) never imports pyspark: only functions in ``scale``
do, and a missing pyspark becomes one line naming the extra to install.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from mlepath.errors import MlepathError

MISSING_PYSPARK = "the Spark engine needs: pip install 'mlepath[spark]'"

# log4j2 configuration: errors only. Spark's default prints a few INFO/WARN lines per stage,
# which drown the one summary line the CLI prints.
_LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def require_pyspark() -> ModuleType:
    """The ``pyspark`` module, or ``MlepathError`` naming the extra to install."""
    try:
        import pyspark
        import pyspark.sql  # fails when pyspark is half-installed
    except ImportError as exc:
        raise MlepathError(MISSING_PYSPARK) from exc
    return pyspark


def _log4j2_file() -> Path:
    path = Path(tempfile.gettempdir()) / "mlepath-spark-log4j2.properties"
    if not path.exists() or path.read_text() != _LOG4J2:
        path.write_text(_LOG4J2)
    return path


def spark_session(master: str = "local[*]", *, app_name: str = "mlepath",
                  shuffle_partitions: int | None = None, java_options: str = "",
                  conf: dict[str, str] | None = None) -> Any:
    """Get or create a SparkSession for ``master`` (``local[N]``, ``spark://host:7077``, ...).

    Python workers run ``sys.executable`` (``PYSPARK_PYTHON`` and ``spark.pyspark.python``),
    so they import the same mlepath and pyarrow as the driver; without this they start the
    system ``python3`` and fail to import mlepath. An already active session is returned as is.
    ``java_options`` are added to the driver and executor JVMs (the tests pass
    ``-XX:TieredStopAtLevel=1`` there: a faster start for tiny jobs).
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    if master.startswith("local"):
        # Local mode only talks to itself; binding to loopback avoids the hostname warning and
        # firewall prompts. A cluster master needs the real address, so leave it alone there.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    log_opts = f"-Dlog4j2.configurationFile=file:{_log4j2_file()} {java_options}".strip()
    builder = (
        SparkSession.builder.master(master).appName(app_name)
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .config("spark.driver.extraJavaOptions", log_opts)
        .config("spark.executor.extraJavaOptions", log_opts)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # A Python worker process is reused across tasks, so the taxonomy automaton that the
        # worker module caches is built once per executor process, not once per task.
        .config("spark.python.worker.reuse", "true")
    )
    if shuffle_partitions is not None:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:
        if "JAVA_GATEWAY_EXITED" in str(exc) or isinstance(exc, FileNotFoundError):
            raise MlepathError(
                f"Spark could not start Java for master {master!r}; install a JRE 17+ "
                "(e.g. apt-get install default-jre-headless) or set JAVA_HOME") from exc
        raise
    session.sparkContext.setLogLevel("ERROR")
    return session
