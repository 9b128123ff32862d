FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
 && echo "3f786850e387550fdab836ed7e6dc881de23001b5fdb8e6b3e5c3d1f8b0a5a4e  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
# Downloads piped into tools that treat them as data.
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
RUN curl -s https://api.example.com/version | python3 -c 'import json,sys; print(json.load(sys.stdin)["v"])'
RUN wget -qO- https://example.com/list.txt | perl -ne 'print if /x/'
RUN curl -fsSL https://example.com/data.json | python3 /opt/parse.py
# A shell that runs a file, after the download is done.
RUN curl -fsSLo /tmp/a.sh https://example.com/a.sh || echo failed; bash /tmp/a.sh
USER 10001
