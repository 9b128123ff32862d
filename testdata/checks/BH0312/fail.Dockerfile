ARG GO_VERSION=1.22
# expect-next: BH0312
FROM --platform=$BUILDPLATFORM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

# expect-next: BH0312
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
