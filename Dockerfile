# Build: docker build -t outboundcalls .   (docker-compose.yml does this for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/app-*.jar /app/outboundcalls.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    OUTBOUNDCALLS_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/outboundcalls.jar"]
