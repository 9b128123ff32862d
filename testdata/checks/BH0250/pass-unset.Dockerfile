# Without `hardened_base_images` in bulkhead.toml the check is silent.
FROM debian:bookworm-slim
USER 10001
