# Common tasks. Everything needs only Go: buf and grpcurl are pinned in
# tools/go.mod and run through `go tool`.

GO       ?= go
BUF      := $(GO) tool -modfile=tools/go.mod buf
TBAQ     ?= ../shared/data/timeml/tbaq
BENCHPKG := ./internal/dates ./internal/timeline

.PHONY: all help build test check generate protovalidate lint bench eval peers load clean

all: build test

## help: list the targets
help:
	@sed -n 's/^## //p' Makefile

## build: compile the server and the command line into bin/
build:
	$(GO) build -o bin/ ./cmd/timelined ./cmd/timelinectl

## test: the README's test command (also run by .ci/run)
test:
	$(GO) test -race -count=1 ./...

## check: everything CI runs (.ci/run)
check:
	./.ci/run

## generate: regenerate gen/ from proto/ with the pinned plugins
generate: protovalidate
	$(BUF) generate

## protovalidate: write buf/validate/validate.proto (imported by the contract) under third_party/
protovalidate:
	cd tools && $(GO) run ./protovalidateproto ../third_party/protovalidate

## lint: buf lint and format, gofmt, go vet
lint: protovalidate
	$(BUF) lint
	$(BUF) format proto --diff --exit-code
	./scripts/gofmt.sh
	$(GO) vet ./...

## bench: engine benchmarks (date engine MB/s, timeline articles/s)
bench:
	$(GO) test -run='^$$' -bench=. -benchmem $(BENCHPKG)

## eval: TempEval-3 Task A figures of the date engine on TBAQ
eval:
	$(GO) run ./cmd/timelinectl eval $(TBAQ)

## peers: whole-process speed and accuracy against olebedev/when and chrono-node
peers:
	./scripts/peers.sh

## load: ghz load test against a local timelined
load:
	./scripts/load.sh

## clean: remove bin/
clean:
	rm -rf bin/
