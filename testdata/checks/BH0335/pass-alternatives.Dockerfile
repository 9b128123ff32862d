FROM python:3.12-slim
LABEL org.opencontainers.image.title=checkout \
      maintainer="payments@example.com"
USER 10001
