FROM debian:12-slim
# expect-next: BH0338
RUN apt-get update && apt-get install -y --allow-unauthenticated --no-install-recommends tool \
 && rm -rf /var/lib/apt/lists/*
# expect-next: BH0338
RUN echo "deb [trusted=yes] http://repo.example.com/debian stable main" > /etc/apt/sources.list.d/example.list
FROM alpine:3.20
# expect-next: BH0338
RUN apk add --no-cache --allow-untrusted --repository https://repo.example.com/alpine/v3.20 tool
FROM rockylinux:9
# expect-next: BH0338
RUN dnf install -y --nogpgcheck https://example.com/tool.rpm && dnf clean all
# expect-next: BH0338
RUN printf '[example]\nbaseurl=https://repo.example.com/el9\ngpgcheck=0\n' > /etc/yum.repos.d/example.repo
USER 10001
