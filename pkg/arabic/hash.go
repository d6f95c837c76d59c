package arabic

// Hash returns the hash of a normalised word form, the one Text.Form
// gives for every form of every token: a dictionary keyed by it finds a
// token's forms without hashing their text again. Equal strings hash
// equal; tables still compare the text on a hash match, so a collision
// costs a probe, never a wrong match.
func Hash(s string) uint64 {
	var h uint64
	for i := len(s) - 1; i >= 0; i-- {
		h = h*hashMul + uint64(s[i])
	}
	return finalize(h, len(s))
}

// hashMul is the multiplier of the polynomial hash, odd and well mixed.
const hashMul = 0x9E3779B97F4A7C15

// maxFormOffset is the largest byte offset of a form in its word: و, ب
// and ال stripped, four two-byte letters.
const maxFormOffset = 8

// suffixHashes sets out[o] to Hash(w[o:]) for every even o < len(out)
// (and o < len(w)) in one backward pass over w: a word's forms are its
// suffixes, at even offsets (clitics are two-byte letters), so all their
// hashes cost one walk over its bytes, two at a time:
// h(i) = h(i+2)·m² + w[i+1]·m + w[i], one multiplication on the chain
// for every two bytes.
func suffixHashes(w string, out []uint64) {
	m := uint64(hashMul)
	m2 := m * m // wraps, as the one-byte steps do
	var h uint64
	i := len(w) - 2
	if len(w)%2 == 1 {
		h = uint64(w[len(w)-1])
		i = len(w) - 3
		if len(w)-1 < len(out) {
			out[len(w)-1] = finalize(h, 1)
		}
	}
	for ; i >= 0; i -= 2 {
		h = h*m2 + uint64(w[i+1])*m + uint64(w[i])
		if i < len(out) {
			out[i] = finalize(h, len(w)-i)
		}
	}
}

// finalize mixes the polynomial hash (splitmix64's finaliser) so that
// tables may index by its low bits.
func finalize(h uint64, n int) uint64 {
	h ^= uint64(n) * 0xBF58476D1CE4E5B9
	h ^= h >> 30
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	h ^= h >> 31
	return h
}
