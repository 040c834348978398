package export

import (
	"strconv"
	"strings"
	"testing"
)

// unquoteDOT inverts dotQuote, up to the control pictures, which stay. It
// reports false when s is not a double-quoted string.
func unquoteDOT(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	return dotUnescaper.Replace(s[1 : len(s)-1]), true
}

var dotUnescaper = strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", "&amp;", "&", "&#xFFFD;", "\uFFFD")

func TestDOTQuote(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "Macron", `"Macron"`},
		{"quote", `say "hi"`, `"say \"hi\""`},
		{"backslash", `a\b`, `"a\\b"`},
		{"trailing backslash", `a\`, `"a\\"`},
		{"graphviz escape", `\N\l`, `"\\N\\l"`},
		{"newline", "a\nb", `"a\nb"`},
		{"controls", "\x00\t\r\x1f\x7f", "\"\u2400\u2409\u240d\u241f\u2421\""},
		{"ampersand", "AT&T &lt;", `"AT&amp;T &amp;lt;"`},
		{"replacement character", "\uFFFD\xff", `"&#xFFFD;&#xFFFD;"`},
		{"unicode", "عربي \u202e 😀 \u0085", "\"عربي \u202e 😀 \u0085\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := dotQuote(tc.in)
			if got != tc.want {
				t.Errorf("dotQuote(%q) = %s, want %s", tc.in, got, tc.want)
			}
			// gonum writes the value verbatim only if strconv.Unquote accepts it.
			if _, err := strconv.Unquote(got); err != nil {
				t.Errorf("strconv.Unquote rejects %s: %v", got, err)
			}
			if back, _ := unquoteDOT(got); back != pictures(tc.in) {
				t.Errorf("unquoteDOT(%s) = %q, want %q", got, back, pictures(tc.in))
			}
		})
	}
}
