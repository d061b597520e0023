// Package tlsfiles makes a server's TLS configuration from PEM files and
// reads the files again when they change, so that a renewed certificate
// (a Kubernetes secret updated in place, cert-manager, a cron job) is used
// without a restart.
//
// The files are checked at a TLS handshake, at most once per CheckEvery:
// no goroutine, no file watcher, a few stat calls per second at most. A
// change that does not load (a key that does not match its certificate, a
// file half written) is logged and the configuration in use is kept, to be
// tried again at the next check.
package tlsfiles

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// DefaultCheckEvery is how often, at most, the files are checked.
const DefaultCheckEvery = time.Second

// Files names the PEM files of a server's TLS configuration.
type Files struct {
	// CertFile holds the server's certificate chain, leaf first. Required.
	CertFile string
	// KeyFile holds the private key of the certificate. Required.
	KeyFile string
	// ClientCAFile, when not empty, holds the certificates of the
	// authorities whose client certificates are accepted: clients must
	// then present one (mutual TLS).
	ClientCAFile string
	// CheckEvery is how often, at most, the files are checked for change;
	// DefaultCheckEvery when zero; every handshake when negative.
	CheckEvery time.Duration
}

// Reloader holds the configuration loaded from Files and loads it again
// when they change.
type Reloader struct {
	files Files
	log   *slog.Logger

	mu        sync.Mutex
	cfg       *tls.Config // what handshakes use, never modified once made
	stamps    []stamp
	checked   time.Time
	lastError string
	reloads   int
}

// stamp identifies a version of a file.
type stamp struct {
	info os.FileInfo
}

func (s stamp) same(o stamp) bool {
	if s.info == nil || o.info == nil {
		return s.info == o.info
	}
	return os.SameFile(s.info, o.info) && s.info.Size() == o.info.Size() && s.info.ModTime().Equal(o.info.ModTime())
}

// New loads the files and returns a Reloader; log (nil: discarded) hears
// of reloads and of changes that did not load.
func New(files Files, log *slog.Logger) (*Reloader, error) {
	if files.CertFile == "" || files.KeyFile == "" {
		return nil, errors.New("tls: both a certificate file and a key file are needed")
	}
	if files.CheckEvery == 0 {
		files.CheckEvery = DefaultCheckEvery
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Reloader{files: files, log: log}
	stamps := r.stat()
	cfg, err := r.load()
	if err != nil {
		return nil, err
	}
	r.cfg, r.stamps, r.checked = cfg, stamps, time.Now()
	return r, nil
}

// Config returns the configuration a server is given: each handshake
// takes the current files' configuration through GetConfigForClient.
func (r *Reloader) Config() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
			return r.current(), nil
		},
	}
}

// Reloads returns how many times the files were loaded again.
func (r *Reloader) Reloads() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reloads
}

// current returns the configuration in force, loading the files again
// first when they changed.
func (r *Reloader) current() *tls.Config {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.files.CheckEvery > 0 && time.Since(r.checked) < r.files.CheckEvery {
		return r.cfg
	}
	r.checked = time.Now()
	stamps := r.stat()
	unchanged := true
	for i := range stamps {
		unchanged = unchanged && stamps[i].same(r.stamps[i])
	}
	if unchanged {
		return r.cfg
	}
	cfg, err := r.load()
	if err != nil {
		if msg := err.Error(); msg != r.lastError {
			r.log.Warn("TLS files changed but do not load; keeping the certificates in use", "err", msg)
			r.lastError = msg
		}
		return r.cfg
	}
	r.cfg, r.stamps, r.lastError = cfg, stamps, ""
	r.reloads++
	r.log.Info("TLS files changed: certificates reloaded", "cert", r.files.CertFile)
	return r.cfg
}

func (r *Reloader) paths() []string {
	p := []string{r.files.CertFile, r.files.KeyFile}
	if r.files.ClientCAFile != "" {
		p = append(p, r.files.ClientCAFile)
	}
	return p
}

func (r *Reloader) stat() []stamp {
	var out []stamp
	for _, p := range r.paths() {
		fi, err := os.Stat(p)
		if err != nil {
			fi = nil
		}
		out = append(out, stamp{fi})
	}
	return out
}

// load reads the files into a new configuration.
func (r *Reloader) load() (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(r.files.CertFile, r.files.KeyFile)
	if err != nil {
		return nil, fmt.Errorf("tls: load %s and %s: %w", r.files.CertFile, r.files.KeyFile, err)
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{cert},
		NextProtos:   []string{"h2"},
	}
	if r.files.ClientCAFile != "" {
		pool, err := LoadPool(r.files.ClientCAFile)
		if err != nil {
			return nil, err
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return cfg, nil
}

// LoadPool reads the PEM certificates of file into a pool.
func LoadPool(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("tls: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("tls: %s holds no PEM certificate", file)
	}
	return pool, nil
}
