"""The profile database: schema, migrations, repositories, backups."""
