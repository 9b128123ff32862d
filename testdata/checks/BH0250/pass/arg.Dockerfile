# An argument without a default cannot be judged from the source.
ARG BASE
FROM ${BASE}
USER 10001
