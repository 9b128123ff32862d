# The list allows python:3.12-* only.
# expect-next: BH0250
FROM python:3.11-slim
USER 10001
