package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/timelined/timelined/internal/server"
)

// No container engine runs where the tests do: these tests check what can
// be checked of the Dockerfile and the manifests in deploy/ without one.
// They parse, name flags the binary has with values it accepts, ports it
// listens on, the user the process test runs it as, and a memory limit
// equal to its default budget. TestProcessDrainsTheLargestCall runs the
// binary confined as the manifests confine it.

// flagNames returns the flags timelined defines, from its usage text.
func flagNames(t *testing.T) map[string]bool {
	t.Helper()
	var usage strings.Builder
	run(context.Background(), []string{"-h"}, func(string) string { return "" }, &usage)
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z][a-z0-9-]*)`).FindAllStringSubmatch(usage.String(), -1) {
		names[m[1]] = true
	}
	if len(names) < 10 {
		t.Fatalf("found %d flags in the usage text:\n%s", len(names), usage.String())
	}
	return names
}

// parseFlags returns the --name=value arguments of args as a map, failing
// on any argument timelined does not define.
func parseFlags(t *testing.T, where string, args []string, known map[string]bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, a := range args {
		name, value, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "--") || !ok {
			t.Errorf("%s: argument %q is not --name=value", where, a)
			continue
		}
		if !known[name] {
			t.Errorf("%s: timelined has no flag --%s", where, name)
		}
		out[name] = value
	}
	return out
}

// startsWith runs timelined with args, moved to free loopback ports and
// with no grace period, and fails unless it starts and stops cleanly.
func startsWith(t *testing.T, where string, args []string) {
	t.Helper()
	// The addresses and the store are the environment's: the manifests take
	// the store from a secret (TIMELINED_STORE) or a volume (/data).
	args = append(append([]string(nil), args...),
		"--addr=127.0.0.1:0", "--health-addr=127.0.0.1:0", "--metrics-addr=127.0.0.1:0", "--drain-grace=0", "--log-format=json",
		"--store="+filepath.Join(t.TempDir(), "stories.db"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, args, func(string) string { return "" }, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	started := false
	for lines.Scan() {
		if strings.Contains(lines.Text(), `"msg":"serving gRPC"`) {
			started = true
			break
		}
	}
	cancel()
	go io.Copy(io.Discard, pr)
	select {
	case err := <-done:
		if err != nil || !started {
			t.Errorf("%s: timelined %q: started %v, ended %v", where, args, started, err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: timelined did not stop", where)
	}
}

// port returns the port of a listen address (":50051").
func port(t *testing.T, addr string) int {
	t.Helper()
	i := strings.LastIndexByte(addr, ':')
	p, err := strconv.Atoi(addr[i+1:])
	if i < 0 || err != nil {
		t.Fatalf("address %q has no port", addr)
	}
	return p
}

// manifest is a YAML document as generic maps.
type manifest map[string]any

func (m manifest) get(path ...any) any {
	var v any = map[string]any(m)
	for _, p := range path {
		switch k := p.(type) {
		case string:
			mm, _ := v.(map[string]any)
			v = mm[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func loadManifests(t *testing.T) map[string]manifest {
	t.Helper()
	files, _ := filepath.Glob("../../deploy/*.yaml")
	if len(files) < 5 {
		t.Fatalf("deploy/ has %d YAML files", len(files))
	}
	byKind := map[string]manifest{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any // not manifest: nested maps would take its type
		if err := yaml.Unmarshal(b, &raw); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		m := manifest(raw)
		kind, _ := m["kind"].(string)
		if kind == "" || m["apiVersion"] == nil {
			t.Fatalf("%s: no kind or apiVersion", f)
		}
		byKind[kind] = m
	}
	return byKind
}

func TestManifests(t *testing.T) {
	known := flagNames(t)
	m := loadManifests(t)
	for _, kind := range []string{"Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Kustomization"} {
		if m[kind] == nil {
			t.Fatalf("deploy/ lacks a %s", kind)
		}
	}
	d := m["Deployment"]
	labels := d.get("spec", "template", "metadata", "labels").(map[string]any)
	c := manifest(d.get("spec", "template", "spec", "containers", 0).(map[string]any))
	var args []string
	for _, a := range c["args"].([]any) {
		args = append(args, a.(string))
	}
	flags := parseFlags(t, "Deployment args", args, known)
	startsWith(t, "Deployment args", args)

	// Ports: the ones the flags listen on, named, probed by gRPC.
	ports := map[string]int{}
	for _, p := range c["ports"].([]any) {
		pm := p.(map[string]any)
		ports[pm["name"].(string)] = pm["containerPort"].(int)
	}
	for flag, name := range map[string]string{"addr": "grpc", "health-addr": "grpc-health", "metrics-addr": "metrics"} {
		if ports[name] != port(t, flags[flag]) {
			t.Errorf("container port %q = %d, --%s listens on %s", name, ports[name], flag, flags[flag])
		}
	}
	for _, probe := range []string{"readinessProbe", "livenessProbe", "startupProbe"} {
		if p, _ := c.get(probe, "grpc", "port").(int); p != ports["grpc-health"] {
			t.Errorf("%s probes gRPC port %v, want the health address %d", probe, c.get(probe, "grpc", "port"), ports["grpc-health"])
		}
	}
	if s := c.get("readinessProbe", "grpc", "service"); s != "timeline.v1.TimelineService" {
		t.Errorf("readiness probes service %v", s)
	}

	// Memory: requests = limits = the default budget.
	for _, kind := range []string{"requests", "limits"} {
		if v := c.get("resources", kind, "memory"); v != "1Gi" || server.DefaultMemoryBudget != 1<<30 {
			t.Errorf("resources.%s.memory = %v, want 1Gi, the default memory budget (%d)", kind, v, server.DefaultMemoryBudget)
		}
	}
	// The drain fits in the termination grace period.
	durations := map[string]time.Duration{}
	for _, f := range []string{"shutdown-timeout", "drain-grace", "max-call-duration"} {
		v, err := time.ParseDuration(flags[f])
		if err != nil {
			t.Fatalf("--%s=%q: %v", f, flags[f], err)
		}
		durations[f] = v
	}
	grace := time.Duration(d.get("spec", "template", "spec", "terminationGracePeriodSeconds").(int)) * time.Second
	if !(durations["drain-grace"]+durations["max-call-duration"] < durations["shutdown-timeout"] && durations["shutdown-timeout"] < grace) {
		t.Errorf("want drain-grace + max-call-duration < shutdown-timeout < terminationGracePeriodSeconds: %v, %v", durations, grace)
	}
	// Confinement: what TestProcessDrainsTheLargestCall runs the binary as.
	if d.get("spec", "template", "spec", "securityContext", "runAsUser") != 65532 ||
		d.get("spec", "template", "spec", "securityContext", "runAsNonRoot") != true ||
		c.get("securityContext", "readOnlyRootFilesystem") != true ||
		c.get("securityContext", "allowPrivilegeEscalation") != false {
		t.Errorf("the pod must run as 65532, non-root, read-only root, no privilege escalation")
	}

	// Service, PDB and HPA point at the Deployment.
	for _, p := range m["Service"].get("spec", "ports").([]any) {
		if tp := p.(map[string]any)["targetPort"].(string); ports[tp] == 0 {
			t.Errorf("Service targets port %q, which the container does not name", tp)
		}
	}
	for kind, sel := range map[string]any{
		"Service":             m["Service"].get("spec", "selector"),
		"PodDisruptionBudget": m["PodDisruptionBudget"].get("spec", "selector", "matchLabels"),
	} {
		for k, v := range sel.(map[string]any) {
			if labels[k] != v {
				t.Errorf("%s selects %s=%v, which the pods lack", kind, k, v)
			}
		}
	}
	if n := m["HorizontalPodAutoscaler"].get("spec", "scaleTargetRef", "name"); n != d.get("metadata", "name") {
		t.Errorf("HPA scales %v", n)
	}
	if min := m["HorizontalPodAutoscaler"].get("spec", "minReplicas").(int); min < 2 {
		t.Errorf("HPA minReplicas %d: a PDB of minAvailable 1 needs 2 to let a node drain", min)
	}
	for _, r := range m["Kustomization"].get("resources").([]any) {
		if _, err := os.Stat(filepath.Join("../../deploy", r.(string))); err != nil {
			t.Errorf("kustomization: %v", err)
		}
	}
}

func TestDockerfile(t *testing.T) {
	known := flagNames(t)
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := regexp.MustCompile(`\\\n\s*`).ReplaceAllString(string(b), "")
	var froms []string
	var user, entry, health string
	var exposed []int
	goVersion := ""
	for _, line := range strings.Split(df, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "ARG":
			if v, ok := strings.CutPrefix(f[1], "GO_VERSION="); ok {
				goVersion = v
			}
		case "FROM":
			froms = append(froms, f[1])
		case "USER":
			user = f[1]
		case "EXPOSE":
			for _, p := range f[1:] {
				n, _ := strconv.Atoi(p)
				exposed = append(exposed, n)
			}
		case "ENTRYPOINT":
			entry = strings.TrimPrefix(line, "ENTRYPOINT ")
		case "HEALTHCHECK":
			health = line
		}
	}
	mod, _ := os.ReadFile("../../go.mod")
	if want := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(mod); want == nil || goVersion != string(want[1]) {
		t.Errorf("Dockerfile builds with Go %q, go.mod says %q", goVersion, want)
	}
	if len(froms) < 2 || !strings.HasPrefix(froms[len(froms)-1], "gcr.io/distroless/static") {
		t.Errorf("want a multi-stage build ending on distroless static, got %q", froms)
	}
	if user != "65532:65532" {
		t.Errorf("USER %q, want 65532:65532 (non-root, as deploy/ and the process test)", user)
	}
	var args []string
	for _, a := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(entry, -1) {
		args = append(args, a[1])
	}
	if len(args) < 2 || args[0] != "/timelined" {
		t.Fatalf("ENTRYPOINT %q", entry)
	}
	flags := parseFlags(t, "ENTRYPOINT", args[1:], known)
	startsWith(t, "ENTRYPOINT", args[1:])
	for _, f := range []string{"addr", "health-addr", "metrics-addr"} {
		p := port(t, flags[f])
		found := false
		for _, e := range exposed {
			found = found || e == p
		}
		if !found {
			t.Errorf("--%s=%s is not EXPOSEd (%v)", f, flags[f], exposed)
		}
	}
	if want := fmt.Sprintf("-addr=127.0.0.1:%d", port(t, flags["health-addr"])); !strings.Contains(health, "grpc-health-probe") || !strings.Contains(health, want) {
		t.Errorf("HEALTHCHECK %q does not probe the health address (%s) with grpc-health-probe", health, want)
	}
}
