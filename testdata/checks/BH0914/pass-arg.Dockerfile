# An argument without a default cannot be resolved from the source.
ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION}-slim
USER 10001
