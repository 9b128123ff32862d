FROM debian:12-slim
# expect-next: BH0414
RUN curl -fsSL -H "Authorization: Bearer ghx7Tq2Lm9Zr4Kp8Wc1V" https://artifacts.example.com/app.tgz -o /tmp/app.tgz
# expect-next: BH0414
RUN git clone https://deploy:Xk29-fLq7pW@git.example.com/shop/app.git /src
# expect-next: BH0414
RUN mysql -uroot -pS3cretRoot -e "CREATE DATABASE shop"
# expect-next: BH0414
RUN API_TOKEN=8c1f0b2e6d4a ./install.sh
# expect-next: BH0414
RUN ./configure --admin-password=Adm1n-Pa55 --prefix=/opt/app
# expect-next: BH0414
RUN echo 'root:Docker!2024' | chpasswd
# expect-next: BH0414
RUN aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
RUN vault login \
# expect-next: BH0414
      --token s.8Hq2LmZr4Kp8Wc1V
USER 10001
