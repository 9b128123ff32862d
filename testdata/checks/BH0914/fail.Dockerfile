# A build-only stage is not part of the image: not reported unless build_stages is set.
FROM golang:1.19-bullseye AS build
COPY . /src
RUN cd /src && go build -o /out/app ./cmd/app

# The final image is built on this stage, so its base is judged.
# expect-next: BH0914
FROM python:3.7-slim-buster AS base
RUN pip install --no-cache-dir flask==2.2.5

FROM base
COPY --from=build /out/app /usr/local/bin/app
USER 10001
CMD ["app"]
