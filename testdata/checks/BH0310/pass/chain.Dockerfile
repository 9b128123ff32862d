FROM cgr.dev/chainguard/python:latest AS runtime

FROM runtime AS app
COPY app /app

FROM app
CMD ["python", "/app/main.py"]
