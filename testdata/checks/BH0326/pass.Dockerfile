FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y build-essential

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
# Options may come after the packages.
RUN apt-get update && apt-get install -y ca-certificates --no-install-recommends \
 && rm -rf /var/lib/apt/lists/*
# Installing local packages and removing packages are not installs from the repository.
RUN apt-get install -y /tmp/app.deb && apt-get remove -y curl
# A simulated install installs nothing.
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo available; fi
# The word in an echo is not a command.
RUN echo "apt-get install -y curl" > /tmp/howto.txt
COPY --from=build /out /app
USER 10001
