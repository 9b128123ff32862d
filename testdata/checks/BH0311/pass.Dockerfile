FROM debian:12-slim
# A client is fine: it does not accept connections.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# Mentioning sshd in an echo is not starting it.
RUN echo "no sshd here" > /etc/motd
USER app
CMD ["/app/server"]
