package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"briefings/internal/build"
	"briefings/internal/live"
	"briefings/internal/serve"
	"briefings/internal/write"
)

// runLive runs watch and serve until interrupted.
func runLive(name string, args []string, stdout, stderr io.Writer) int {
	addr := serve.DefaultAddr
	opts, status, ok := flags(name, args, stdout, stderr, func(fs *flag.FlagSet) {
		if name == "serve" {
			fs.StringVar(&addr, "addr", addr, "the address to serve on; loopback unless you say otherwise")
		}
	})
	if !ok {
		return status
	}
	release, err := write.Claim(opts.Out, opts.Root, name)
	if err != nil {
		return exit(stderr, err)
	}
	defer release()
	if err := write.Recover(opts.Out); err != nil {
		return exit(stderr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sess := &live.Session{Builder: build.New(opts), Root: opts.Root, Log: stdout}
	if name == "watch" {
		err := sess.Run(ctx, func() { fmt.Fprintln(stdout, "watching content/, templates/ and static/; Ctrl-C stops") })
		return stopped(stdout, stderr, ctx, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(stderr, "briefings serve:", listenProblem(err))
		return 1
	}
	defer ln.Close()
	if warning := serve.Warning(ln.Addr()); warning != "" {
		fmt.Fprintln(stderr, "briefings serve:", warning)
	}
	preview := serve.New(opts.Out)
	sess.Preview = preview
	serving, stopServing := context.WithCancel(ctx)
	defer stopServing()
	var served chan error // set once the first build is done and serving starts
	err = sess.Run(ctx, func() {
		fmt.Fprintf(stdout, "serving http://%s%s (Ctrl-C stops)\n", ln.Addr(), preview.Base())
		served = make(chan error, 1)
		go func() { served <- preview.Serve(serving, ln) }()
	})
	stopServing()
	if served != nil {
		if serr := <-served; err == nil {
			err = serr
		}
	}
	return stopped(stdout, stderr, ctx, err)
}

// stopped ends watch and serve: interrupted, with one calm line and 0.
func stopped(stdout, stderr io.Writer, ctx context.Context, err error) int {
	if err == nil && ctx.Err() != nil {
		fmt.Fprintln(stdout, "stopped")
	}
	return exit(stderr, err)
}
