FROM golang:1.23 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc make
RUN make build

FROM python:3.12-slim
# Removed again in the same RUN, by name.
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \
 && pip install --no-cache-dir psycopg2 \
 && apt-get purge -y --auto-remove gcc libpq-dev \
 && rm -rf /var/lib/apt/lists/*
# Removed as a virtual package group.
RUN apk add --no-cache --virtual .build-deps build-base clang \
 && pip install --no-cache-dir uwsgi \
 && apk del --no-network .build-deps
# The apt-mark pattern of the official images.
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends make autoconf; \
    ./configure && make install; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*
# Removed through a variable in the same RUN.
RUN buildDeps='gcc libc6-dev' \
 && apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
 && apt-get purge -y --auto-remove $buildDeps && rm -rf /var/lib/apt/lists/*
# Libraries and runtimes are not build tools; pip packages are not OS packages.
RUN apt-get update && apt-get install -y --no-install-recommends libgcc-s1 make-guile-doc \
 && pip install --no-cache-dir cmake && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app /usr/local/bin/app
USER 10001
