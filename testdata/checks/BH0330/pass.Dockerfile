FROM python:3.12-slim
COPY app.py /app/app.py
# Unpacking a local archive is what ADD is for.
ADD vendor.tar.gz /opt/vendor/
ADD rootfs.tar.xz /
# Remote downloads are BH0331's concern, build arguments cannot be judged.
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool
ARG BUNDLE
ADD ${BUNDLE} /opt/bundle/
USER 10001
