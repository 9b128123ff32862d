FROM node:20-slim
COPY --chown=node:node . /app
RUN chmod -R 755 /app && chmod 1777 /tmp
RUN chmod +x /app/start.sh && chmod u+w,g+w /app/data && chmod o-w /app
RUN mkdir -m 750 /srv/app && install -m 0644 /app/app.conf /etc/app.conf
# A temporary folder removed in the same RUN never reaches the image.
RUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && echo build > "$tempDir/x" && rm -rf "$tempDir"
# Not a chmod.
RUN echo "chmod 777 is bad" > /tmp/note
USER node
