FROM python:3.12-slim
# expect-next: BH0330
ADD app.py /app/app.py
# expect-next: BH0330
ADD --chown=10001:10001 config/ requirements.txt /app/
USER 10001
