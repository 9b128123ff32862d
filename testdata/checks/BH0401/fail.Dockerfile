# expect-next: BH0401
ARG NPM_TOKEN=npm_8f2kD9sLq3xVb7RtY1uW4zA6cE0hJ5mN
FROM node:20-alpine
# expect-next: BH0401
ENV DB_PASSWORD=Pr0d-db-pass! \
    LOG_LEVEL=info
# expect-next: BH0401
ENV AWS_ACCESS_KEY_ID AKIAQ3EGUHVZ7RX2ABCD
# expect-next: BH0401
LABEL org.example.deploy-token="ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"
RUN npm ci
USER node
