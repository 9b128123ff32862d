# The final stage is built on an earlier stage: its external base is judged.
# expect-next: BH0250
FROM ubuntu:24.04 AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*

FROM base AS runtime
COPY app /app
USER 10001
