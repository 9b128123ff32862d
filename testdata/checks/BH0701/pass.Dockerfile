# bulkhead:ignore BH0313 -- rebuilt nightly from the vendor's rolling tag (RISK-7)
FROM ubuntu
USER 10001
