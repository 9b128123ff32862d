FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server \
 && rm -rf /var/lib/apt/lists/*
# expect-next: BH0314
EXPOSE 22
# expect-next: BH0314
EXPOSE 8080/tcp 22/tcp
USER app
CMD ["/usr/sbin/sshd", "-D"]
