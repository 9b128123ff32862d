FROM debian:12-slim AS build
# Build stages are thrown away.
RUN apt-get update && apt-get install -y --no-install-recommends gcc

FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --virtual .deps gcc && apk del .deps && rm -rf /var/cache/apk/*
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN dnf install -y jq && dnf clean all
RUN yum -y install jq && yum clean all && rm -rf /var/cache/yum
RUN microdnf install -y shadow-utils && microdnf clean all
# Lists from an earlier layer cannot be removed here (BH0327 reports the missing update).
RUN apt-get install -y --no-install-recommends jq
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git
COPY --from=build /out /app
USER 10001
