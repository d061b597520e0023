package timeline

// index lists the clusters filed under each key (a day, a value) in order
// of filing: linked lists in one slice of nodes, rather than a slice per
// key that allocates as it grows.
type index[K comparable] struct {
	ends  map[K][2]int32 // the first and last node of each key's list
	nodes []indexNode
}

type indexNode struct {
	k    *cluster
	next int32 // the next node of the list, or -1
}

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

// add files k under key.
func (x *index[K]) add(key K, k *cluster) {
	n := int32(len(x.nodes))
	x.nodes = append(x.nodes, indexNode{k, -1})
	if e, ok := x.ends[key]; ok {
		x.nodes[e[1]].next = n
		x.ends[key] = [2]int32{e[0], n}
	} else {
		x.ends[key] = [2]int32{n, n}
	}
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

// appendTo appends the clusters filed under key to dst.
func (x *index[K]) appendTo(dst []*cluster, key K) []*cluster {
	x.each(key, func(k *cluster) { dst = append(dst, k) })
	return dst
}
