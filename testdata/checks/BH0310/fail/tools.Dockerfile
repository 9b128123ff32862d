FROM alpine:3.20 AS base
RUN apk add --no-cache ca-certificates
# expect-next: BH0310
USER 0:0

FROM base
COPY tools /usr/local/bin/
# The USER of the parent stage is inherited: still root.
CMD ["tool"]
