FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends jq
# Mentioning sudo is not running it.
RUN echo "app ALL=(ALL) NOPASSWD: /usr/bin/apt" > /tmp/sudoers.example
RUN grep -q sudo /etc/group || true
USER app
