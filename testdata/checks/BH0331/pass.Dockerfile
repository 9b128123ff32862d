FROM debian:12-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/example/tool/releases/download/v1.2.0/tool-linux-amd64 /usr/local/bin/tool
# Git sources are pinned by their ref.
ADD https://github.com/example/repo.git#v1.2.0 /src
ADD git@github.com:example/private.git#main /private
# Local files.
ADD vendor.tar.gz /opt/vendor/
COPY config.yaml /etc/app/
USER 10001
