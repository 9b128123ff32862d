# A Docker Hub mirror is the Docker Hub image; a digest pins a build of the tag.
# expect-next: BH0914
FROM public.ecr.aws/docker/library/debian:stretch-slim@sha256:3a6bb1ad2ebbec9a4b28c2a3ed6ae6d8c1e2b2c1b0f0a9e7d6c5b4a3f2e1d0c9
RUN useradd -r app
USER app
