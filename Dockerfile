# Build a static binary, then ship it alone in a distroless image as a
# non-root user. modernc SQLite is pure Go, so CGO stays off.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X github.com/newsdigest/newsdigest/internal/cli.version=${VERSION}" -o /out/newsdigest .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsdigest /usr/local/bin/newsdigest
USER nonroot:nonroot
WORKDIR /data
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/newsdigest"]
ENV NEWSDIGEST_LOG_FORMAT=json
CMD ["serve", "-config", "/data/newsdigest.toml"]
