"""The schema revision this version of the app writes, known without loading Alembic.

A file already at this revision opens without touching Alembic, which keeps start-up fast; a
test fails when a new migration is added and this constant is not moved with it.
"""

HEAD_REVISION = "0001"
