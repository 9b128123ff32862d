FROM alpine:3.20 AS base
# expect-next: BH0311
RUN apk add --no-cache dropbear bash

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
    ca-certificates \
# expect-next: BH0311
    openssh-server=1:9.2p1-2 \
 && rm -rf /var/lib/apt/lists/*
# expect-next: BH0311
RUN yum install -y telnet-server
RUN <<EOF
set -e
# expect-next: BH0311
dnf install -y tinysshd
EOF
USER app
# expect-next: BH0311
CMD ["/usr/sbin/sshd", "-D"]
