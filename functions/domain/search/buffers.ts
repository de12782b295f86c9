/** Growable typed buffers and LEB128 varints: the index's storage format in memory and on disk. */

export class U32Builder {
  private data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view; copy it if the builder keeps growing). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export class ByteWriter {
  private data: Uint8Array;
  length = 0;

  constructor(initialCapacity = 1 << 16) {
    this.data = new Uint8Array(Math.max(64, initialCapacity));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** Unsigned LEB128 of a non-negative integer below 2^53 (arithmetic, not 32-bit shifts). */
  varint(value: number): void {
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.data[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.data[this.length++] = v;
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.data.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Length-prefixed bytes. */
  block(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.bytes(bytes);
  }

  /** An exact-size copy of what was written. */
  toBytes(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

export class ByteReader {
  offset = 0;
  private readonly data: Uint8Array;

  constructor(bytes: Uint8Array) {
    // A plain Uint8Array view even of a Node Buffer, whose slice() would not copy.
    this.data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.data[this.offset++];
      if (byte === undefined) throw new RangeError('search index: truncated varint');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  bytes(length: number): Uint8Array {
    if (this.offset + length > this.data.length) throw new RangeError('search index: truncated block');
    const view = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  block(): Uint8Array {
    return this.bytes(this.varint());
  }
}
