# expect-next: BH0323
FROM someuser/python-base:3.12 AS build
RUN pip wheel --wheel-dir /wheels flask
# expect-next: BH0323
FROM ghcr.io/example/runtime:1.0
COPY --from=build /wheels /wheels
USER 10001
