package graph

import (
	"math/rand/v2"
	"slices"

	gg "gonum.org/v1/gonum/graph"
)

// louvainMaxPasses bounds the local-moving passes of one Louvain level.
// Every move raises modularity, so the passes would end on their own, but
// on graphs with little structure the tail is long: on
// BenchmarkAnalyzeLarge's graph the first level still moves about 140 of
// 100,000 nodes in pass 100, for a gain in Q of 3e-5. The bound also
// guards against rounding making two gains trade places forever.
const louvainMaxPasses = 100

// louvainGraph is one level of the Louvain method: an undirected weighted
// graph in compressed sparse rows, without self-loops in adj, whose node i
// also carries self[i], the weight of the edges inside the group of
// original nodes it stands for (each edge counted once). self is nil at
// the first level.
type louvainGraph struct {
	start []int
	adj   []int64
	w     []float64
	self  []float64
}

func (g *louvainGraph) len() int { return len(g.start) - 1 }

// degrees returns k_i = Σ_{j≠i} w_ij + 2·self_i for every node and their
// sum, twice the total edge weight.
func (g *louvainGraph) degrees() (k []float64, m2 float64) {
	k = make([]float64, g.len())
	for i := range k {
		for _, x := range g.w[g.start[i]:g.start[i+1]] {
			k[i] += x
		}
		if g.self != nil {
			k[i] += 2 * g.self[i]
		}
		m2 += k[i]
	}
	return k, m2
}

// louvain runs the Louvain method (Blondel, Guillaume, Lambiotte and
// Lefebvre 2008) with the Reichardt–Bornholdt resolution γ on p's
// undirected neighbourhoods and returns each node's community, numbered
// 0, 1, … in order of the community's lowest node, and the count. p must
// have at least one edge.
//
// Each level starts with every node alone and moves nodes, in an order
// shuffled by rng once per level, to the neighbouring community with the largest gain
// w_ic − γ·tot_c·k_i/m2 (w_ic the node's weight into c, tot_c the summed
// degree of c without the node), if that beats staying put; ties keep the
// node where it is, and between other communities the first met in the
// node's neighbour list wins. Passes repeat until one moves nothing (or
// louvainMaxPasses). The
// communities then become the nodes of the next level, and the method
// stops at the first level that moves nothing.
//
// The weights into neighbouring communities are gathered in a dense
// scratch array with a list of the entries touched, so a pass costs
// O(n + m) and aggregation O(n + m log d) for m edges and largest degree d.
func louvain(p *projection, resolution float64, rng *rand.Rand) (membership []int, count int) {
	g := &louvainGraph{start: p.undStart, adj: p.und, w: p.undW}
	membership = make([]int, p.n)
	for i := range membership {
		membership[i] = i
	}
	count = p.n
	for {
		comm, moved := louvainLevel(g, resolution, rng)
		if !moved {
			return membership, count
		}
		var relabel []int
		g, relabel, count = louvainAggregate(g, comm)
		for i, c := range membership {
			membership[i] = relabel[comm[c]]
		}
	}
}

// louvainLevel runs local moving on g from singleton communities and
// reports each node's community and whether any node moved.
func louvainLevel(g *louvainGraph, resolution float64, rng *rand.Rand) (comm []int, moved bool) {
	n := g.len()
	k, m2 := g.degrees()
	comm = make([]int, n)
	tot := make([]float64, n)
	order := make([]int, n)
	for i := range comm {
		comm[i], tot[i], order[i] = i, k[i], i
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })

	wc := make([]float64, n)     // weight from the current node into each community
	seen := make([]bool, n)      // whether the community is in touched
	touched := make([]int, 0, n) // communities met, in neighbour-list order
	for range louvainMaxPasses {
		moves := 0
		for _, i := range order {
			own := comm[i]
			for e := g.start[i]; e < g.start[i+1]; e++ {
				c := comm[g.adj[e]]
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				wc[c] += g.w[e]
			}
			tot[own] -= k[i]
			scale := resolution * k[i] / m2
			best, bestGain := own, wc[own]-scale*tot[own]
			for _, c := range touched {
				if gain := wc[c] - scale*tot[c]; c != own && gain > bestGain {
					best, bestGain = c, gain
				}
				wc[c], seen[c] = 0, false
			}
			touched = touched[:0]
			tot[best] += k[i]
			if best != own {
				comm[i] = best
				moves++
			}
		}
		if moves == 0 {
			break
		}
		moved = true
	}
	return comm, moved
}

