# The debug variant of distroless runs as root.
# expect-next: BH0310
FROM gcr.io/distroless/static:debug
COPY app /app
ENTRYPOINT ["/app"]
