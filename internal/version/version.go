// Package version reports which build of zentra is running.
package version

import "runtime/debug"

// Set by the release build with -ldflags "-X github.com/zentra-cli/zentra/internal/version.Version=...".
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// Info is the version, commit and commit date of this binary.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
}

// Get returns the values set at link time, falling back to the module build information
// that "go install" records, and to "dev" for a plain local build.
func Get() Info {
	info := Info{Version: Version, Commit: Commit, Date: Date}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}

		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && info.Commit == "":
				info.Commit = s.Value
			case s.Key == "vcs.time" && info.Date == "":
				info.Date = s.Value
			}
		}
	}

	if info.Version == "" {
		info.Version = "dev"
	}

	return info
}

// String formats the info on one line.
func (i Info) String() string {
	s := i.Version
	if i.Commit != "" {
		s += " (commit " + shorten(i.Commit, 12)
		if i.Date != "" {
			s += ", " + i.Date
		}
		s += ")"
	}

	return s
}

func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}

	return s
}
