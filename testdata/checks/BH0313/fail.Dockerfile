ARG RUNTIME=node:latest
# expect-next: BH0313
FROM node AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci

# expect-next: BH0313
FROM docker.io/library/node:latest AS runtime-base

# The argument's default decides the image.
# expect-next: BH0313
FROM ${RUNTIME}
COPY --from=deps /app/node_modules /app/node_modules
USER node
CMD ["node", "/app/server.js"]
