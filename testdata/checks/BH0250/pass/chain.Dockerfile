FROM cgr.dev/chainguard/python:latest-dev AS base
RUN pip install --no-cache-dir --user flask==3.0.3

FROM base AS runtime
COPY app /app
