FROM debian:12-slim
RUN apt-get update
# expect-next: BH0327
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# The update after the install does not help the install.
# expect-next: BH0327
RUN apt-get install -y --no-install-recommends jq && apt-get update
USER 10001
