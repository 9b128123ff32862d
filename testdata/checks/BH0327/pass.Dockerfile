FROM debian:12-slim AS build
# Build stages are not reported.
RUN apt-get install -y --no-install-recommends gcc

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN set -eux; apt-get -qq update; apt-get install -y --no-install-recommends jq; \
    rm -rf /var/lib/apt/lists/*
# A cache mount keeps the package lists between builds on purpose.
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get install -y --no-install-recommends git
# Local packages need no index.
RUN apt-get install -y /tmp/app.deb
COPY --from=build /out /app
USER 10001
