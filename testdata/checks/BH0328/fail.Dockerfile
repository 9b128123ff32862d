FROM alpine:3.20 AS base
# expect-next: BH0328
RUN apk update && apk add curl

FROM base
# expect-next: BH0328
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN set -eux; \
# expect-next: BH0328
    dnf install -y jq; \
    echo done
# expect-next: BH0328
RUN microdnf install -y shadow-utils && microdnf update -y
USER 10001
