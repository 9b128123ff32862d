FROM alpine:3.20
# expect-next: BH0336
LABEL org.label-schema.build-date="2018-11-30T12:00:00+01:00"
USER 10001
