FROM golang:1.23 AS build
# Labels of a build stage do not reach the final image.
LABEL org.opencontainers.image.vendor="Payments Team"
RUN go build -o /out/app ./...

# expect-next: BH0335
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="checkout"
COPY --from=build /out/app /app
USER 10001
