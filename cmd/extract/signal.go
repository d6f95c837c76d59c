package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cancellation cause when a signal stops the batch.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + sigName(i.sig) }

// exitCode follows the shell's 128+N convention (130 for SIGINT, 143 for
// SIGTERM), so scripts can tell an interrupted run from failed documents.
func (i interrupted) exitCode() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

func sigName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// signalContext returns a context cancelled, with cause interrupted, by the
// first SIGINT or SIGTERM. A second one kills the process at once (the
// default action is restored), for when a clean stop takes too long.
//
// It also asks for SIGPIPE, so that a write to a closed stdout (extract |
// head -1) fails with EPIPE, which the batch handles as a quiet stop,
// instead of the runtime killing the process mid-write.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sigs:
				signal.Reset(os.Interrupt, syscall.SIGTERM)
				cancel(interrupted{s})
			case <-pipe: // the failed write reports it
			case <-done:
				return
			}
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		signal.Stop(pipe)
		close(done)
		cancel(fmt.Errorf("done"))
	}
}
