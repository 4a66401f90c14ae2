#include "shadow_trees.h"

#if defined(__x86_64__)
#include <immintrin.h>

int shadow_trees_available(void) {
    static int answer = -1;
    if (answer < 0) {
        __builtin_cpu_init();
        answer = __builtin_cpu_supports("avx512f") ? 1 : 0;
    }
    return answer;
}

/// The 16 table entries at `table[idx[lane]]`: a permute within one register for tables of up to 16 entries (reading
/// up to 16 words from `table`, which the layout keeps in bounds), a gather for larger ones.
__attribute__((target("avx512f"))) static inline __m512i lookup(const uint32_t *table, int count, __m512i idx) {
    if (count <= 16) return _mm512_permutexvar_epi32(idx, _mm512_loadu_si512((const void *)table));
    return _mm512_i32gather_epi32(idx, (const void *)table, 4);
}

__attribute__((target("avx512f")))
void shadow_trees_block(const uint32_t *data, const int32_t *offsets, const int32_t *depths, const int32_t *groups,
                        int32_t trees, const float *columns, float *margins) {
    const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m512i one = _mm512_set1_epi32(1);
    const __m512i featureMask = _mm512_set1_epi32(0x7fffffff);
    const __m512i missingRight = _mm512_set1_epi32((int32_t)0x80000000u);
    for (int32_t t = 0; t < trees; t++) {
        const uint32_t *p = data + offsets[t];
        const int depth = depths[t];
        __m512i idx = _mm512_setzero_si512();
        for (int level = 0; level < depth; level++) {
            const int count = 1 << level;
            __m512 threshold, x;
            __m512i split;
            if (level == 0) {
                // Every lane is at the root: one threshold, one column read whole.
                threshold = _mm512_set1_ps(((const float *)p)[0]);
                split = _mm512_set1_epi32((int32_t)p[1]);
                x = _mm512_loadu_ps(columns + (p[1] & 0x7fffffffu));
            } else {
                threshold = _mm512_castsi512_ps(lookup(p, count, idx));
                split = lookup(p + count, count, idx);
                const __m512i at = _mm512_add_epi32(_mm512_and_si512(split, featureMask), iota);
                x = _mm512_i32gather_ps(at, (const void *)columns, 4);
            }
            p += 2 * count;
            // x >= threshold is false for NaN; a NaN goes right only where the split says so.
            const __mmask16 ge = _mm512_cmp_ps_mask(x, threshold, _CMP_GE_OQ);
            const __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
            const __mmask16 right = ge | (nan & _mm512_test_epi32_mask(split, missingRight));
            idx = _mm512_add_epi32(idx, idx);
            idx = _mm512_mask_add_epi32(idx, right, idx, one);
        }
        const __m512 leaf = _mm512_castsi512_ps(lookup(p, 1 << depth, idx));
        float *m = margins + (int64_t)groups[t] * SHADOW_TREES_LANES;
        _mm512_storeu_ps(m, _mm512_add_ps(_mm512_loadu_ps(m), leaf));
    }
}

#else

int shadow_trees_available(void) { return 0; }

void shadow_trees_block(const uint32_t *data, const int32_t *offsets, const int32_t *depths, const int32_t *groups,
                        int32_t trees, const float *columns, float *margins) {
    (void)data; (void)offsets; (void)depths; (void)groups; (void)trees; (void)columns; (void)margins;
}

#endif
