FROM ubuntu:24.04
RUN useradd -m app && apt-get update && apt-get install -y --no-install-recommends sudo
USER app
# expect-next: BH0329
RUN sudo apt-get update
# expect-next: BH0329
RUN DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y jq
RUN cd /src && \
# expect-next: BH0329
    sudo make install
RUN if [ -f /src/Makefile ]; then \
# expect-next: BH0329
      sudo make -C /src install; \
    fi
