FROM python:3.12-slim AS base
LABEL org.opencontainers.image.source="https://github.com/example/checkout"
RUN pip install --no-cache-dir flask

# Labels set in the stage this one is built on count.
FROM base
LABEL team=payments
COPY app.py /app/
USER 10001
