package timeline

// index lists the clusters filed under each key (a day, a value) in order
// of filing: linked lists in one slice of nodes, rather than a slice per
// key that allocates as it grows.
type index[K comparable] struct {
	ends  map[K][2]int32 // the first and last node of each key's list
	nodes []indexNode
}

type indexNode struct {
	k     *cluster
	next  int32 // the next node of the list, or -1
	kind  kind8 // k's kind, which is its root's (only events of a kind merge)
	flags nodeFlags
}

// kind8 is a Kind in a byte, to keep an index node in 16 bytes.
type kind8 = uint8

// nodeFlags tell, from the node alone, that the cluster of a day's node is
// an event mergeEvents may pass over without reading it (see refresh in
// mergeEvents). Zero is the safe value: look at the cluster.
type nodeFlags uint8

const (
	// weakRoot: the cluster is of one day, absorbed by none, and has no
	// member dated by an expression of its own.
	weakRoot nodeFlags = 1 << iota
	// plainRoot: weakRoot, and no member takes its date from its context.
	plainRoot
)

// reset empties x for another merge and returns it.
func (x *index[K]) reset() *index[K] {
	if x.ends == nil {
		x.ends = map[K][2]int32{}
	}
	clear(x.ends)
	clear(x.nodes)
	x.nodes = x.nodes[:0]
	return x
}

// add files k under key and returns its node.
func (x *index[K]) add(key K, k *cluster) int32 {
	n := int32(len(x.nodes))
	x.nodes = append(x.nodes, indexNode{k: k, next: -1, kind: kind8(k.kind)})
	if e, ok := x.ends[key]; ok {
		x.nodes[e[1]].next = n
		x.ends[key] = [2]int32{e[0], n}
	} else {
		x.ends[key] = [2]int32{n, n}
	}
	return n
}

// each calls f with the clusters filed under key, in order of filing.
func (x *index[K]) each(key K, f func(*cluster)) {
	e, ok := x.ends[key]
	if !ok {
		return
	}
	for i := e[0]; i >= 0; i = x.nodes[i].next {
		f(x.nodes[i].k)
	}
}

// splice moves the clusters filed under src to the end of dst's list.
func (x *index[K]) splice(dst, src K) {
	s, ok := x.ends[src]
	if !ok {
		return
	}
	delete(x.ends, src)
	if e, ok := x.ends[dst]; ok {
		x.nodes[e[1]].next = s[0]
		x.ends[dst] = [2]int32{e[0], s[1]}
	} else {
		x.ends[dst] = s
	}
}

// copyTo files in dst, under the same keys and in the same order, the
// clusters of x whose nodes have no flag of skip.
func (x *index[K]) copyTo(dst *index[K], skip nodeFlags) {
	for key, e := range x.ends {
		for i := e[0]; i >= 0; i = x.nodes[i].next {
			if nd := &x.nodes[i]; nd.flags&skip == 0 {
				dst.add(key, nd.k)
			}
		}
	}
}

// scan calls f with the clusters of kind kind filed under key, in order
// of filing, passing over those whose node has a flag of skip and, when
// found > 0, the weak roots whose found mark is not found.
func (x *index[K]) scan(key K, kind Kind, skip nodeFlags, found int, f func(*cluster)) {
	e, ok := x.ends[key]
	if !ok {
		return
	}
	k8 := kind8(kind)
	for i := e[0]; i >= 0; {
		nd := &x.nodes[i]
		if nd.kind == k8 && nd.flags&skip == 0 && (found == 0 || nd.flags&weakRoot == 0 || nd.k.found == found) {
			f(nd.k)
		}
		i = nd.next
	}
}

// appendTo appends the clusters filed under key to dst.
func (x *index[K]) appendTo(dst []*cluster, key K) []*cluster {
	x.each(key, func(k *cluster) { dst = append(dst, k) })
	return dst
}
