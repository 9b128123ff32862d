FROM debian:12-slim AS build
# Build stages are thrown away: not reported.
RUN apt-get update && apt-get install -y build-essential

FROM debian:12-slim
# expect-next: BH0326
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
# expect-next: BH0326
 && DEBIAN_FRONTEND=noninteractive apt-get -y install \
      ca-certificates \
      --no-install-suggests \
 && rm -rf /var/lib/apt/lists/*
RUN set -eux; \
    apt update; \
# expect-next: BH0326
    apt install -y tzdata; \
    rm -rf /var/lib/apt/lists/*
RUN set -eux; \
    if [ "$(uname -m)" = "x86_64" ]; then \
      apt-get update; \
# expect-next: BH0326
      apt-get install -y libfoo; \
      rm -rf /var/lib/apt/lists/*; \
    fi
COPY --from=build /out /app
USER 10001
