FROM debian:12-slim
# expect-next: BH0332
RUN curl -fsSL https://get.example.com/install.sh | sh
# expect-next: BH0332
RUN wget -qO- https://example.com/setup.sh | sudo bash -s -- --yes
RUN set -eux; \
    curl -sSL https://example.com/bootstrap.py \
# expect-next: BH0332
      | python3 - --version 2.1
# expect-next: BH0332
RUN bash <(curl -fsSL https://example.com/install.sh)
# expect-next: BH0332
RUN sh -c "$(wget -qO- https://example.com/install.sh)"
USER 10001
