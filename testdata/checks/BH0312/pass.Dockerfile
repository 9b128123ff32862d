ARG BASE
FROM golang:1.22-bookworm@sha256:5c9d4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c AS build
RUN go build -o /out/app .

FROM build AS test
RUN go test ./...

# Known only at build time.
FROM ${BASE} AS runtime-base

FROM scratch
COPY --from=build /out/app /app
USER 65532
ENTRYPOINT ["/app"]
