FROM python:3.12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends \
# expect-next: BH0333
      gcc \
      libpq-dev \
 && pip install --no-cache-dir psycopg2 \
 && rm -rf /var/lib/apt/lists/*

FROM golang:1.23 AS build
# Not part of the final image.
RUN apt-get update && apt-get install -y --no-install-recommends make

FROM base
# expect-next: BH0333
RUN apk add --no-cache build-base=0.5-r3 \
# The removal names another package.
 && apk del curl
COPY --from=build /out/app /usr/local/bin/app
USER 10001
