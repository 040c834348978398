package export

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/kgb-dev/kgb/graph"
)

// Options tune the writers. The command line fills them from the
// configuration; the zero value writes with the defaults.
type Options struct {
	// BaseIRI is the namespace of minted IRIs, such as
	// graph.DefaultBaseIRI, which is used when BaseIRI is empty. It must be
	// an absolute IRI and should end in '/' or '#'.
	BaseIRI string
	// SfdpThreshold is the number of entities above which a DOT graph asks
	// Graphviz for the sfdp layout instead of dot's layered one; 0 means
	// DefaultSfdpThreshold.
	SfdpThreshold int
	// Style styles DOT nodes by their measures: shape by type, colour by
	// community, size by PageRank, and edges by weight.
	Style bool
}

// DefaultSfdpThreshold is the SfdpThreshold used when none is set.
const DefaultSfdpThreshold = 150

// withDefaults returns o with its zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.BaseIRI == "" {
		o.BaseIRI = graph.DefaultBaseIRI
	}
	if o.SfdpThreshold <= 0 {
		o.SfdpThreshold = DefaultSfdpThreshold
	}
	return o
}

// Format is an output format.
type Format struct {
	// Name identifies the format on the command line ("nquads").
	Name string
	// Extensions are the file name extensions of the format, with the dot
	// (".nq"), the first being the usual one.
	Extensions []string
	// Description says in one line what the format is for.
	Description string
	// Measures is true when the output carries analysis measures, so that
	// the caller must analyse the graph and pass non-nil Metrics.
	Measures bool
	// Write writes g, and m when Measures is true, to w.
	Write func(w io.Writer, g *graph.Graph, m *graph.Metrics, o Options) error
}

var (
	mu      sync.RWMutex
	formats = make(map[string]Format)
	byExt   = make(map[string]string) // extension → format name
)

// Register makes a format available by its name and extensions. It panics
// if f has no name or no Write function, or if the name or one of the
// extensions is already registered: these are programmer errors.
func Register(f Format) {
	mu.Lock()
	defer mu.Unlock()
	if f.Name == "" || f.Write == nil {
		panic("export: Register of a format without a name or a Write function")
	}
	if _, dup := formats[f.Name]; dup {
		panic("export: Register called twice for format " + f.Name)
	}
	for _, ext := range f.Extensions {
		if other, dup := byExt[strings.ToLower(ext)]; dup {
			panic(fmt.Sprintf("export: extension %s of format %s is already registered by format %s", ext, f.Name, other))
		}
	}
	for _, ext := range f.Extensions {
		byExt[strings.ToLower(ext)] = f.Name
	}
	formats[f.Name] = f
}

// Lookup returns the format registered under name.
func Lookup(name string) (Format, bool) {
	mu.RLock()
	defer mu.RUnlock()
	f, ok := formats[name]
	return f, ok
}

// ForPath returns the format whose extension the file name path has,
// ignoring case.
func ForPath(path string) (Format, bool) {
	mu.RLock()
	defer mu.RUnlock()
	name, ok := byExt[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return Format{}, false
	}
	return formats[name], true
}

// Formats returns the registered formats sorted by name.
func Formats() []Format {
	mu.RLock()
	defer mu.RUnlock()
	fs := make([]Format, 0, len(formats))
	for _, f := range formats {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b Format) int { return strings.Compare(a.Name, b.Name) })
	return fs
}
