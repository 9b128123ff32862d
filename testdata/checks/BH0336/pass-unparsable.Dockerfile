FROM python:3.12-slim
LABEL org.opencontainers.image.created="last tuesday"
USER 10001
