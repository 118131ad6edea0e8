"""The schema version this build writes, without importing the migrations themselves.

tests/storage/test_database.py checks that it equals the number of migrations.
"""

SCHEMA_VERSION = 12
