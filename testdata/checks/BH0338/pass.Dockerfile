FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends tool \
 && rm -rf /var/lib/apt/lists/*
RUN echo "deb [signed-by=/etc/apt/keyrings/example.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/example.list
# A local repository of packages built in this RUN has no signatures to check.
RUN tempDir="$(mktemp -d)" && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list
FROM alpine:3.20
# Packages built by an earlier stage of the same build.
RUN --mount=type=bind,target=/tmp/packages,source=/out,from=build \
    apk add --no-cache --allow-untrusted /tmp/packages/app-1.0-r0.apk
FROM rockylinux:9
RUN printf '[example]\nbaseurl=https://repo.example.com/el9\ngpgcheck=1\nrepo_gpgcheck=0\n' > /etc/yum.repos.d/example.repo
RUN dnf install -y jq && dnf clean all
USER 10001