// louvainAggregate contracts each community of g to one node. Communities
// are renumbered 0, 1, … in order of their lowest node (relabel maps old
// community numbers to new); edges inside a community become its self
// weight, parallel edges are summed, and every neighbour list is sorted.
func louvainAggregate(g *louvainGraph, comm []int) (next *louvainGraph, relabel []int, count int) {
	n := g.len()
	relabel = make([]int, n)
	for i := range relabel {
		relabel[i] = -1
	}
	for _, c := range comm {
		if relabel[c] < 0 {
			relabel[c] = count
			count++
		}
	}
	// Bucket the nodes by new community, keeping index order within each.
	memberStart := make([]int, count+1)
	for _, c := range comm {
		memberStart[relabel[c]+1]++
	}
	for c := range count {
		memberStart[c+1] += memberStart[c]
	}
	members := make([]int, n)
	fill := slices.Clone(memberStart[:count])
	for i, c := range comm {
		c = relabel[c]
		members[fill[c]] = i
		fill[c]++
	}

	next = &louvainGraph{
		start: make([]int, count+1),
		adj:   make([]int64, 0, len(g.adj)),
		w:     make([]float64, 0, len(g.adj)),
		self:  make([]float64, count),
	}
	wc := make([]float64, count)
	seen := make([]bool, count)
	touched := make([]int64, 0, count)
	for c := range count {
		var inside float64 // over ordered pairs, so each edge twice
		for _, i := range members[memberStart[c]:memberStart[c+1]] {
			if g.self != nil {
				next.self[c] += g.self[i]
			}
			for e := g.start[i]; e < g.start[i+1]; e++ {
				d := relabel[comm[g.adj[e]]]
				if d == c {
					inside += g.w[e]
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, int64(d))
				}
				wc[d] += g.w[e]
			}
		}
		next.self[c] += inside / 2
		slices.Sort(touched)
		for _, d := range touched {
			next.adj = append(next.adj, d)
			next.w = append(next.w, wc[d])
			wc[d], seen[d] = 0, false
		}
		touched = touched[:0]
		next.start[c+1] = len(next.adj)
	}
	return next, relabel, count
}

// louvainQ returns the modularity Q = Σ_c [in_c/m2 − γ·(tot_c/m2)²] of the
// partition membership of p's undirected neighbourhoods, in O(n + m): in_c
// sums w_ij over ordered pairs inside c, tot_c the degrees of c's members
// and m2 all degrees.
func louvainQ(p *projection, membership []int, count int, resolution float64) float64 {
	in := make([]float64, count)
	tot := make([]float64, count)
	var m2 float64
	for u := range p.n {
		c := membership[u]
		nb, w := p.neighbours(int64(u))
		for e, v := range nb {
			if membership[v] == c {
				in[c] += w[e]
			}
			tot[c] += w[e]
			m2 += w[e]
		}
	}
	var q float64
	for c := range count {
		f := tot[c] / m2
		q += in[c]/m2 - resolution*f*f
	}
	return q
}

// louvainGroups lists the members of each community, in ID order.
func louvainGroups(p *projection, membership []int, count int) [][]gg.Node {
	groups := make([][]gg.Node, count)
	for i, c := range membership {
		groups[c] = append(groups[c], p.nodes[i])
	}
	return groups
}
