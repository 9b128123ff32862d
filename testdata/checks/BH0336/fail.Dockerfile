FROM python:3.12-slim AS base
LABEL org.opencontainers.image.created="2020-01-15T08:00:00Z"

FROM base
# The last value wins, and it is old too.
# expect-next: BH0336
LABEL org.opencontainers.image.title=checkout org.opencontainers.image.created=2019-03-01
USER 10001
