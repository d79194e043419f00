"""The search index (``store.search_index``: FTS5 on SQLite, tsvector on PostgreSQL),
filled from what the store holds, in place of the table the web app made for itself; and
the store's data version (``store.state``)."""

from django.db import migrations


def forward(apps, schema_editor):
    from sanctuary_tracker.store import search_index, state

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS web_search")
        for sql in search_index.create_statements(connection.vendor):
            cursor.execute(sql)
        search_index.reindex_all(cursor.execute, connection.vendor)
        cursor.execute(
            f"CREATE TABLE {state.TABLE} (id integer PRIMARY KEY, data_version bigint NOT NULL)"
        )
        cursor.execute(f"INSERT INTO {state.TABLE} (id, data_version) VALUES (1, 0)")


def backward(apps, schema_editor):
    from sanctuary_tracker.store import search_index, state

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {state.TABLE}")
        cursor.execute(f"DROP TABLE {search_index.TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0005_agreements_287g"),
    ]

    operations = [migrations.RunPython(forward, backward)]
