"""Publishing: rows written as CSV, JSON, JSON Lines, Parquet or GeoJSON, and tables of
rows as one SQLite file for Datasette. No Django and no store: callers hand over rows
(dicts) and the columns to write, and get bytes or a file.

    from sanctuary_tracker.publish import tables
    from sanctuary_tracker.publish.columns import Column

    columns = ["geoid", "name", Column("count", "int"), Column("date", "date")]
    body = tables.render(rows, columns, "parquet")   # bytes
    tables.write(rows, columns, "csv", "out.csv")    # a path (written atomically) or a
                                                     # binary stream such as sys.stdout.buffer

    from sanctuary_tracker.publish import sqlite
    counts = sqlite.write_database("all.sqlite", {"quotes": (rows, columns)}, keys={})

- Formats: ``publish.formats.FORMATS`` (csv, json, jsonl, parquet, geojson), their media
  types in ``MEDIA``; ``formats.check(fmt)`` refuses any other in one line.
- Columns: a name (its type read from the values) or a ``Column`` with a kind (text, int,
  float, bool, date, datetime, json, texts; see ``columns.KINDS``). CSV and Parquet hold
  the columns in order, a header or schema even with no rows; JSON, JSON Lines and
  GeoJSON's properties hold each row whole, as given.
- Parquet columns keep their types; a column that holds lists, dicts or mixed values is
  JSON text (strings as they are), like a CSV cell.
- ``publish.topojson`` decodes TopoJSON arcs (for the map build and GeoJSON geometry).
"""
