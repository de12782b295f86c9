/** Set operations on strictly increasing Uint32Arrays (postings lists of document numbers). */

/** First index in `list` at or after `from` whose value is >= `target` (galloping, then binary search). */
const seek = (list: Uint32Array, from: number, target: number): number => {
  let step = 1;
  let low = from;
  let high = from;
  while (high < list.length && (list[high] ?? 0) < target) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** a ∩ b. Gallops through the longer list when the lengths differ a lot. */
export const intersect = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Uint32Array(small.length);
  let n = 0;
  if (large.length > small.length * 8) {
    let j = 0;
    for (let i = 0; i < small.length && j < large.length; i += 1) {
      const value = small[i] ?? 0;
      j = seek(large, j, value);
      if (large[j] === value) out[n++] = value;
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < small.length && j < large.length) {
      const x = small[i] ?? 0;
      const y = large[j] ?? 0;
      if (x === y) {
        out[n++] = x;
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
  }
  return out.subarray(0, n);
};

/** a ∪ b. */
export const union = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] ?? 0) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (x <= y) {
      out[n++] = x;
      i += 1;
      if (x === y) j += 1;
    } else {
      out[n++] = y;
      j += 1;
    }
  }
  return out.subarray(0, n);
};
