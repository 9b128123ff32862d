FROM registry.example.com/hardened/java/temurin-21:2026.11
USER 10001
