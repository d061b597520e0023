package server

import "google.golang.org/grpc"

// WithTestInterceptor returns cfg with i run innermost, around the handler,
// so that tests can make a handler block or panic.
func WithTestInterceptor(cfg Config, i grpc.UnaryServerInterceptor) Config {
	cfg.testUnary = i
	return cfg
}
