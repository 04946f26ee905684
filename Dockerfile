# The figure-monitor daemon. Built by docker-compose.yml; configuration comes from the mounted
# config/ folder and MONITOR_* environment variables.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY monitor ./monitor
COPY migrations ./migrations
RUN pip install --no-compile . \
    && useradd --create-home --uid 10001 monitor

USER monitor
WORKDIR /home/monitor
ENV MONITOR_CONFIG=/etc/monitor/monitor.toml

# Migrate first: the daemon refuses to run on an old schema.
CMD ["sh", "-c", "monitor db upgrade && exec monitor run"]
