"""Storage: opening, creating and migrating the database, and the queries of the commands.

Nothing here imports the ORM on the way to a read: the commands speak plain SQL through the
DB-API (sqlite3 today; the queries use named parameters and portable SQL so that a
PostgreSQL driver can serve them later), and only creating or migrating a database loads
SQLAlchemy and Alembic (store/migrate.py).
"""
