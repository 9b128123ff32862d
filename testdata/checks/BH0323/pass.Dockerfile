ARG BASE
FROM golang:1.23 AS build
RUN go build -o /out/app ./...
FROM build AS test
RUN go test ./...
# An argument without a default: unknown, not reported.
FROM ${BASE}
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
FROM scratch
COPY --from=build /out/app /app
USER 10001
