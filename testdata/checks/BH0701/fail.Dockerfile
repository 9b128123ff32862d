# bulkhead:ignore BH0313 # expect: BH0701
FROM ubuntu
# bulkhead:ignore BH0311 until=2020-01-01 -- sshd for debugging # expect: BH0701
RUN apt-get update && apt-get install -y openssh-server
# bulkhead:ignore until=2027-01-31 -- names no check # expect: BH0701
USER 10001
