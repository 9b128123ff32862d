FROM python:3.12-slim AS old
# A build stage that does not reach the final image.
LABEL org.opencontainers.image.created="2015-01-01"

FROM python:3.12-slim
ARG BUILD_DATE
LABEL org.opencontainers.image.created=$BUILD_DATE
USER 10001
