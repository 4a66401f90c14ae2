#include "shadow_trees.h"

#if defined(__x86_64__)
#include <immintrin.h>

int shadow_trees_available(void) {
    // Threads loading models may ask at once: each computes the same answer, and the accesses are atomic.
    static int answer = -1;
    int known = __atomic_load_n(&answer, __ATOMIC_RELAXED);
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx512f") ? 1 : 0;
        __atomic_store_n(&answer, known, __ATOMIC_RELAXED);
    }
    return known;
}

/// The 16 table entries at `table[idx[lane]]`: a permute within one register for tables of up to 16 entries (reading
/// 16 words from `table`, which the layout keeps in bounds), a gather for larger ones.
__attribute__((target("avx512f"))) static inline __m512i lookup(const uint32_t *table, int count, __m512i idx) {
    if (count <= 16) return _mm512_permutexvar_epi32(idx, _mm512_loadu_si512((const void *)table));
    return _mm512_i32gather_epi32(idx, (const void *)table, 4);
}

/// One level down one tree for the 16 lanes at `idx` (their positions within level `level`, which starts
/// 2·(2^level - 1) words into the tree: 2^level - 1 thresholds and as many split words above it).
__attribute__((target("avx512f"))) static inline __m512i descend(const uint32_t *tree, int level, __m512i idx,
                                                                 const float *columns) {
    const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const int count = 1 << level;
    const uint32_t *p = tree + 2 * (count - 1);
    __m512 threshold, x;
    __m512i split;
    if (level == 0) {
        // Every lane is at the root: one threshold, and the root's column read whole.
        threshold = _mm512_set1_ps(((const float *)p)[0]);
        split = _mm512_set1_epi32((int32_t)p[1]);
        x = _mm512_loadu_ps(columns + (p[1] & 0x7fffffffu));
    } else if (count <= 8) {
        // Few nodes: read each node's column whole and keep, per lane, the one of its node (cheaper than a gather).
        threshold = _mm512_castsi512_ps(lookup(p, count, idx));
        split = lookup(p + count, count, idx);
        x = _mm512_loadu_ps(columns + (p[count] & 0x7fffffffu));
        for (int j = 1; j < count; j++) {
            const __mmask16 here = _mm512_cmpeq_epi32_mask(idx, _mm512_set1_epi32(j));
            x = _mm512_mask_loadu_ps(x, here, columns + (p[count + j] & 0x7fffffffu));
        }
    } else {
        threshold = _mm512_castsi512_ps(lookup(p, count, idx));
        split = lookup(p + count, count, idx);
        const __m512i at = _mm512_add_epi32(_mm512_and_si512(split, _mm512_set1_epi32(0x7fffffff)), iota);
        x = _mm512_i32gather_ps(at, (const void *)columns, 4);
    }
    // x >= threshold is false for NaN; a NaN goes right only where the split says so.
    const __mmask16 ge = _mm512_cmp_ps_mask(x, threshold, _CMP_GE_OQ);
    const __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
    const __mmask16 right = ge | (nan & _mm512_test_epi32_mask(split, _mm512_set1_epi32((int32_t)0x80000000u)));
    idx = _mm512_add_epi32(idx, idx);
    return _mm512_mask_add_epi32(idx, right, idx, _mm512_set1_epi32(1));
}

/// The leaf values of one tree at the lanes' final positions.
__attribute__((target("avx512f"))) static inline __m512 leaves(const uint32_t *tree, int depth, __m512i idx) {
    return _mm512_castsi512_ps(lookup(tree + 2 * ((1 << depth) - 1), 1 << depth, idx));
}

/// Trees walked side by side: independent chains of loads and compares, which the core overlaps (on the benchmark
/// model, 8 gave 5.2M rows/s, 4 gave 4.4M and 16 gave 5.0M).
#define TREES_AT_ONCE 8

__attribute__((target("avx512f")))
void shadow_trees_block(const uint32_t *data, int32_t depth, const int32_t *groups, int32_t trees,
                        const float *columns, float *margins) {
    const int64_t words = shadow_trees_words(depth);
    int32_t t = 0;
    // The leaves of each group of trees are added in tree order.
    for (; t + TREES_AT_ONCE <= trees; t += TREES_AT_ONCE) {
        const uint32_t *tree[TREES_AT_ONCE];
        __m512i at[TREES_AT_ONCE];
        for (int k = 0; k < TREES_AT_ONCE; k++) {
            tree[k] = data + (t + k) * words;
            at[k] = _mm512_setzero_si512();
        }
        for (int level = 0; level < depth; level++) {
            for (int k = 0; k < TREES_AT_ONCE; k++) at[k] = descend(tree[k], level, at[k], columns);
        }
        for (int k = 0; k < TREES_AT_ONCE; k++) {
            float *m = margins + (int64_t)groups[t + k] * SHADOW_TREES_LANES;
            _mm512_storeu_ps(m, _mm512_add_ps(_mm512_loadu_ps(m), leaves(tree[k], depth, at[k])));
        }
    }
    for (; t < trees; t++) {
        const uint32_t *a = data + t * words;
        __m512i ia = _mm512_setzero_si512();
        for (int level = 0; level < depth; level++) ia = descend(a, level, ia, columns);
        float *m = margins + (int64_t)groups[t] * SHADOW_TREES_LANES;
        _mm512_storeu_ps(m, _mm512_add_ps(_mm512_loadu_ps(m), leaves(a, depth, ia)));
    }
}

#else

int shadow_trees_available(void) { return 0; }

void shadow_trees_block(const uint32_t *data, int32_t depth, const int32_t *groups, int32_t trees,
                        const float *columns, float *margins) {
    (void)data; (void)depth; (void)groups; (void)trees; (void)columns; (void)margins;
}

#endif
