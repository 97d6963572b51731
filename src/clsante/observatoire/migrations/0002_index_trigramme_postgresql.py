"""On PostgreSQL, trigram indexes make the catalogue's stem lookups (LIKE) fast."""

from django.db import migrations

FIELDS = ("racines", "thematiques", "determinants", "strategies", "publics")


def creer(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS observatoire_indexaction_{field}_trgm "
            f"ON observatoire_indexaction USING gin ({field} gin_trgm_ops)"
        )


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS observatoire_indexaction_{field}_trgm")


class Migration(migrations.Migration):
    dependencies = [("observatoire", "0001_initial")]
    operations = [migrations.RunPython(creer, supprimer)]
