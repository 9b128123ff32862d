# Only build-only stages use releases past their end of life.
FROM golang:1.19 AS build
COPY . /src
RUN cd /src && CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM node:14 AS assets
COPY web /web
RUN cd /web && npm ci && npm run build

FROM cgr.dev/chainguard/static:latest
COPY --from=build /out/app /app
COPY --from=assets /web/dist /static
USER 65532
ENTRYPOINT ["/app"]
