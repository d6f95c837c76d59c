package main

import "sort"

// frequency is one string and how often a report saw it.
type frequency struct {
	key string
	n   int
}

// mostFrequent orders counts from the most frequent, ties by key, so that
// reports print the same lines on every run.
func mostFrequent(counts map[string]int) []frequency {
	out := make([]frequency, 0, len(counts))
	for k, n := range counts {
		out = append(out, frequency{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	return out
}
