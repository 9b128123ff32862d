ARG NPM_TOKEN
FROM node:20-alpine
ARG NPM_TOKEN
ENV PASSWORD_FILE=/run/secrets/db \
    API_KEY=${API_KEY} \
    LOG_LEVEL=info
LABEL org.opencontainers.image.source="https://github.com/example/app" \
      team="payments"
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
USER node
