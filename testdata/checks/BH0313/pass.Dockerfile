ARG NODE_IMAGE
FROM node:20.15-bookworm-slim AS deps
RUN npm ci

FROM deps AS build
RUN npm run build

# Decided at build time by --build-arg.
FROM ${NODE_IMAGE} AS custom

# Pinned by digest: the tag does not matter.
FROM node:latest@sha256:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b AS pinned

FROM registry.example.com:5000/base/node:20
COPY --from=build /app/dist /app
USER node
CMD ["node", "/app/server.js"]
