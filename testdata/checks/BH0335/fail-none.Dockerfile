# One finding per missing label group, both at the FROM line.
# expect-next: BH0335
# expect-next: BH0335
FROM python:3.12-slim
COPY app.py /app/
USER 10001
