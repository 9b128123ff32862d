FROM debian:12-slim
RUN --mount=type=secret,id=token,env=TOKEN \
    curl -fsSL -H "Authorization: Bearer $TOKEN" https://artifacts.example.com/app.tgz -o /tmp/app.tgz
RUN git clone https://github.com/example/app.git /src
RUN mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1" && mysql -uroot -p -e "select 1"
RUN ./configure --password-file=/run/secrets/admin --with-password-hashing
RUN echo "$APP_USER:$APP_PASSWORD" | chpasswd
RUN docker login --username ci --password-stdin registry.example.com < /run/secrets/registry
RUN PASSWORD_LENGTH=32 TOKEN_TTL=3600 ./generate.sh
RUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"
# Placeholders are not secrets.
RUN ./setup --password=changeme --token='<token>'
USER 10001
