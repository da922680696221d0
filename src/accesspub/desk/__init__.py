"""The press desk: a web application and API over the same stages as the CLI.

Sources, versions, findings, sign-offs, users and publication events live in a database (SQLite by default,
PostgreSQL by URL); builds run as jobs in a durable huey queue, in worker processes apart from the web process;
the published site is the static output tree a CLI build writes.
"""
