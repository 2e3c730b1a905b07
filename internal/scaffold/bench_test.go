package scaffold_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/templates"
)

// BenchmarkPlan renders the default project in memory.
func BenchmarkPlan(b *testing.B) {
	d := goldenData(b, true)
	b.ReportAllocs()

	for b.Loop() {
		if _, err := scaffold.Plan(templates.Source(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanAndWrite renders the default project and writes it into a new folder, as
// "zentra init" does.
func BenchmarkPlanAndWrite(b *testing.B) {
	d := goldenData(b, true)
	dir := b.TempDir()
	b.ReportAllocs()

	i := 0
	for b.Loop() {
		files, err := scaffold.Plan(templates.Source(), d)
		if err != nil {
			b.Fatal(err)
		}

		i++
		target := filepath.Join(dir, fmt.Sprint("p", i))
		if _, err := scaffold.Write(context.Background(), target, files, scaffold.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
