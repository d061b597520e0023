# timelined: a static binary on a distroless base, run as a non-root user.
#
#   docker build -t timelined .
#   docker run --rm -p 50051:50051 --read-only timelined
#
# The build stage needs the Go module proxy (modules and the health probe
# are fetched by version); the image holds two static binaries and nothing
# else: no shell, no package manager. Kubernetes probes the gRPC health
# service natively (deploy/); HEALTHCHECK serves plain Docker.

ARG GO_VERSION=1.26.8

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags="-s -w" -o /out/timelined ./cmd/timelined
# The standard gRPC health probe, pinned, built from source.
RUN GOBIN=/out go install github.com/grpc-ecosystem/grpc-health-probe@v0.4.63

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/timelined /out/grpc-health-probe /
# distroless's "nonroot" user. The server writes only its stories: to the
# SQLite file under /data (a volume), unless TIMELINED_STORE names a
# PostgreSQL server (postgres://...) or is "none"; the root file system
# can be read-only (docker run --read-only, readOnlyRootFilesystem).
ENV XDG_DATA_HOME=/data
VOLUME /data
USER 65532:65532
# gRPC (plaintext unless --tls-cert-file), the plaintext health address for
# probes, Prometheus metrics.
EXPOSE 50051 50052 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
	CMD ["/grpc-health-probe", "-addr=127.0.0.1:50052"]
ENTRYPOINT ["/timelined", "--addr=:50051", "--health-addr=:50052", "--metrics-addr=:9090", "--log-format=json"]
