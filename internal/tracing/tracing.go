// Package tracing sets up OpenTelemetry tracing for timelined: spans are
// exported over OTLP/gRPC to a collector, and nothing is traced (or
// exported) unless one is named.
package tracing

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// The environment variables that turn tracing on when no endpoint is given:
// the OpenTelemetry exporter's own (its other OTEL_EXPORTER_OTLP_*
// variables, headers, certificates, timeouts, apply as usual).
var endpointEnv = []string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"}

// Setup returns a tracer provider that exports to the OTLP/gRPC endpoint
// (a URL: "http://collector:4317" for plaintext, "https://..." for TLS),
// or to the one the environment names (read with getenv), and the function
// that flushes and stops it. Both are nil when neither names one: tracing
// is off. OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and OTEL_TRACES_SAMPLER
// apply; the service name is "timelined" unless they say otherwise.
func Setup(ctx context.Context, endpoint string, getenv func(string) string) (trace.TracerProvider, func(context.Context) error, error) {
	for _, k := range endpointEnv {
		if endpoint == "" {
			endpoint = getenv(k)
		}
	}
	if endpoint == "" {
		return nil, nil, nil
	}
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithEndpointURL(endpoint))
	if err != nil {
		return nil, nil, fmt.Errorf("tracing: OTLP exporter: %w", err)
	}
	res, err := resource.New(ctx,
		resource.WithAttributes(attribute.String("service.name", "timelined")),
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, nil, fmt.Errorf("tracing: resource: %w", err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	return tp, tp.Shutdown, nil
}
