# A build argument with a default is resolved as a build would.
ARG NODE_VERSION=14
# expect-next: BH0914
FROM node:${NODE_VERSION}-alpine
COPY . /app
USER node
CMD ["node", "/app/server.js"]
