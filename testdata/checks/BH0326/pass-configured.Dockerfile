FROM ubuntu:24.04
# Recommends turned off for the whole build.
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/00-no-recommends
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
USER 10001
