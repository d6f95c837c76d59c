// Package grow appends to slices that may grow huge on a pathological
// text, doubling them: Go's append grows a large slice by a quarter at a
// time, so that one ending with n elements has cost about 5n in
// allocations; doubling costs at most 2n. Small slices grow as append
// grows them.
package grow

// Append appends v to s, doubling s's capacity when it is full.
func Append[T any](s []T, v T) []T {
	if len(s) == cap(s) && cap(s) >= 256 {
		out := make([]T, len(s), 2*cap(s))
		copy(out, s)
		s = out
	}
	return append(s, v)
}
