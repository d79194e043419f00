"""Batch runs: read -> relevance filter -> extract over many inputs, on a Dask cluster.

The stages, one module each: ``inputs`` (folders, globs and files to a sorted list),
``chunks`` (the list cut into units of work: byte ranges of large WARC files, groups of
small files), ``relevance`` (the cheap filter on raw bytes), ``pipeline`` (one chunk's
evidence records, pure), ``output`` (part files written atomically), ``manifest``
(what is done, for resuming, and the errors), ``runner`` (the orchestrator) and
``cluster`` (the only module that imports Dask). ``evidence_files`` reads the output
back as the records ``sanctuary extract --format jsonl`` prints.
"""
