FROM ubuntu:24.04
# expect-next: BH0327
RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata
USER 10001
