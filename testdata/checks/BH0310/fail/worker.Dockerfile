FROM node:20-alpine
RUN addgroup -S app && adduser -S app -G app
USER app
COPY --chown=app:app . /app
# Switched back for a package install and never switched again.
# expect-next: BH0310
USER root
RUN apk add --no-cache curl
CMD ["node", "/app/worker.js"]
