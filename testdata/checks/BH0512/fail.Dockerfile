FROM node:20-slim
# expect-next: BH0512
RUN curl -fsSLk https://downloads.example.com/tool.tar.gz -o /tmp/tool.tar.gz
# expect-next: BH0512
RUN wget --no-check-certificate -O /tmp/x.tgz https://example.com/x.tgz
# expect-next: BH0512
RUN pip install --trusted-host pypi.example.com --index-url https://pypi.example.com/simple app
# expect-next: BH0512
RUN git config --global http.sslVerify false
# expect-next: BH0512
RUN npm config set strict-ssl false && npm ci
# expect-next: BH0512
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# expect-next: BH0512
RUN GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/app.git
# expect-next: BH0512
RUN curl --insecure https://example.com/health
USER node
