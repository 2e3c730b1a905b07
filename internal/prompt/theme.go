package prompt

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// noColorTheme is huh's base theme without colour. huh tells the chosen button of a
// yes/no question by its colours alone, which NO_COLOR removes, so here brackets mark it.
func noColorTheme() *huh.Theme {
	t := huh.ThemeBase()

	brackets := lipgloss.Border{Left: "[", Right: "]"}
	blanks := lipgloss.Border{Left: " ", Right: " "}
	button := lipgloss.NewStyle().Padding(0, 1).MarginRight(1)
	chosen := button.Border(brackets, false, true, false, true)
	other := button.Border(blanks, false, true, false, true)

	for _, s := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		s.FocusedButton = chosen
		s.BlurredButton = other
		s.TextInput.Placeholder = lipgloss.NewStyle()
	}

	return t
}
