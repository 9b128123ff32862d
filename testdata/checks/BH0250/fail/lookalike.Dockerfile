# Not under registry.example.com/hardened, whatever the name suggests.
# expect-next: BH0250
FROM registry.example.com/hardened-legacy/base:1.4
USER 10001
