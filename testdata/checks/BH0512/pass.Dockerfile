FROM node:20-slim
RUN curl -fsSL https://downloads.example.com/tool.tar.gz -o /tmp/tool.tar.gz
# -K reads a config file; -k in an argument value is not an option.
RUN curl -K /etc/curlrc -H "X-Trace: -k" https://example.com/
# wget -k converts links.
RUN wget -k -O /tmp/page.html https://example.com/
RUN pip install --index-url https://pypi.example.com/simple --cert /etc/ssl/certs/internal.pem app
RUN git config --global http.sslVerify true && npm config set strict-ssl true
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal.pem
USER node
