FROM node:20-slim
COPY . /app
# expect-next: BH0334
RUN chmod -R 777 /app
# expect-next: BH0334
RUN mkdir -p /data && chmod o+w /data
# expect-next: BH0334
RUN install -d -m 0777 /var/cache/app
# expect-next: BH0334
RUN mkdir --mode=666 /srv/uploads
# expect-next: BH0334
RUN chmod -v a+rwx,g-w /opt/tools
USER node
