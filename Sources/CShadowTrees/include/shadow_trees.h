#ifndef SHADOW_TREES_H
#define SHADOW_TREES_H
#include <stdint.h>

/// Rows evaluated by one call of `shadow_trees_block`: one per lane of a 512-bit vector of floats.
#define SHADOW_TREES_LANES 16

/// Whether this CPU can run `shadow_trees_block` (AVX-512F). Read once; later calls return the same answer.
int shadow_trees_available(void);

/// The number of 32-bit words one complete tree of `depth` levels takes in `shadow_trees_block`'s layout.
static inline int32_t shadow_trees_words(int32_t depth) { return 3 * (1 << depth) - 2; }

/// Adds every tree's leaf to the margins of `SHADOW_TREES_LANES` rows at once.
///
/// Every tree is complete, with all its leaves at depth `depth`, and takes `shadow_trees_words(depth)` words from
/// `data + t * shadow_trees_words(depth)`: for each level l < depth, 2^l thresholds (floats) then 2^l split words
/// (feature × 16 in the low 31 bits, bit 31 set when a missing value goes right), then 2^depth leaf values. A row goes
/// right when its value is ≥ the threshold, or is NaN at a split whose missing values go right. `data` must stay
/// readable 16 words past the last tree.
///
/// `columns` holds the rows' features column by column: feature f of lane r at `columns[f * 16 + r]`. `margins`
/// holds one vector of 16 floats per output group (group g of lane r at `margins[g * 16 + r]`); tree t adds to group
/// `groups[t]`. Each lane adds the trees in order, in float32, so its sums are those of a row-at-a-time walk.
void shadow_trees_block(const uint32_t *data, int32_t depth, const int32_t *groups, int32_t trees,
                        const float *columns, float *margins);

#endif
