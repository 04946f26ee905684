"""`monitor serve`: a read-only web view of the database the daemon fills.

``app.create_app`` builds it: HTML pages rendered on the server (``templates/``, no script
and nothing fetched from elsewhere), the same data as JSON under ``/api`` with cursor
pagination, ``/healthz`` and Prometheus ``/metrics``. ``queries`` reads the database,
``chart`` draws a measure's timeline as SVG.
"""
