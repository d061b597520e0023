package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	// A trimmed ghz JSON report: durations are nanoseconds.
	ok := `{"count":100,"total":500000000,"rps":200.5,
		"statusCodeDistribution":{"OK":100},
		"latencyDistribution":[{"percentage":50,"latency":1500000},{"percentage":99,"latency":9250000}]}`
	bad := `{"count":10,"rps":50,"statusCodeDistribution":{"OK":7,"Unavailable":3},
		"errorDistribution":{"rpc error: code = Unavailable":3},
		"latencyDistribution":[{"percentage":50,"latency":2000000}]}`
	for name, body := range map[string]string{"ok.json": ok, "bad.json": bad} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runs := filepath.Join(dir, "runs.tsv")
	tsv := "BuildTimeline\t8\t" + filepath.Join(dir, "ok.json") + "\t20480\t250000\t40000\n" +
		"ResolveDates\t32\t" + filepath.Join(dir, "bad.json") + "\t30720\t0\t0\n"
	if err := os.WriteFile(runs, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{runs}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| BuildTimeline | 8 | 100 | 0 | 200 | 1.50 | 9.25 | 2.50 | 0.40 | 20.0 |",
		"| ResolveDates | 32 | 10 | 3 | 50 | 2.00 | n/a | 0.00 | 0.00 | 30.0 |",
		"ResolveDates at concurrency 32: 3 errors (OK: 7; Unavailable: 3; rpc error: code = Unavailable: 3)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs.tsv")
	for _, tsv := range []string{
		"too\tfew\n",
		"R\t1\t" + filepath.Join(dir, "missing.json") + "\t1\t1\t1\n",
		"R\t1\tx.json\tnot-a-number\t1\t1\n",
		"R\t1\tx.json\t1\tnot-a-number\t1\n",
		"R\t1\tx.json\t1\t1\tnot-a-number\n",
	} {
		if err := os.WriteFile(runs, []byte(tsv), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := run([]string{runs}, &strings.Builder{}); err == nil {
			t.Errorf("run on %q: want an error", tsv)
		}
	}
	if err := run(nil, &strings.Builder{}); err == nil {
		t.Error("run without arguments: want an error")
	}
}
