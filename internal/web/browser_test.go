package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timelined/timelined/internal/web"
)

// ArtifactsEnv names the folder the page test saves its screenshot in;
// the default is artifacts/ at the root of the repository.
const ArtifactsEnv = "TIMELINED_ARTIFACTS"

// chromium returns the browser to drive, or skips t.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TIMELINED_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("page test skipped: Chromium is absent (apt-get install chromium, or set TIMELINED_CHROMIUM to a Chrome or Chromium binary)")
	return ""
}

// TestPageInChromium opens a story's page in a real headless Chromium at a
// phone's width: the entries are on the page, the page fits the screen, and
// an article added meanwhile appears without a reload. The screenshot is
// saved as artifacts/story-page.png (see ArtifactsEnv).
func TestPageInChromium(t *testing.T) {
	exe := chromium(t)
	s := startSite(t, web.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := s.stories.CreateStory(ctx, storyWithTitle("biden-putin", "Biden and Putin, March 2021")); err != nil {
		t.Fatal(err)
	}
	as := seeds(t)
	if _, err := s.stories.AddArticles(ctx, "biden-putin", as[:2]); err != nil {
		t.Fatal(err)
	}
	_, before, err := s.stories.Timeline(ctx, "biden-putin")
	if err != nil {
		t.Fatal(err)
	}

	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(412, 915),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()

	if err := chromedp.Do(browser,
		chromedp.Navigate(s.url+"/stories/biden-putin"),
		chromedp.WaitVisible(chromedp.CSS("#entries > li")),
		// A mark that a reload would wipe.
		chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`),
	); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(browser, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	entries, err := chromedp.Run(browser, chromedp.Evaluate[int](`document.querySelectorAll("#entries > li").length`))
	if err != nil {
		t.Fatal(err)
	}
	width, err := chromedp.Run(browser, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatal(err)
	}
	viewport, err := chromedp.Run(browser, chromedp.Evaluate[int](`window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(browser, chromedp.Poll[bool](`document.getElementById("live").textContent === "live"`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the page did not connect to its event stream: %v", err)
	}
	if title != "Biden and Putin, March 2021 · timelined" {
		t.Errorf("title %q", title)
	}
	if entries != len(before.Entries) {
		t.Errorf("%d entries on the page, %d in the chronology", entries, len(before.Entries))
	}
	if width > viewport {
		t.Errorf("the page is %d px wide on a %d px screen", width, viewport)
	}

	// A new article: its entries appear, live.
	res, err := s.stories.AddArticles(ctx, "biden-putin", as[2:5])
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := s.stories.Timeline(ctx, "biden-putin")
	if err != nil {
		t.Fatal(err)
	}
	old := map[string]bool{}
	for _, e := range before.Entries {
		old[e.ID] = true
	}
	var fresh string
	for _, e := range after.Entries {
		if !old[e.ID] {
			fresh = e.ID
			break
		}
	}
	if fresh == "" {
		t.Fatal("the new articles brought no new entry")
	}
	if err := chromedp.Do(browser,
		chromedp.WaitVisible(chromedp.ID("entry-"+fresh)),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#entries > li").length === `+itoa(len(after.Entries)),
			chromedp.WithPollingTimeout(30*time.Second)),
	); err != nil {
		t.Fatalf("the new entry %s did not appear: %v", fresh, err)
	}
	notReloaded, err := chromedp.Run(browser, chromedp.Evaluate[bool](`window.notReloaded === true`))
	if err != nil || !notReloaded {
		t.Errorf("the page was reloaded (%v)", err)
	}
	version, err := chromedp.Run(browser, chromedp.Text(chromedp.ID("version")))
	if err != nil || version != itoa(int(res.Version)) {
		t.Errorf("the page shows version %q (%v), want %d", version, err, res.Version)
	}
	png, err := chromedp.Run(browser, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv(ArtifactsEnv)
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "story-page.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	t.Logf("Chromium %s: %d entries shown, %d after the new articles arrived live; screenshot %s", exe, entries, len(after.Entries), abs)
}
