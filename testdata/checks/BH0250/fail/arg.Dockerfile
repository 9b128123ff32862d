# A build argument with a default is resolved as a build would.
ARG BASE=node:22-alpine
# expect-next: BH0250
FROM ${BASE}
USER node
