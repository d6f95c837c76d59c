package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// version describes this binary from its build information: the module
// version (a tag for `go install ...@v1.2.0`, "(devel)" for a build from
// a checkout), the commit when the build recorded it, and the toolchain.
func version() string {
	var b strings.Builder
	b.WriteString("extract ")
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		b.WriteString("(no build information)")
	} else {
		b.WriteString(bi.Main.Version)
		if bi.Main.Version == "" {
			b.WriteString("(devel)")
		}
		var rev, at, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = ", modified"
				}
			}
		}
		if rev != "" {
			fmt.Fprintf(&b, " (commit %.12s %s%s)", rev, at, modified)
		}
	}
	fmt.Fprintf(&b, " %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}
