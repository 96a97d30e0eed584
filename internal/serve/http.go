package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is where the preview listens unless told otherwise: on this
// machine only, since it serves drafts and unpublished edits.
const DefaultAddr = "127.0.0.1:1313"

// The HTTP server's bounds, variables so that tests can shorten them.
var (
	// A client that has not sent its whole header by then is dropped:
	// otherwise a slow client holds a connection for ever.
	readHeaderTimeout = 10 * time.Second
	// A request must be read, and a page written, by then. Pages are small
	// and local. The reload stream would be cut by writeTimeout: it moves
	// its write deadline before each event, by streamWriteTimeout.
	readTimeout  = 30 * time.Second
	writeTimeout = 30 * time.Second
	idleTimeout  = 120 * time.Second
	// A page that stops reading its reload stream is dropped after this.
	streamWriteTimeout = 10 * time.Second
	// Ctrl-C gives requests in flight this long, then cuts them: a slow
	// download of a large file must not hold the editor's terminal.
	shutdownGrace = 1 * time.Second
)

// maxHeaderBytes bounds a request's line and header; a preview's requests
// need a few hundred bytes. Larger requests get 431.
const maxHeaderBytes = 16 << 10

// Serve serves the site on ln until ctx is done, then shuts down: it stops
// accepting at once, ends the reload streams, which would otherwise hold
// the shutdown for ever, gives the other requests shutdownGrace to finish
// and closes what is left. Cutting a download short is how a preview
// stops, not an error.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	srv.RegisterOnShutdown(s.Stop)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if srv.Shutdown(grace) != nil {
		srv.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Warning is the warning to print when the preview listens on addr, or ""
// when only this machine can reach it.
func Warning(addr net.Addr) string {
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		return ""
	}
	return fmt.Sprintf("warning: the preview at %s can be reached from the network, not only from this machine", addr)
}
