FROM debian:12-slim
# expect-next: BH0333
RUN apt-get update && apt-get install -y --no-install-recommends g++ cmake \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get purge -y cmake
USER 10001
