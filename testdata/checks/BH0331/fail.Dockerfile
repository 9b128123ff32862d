FROM debian:12-slim
# expect-next: BH0331
ADD https://github.com/example/tool/releases/download/v1.2.0/tool-linux-amd64 /usr/local/bin/tool
# expect-next: BH0331
ADD --chmod=755 http://downloads.example.com/install.sh /tmp/install.sh
USER 10001
