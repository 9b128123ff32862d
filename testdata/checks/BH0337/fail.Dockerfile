FROM debian:12-slim
# expect-next: BH0337
EXPOSE 8080 5900
# expect-next: BH0337
EXPOSE 3389/tcp
# expect-next: BH0337
EXPOSE 23
USER app
