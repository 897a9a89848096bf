// A bounded, approximately least-recently-used cache for hot sets (user agents, compiled validators).
//
// Two generations instead of a strict LRU: a hit in the young generation is a single Map lookup, whereas a
// strict LRU on a Map must delete and re-insert on every hit (measured ~6× slower per hit, and this sits on
// the ingestion path). Entries used since the last rotation survive it; the rest are dropped together.
// Never more than `capacity` entries in all, so a stream of unique keys cannot grow memory.
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generationSize: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError("LruCache capacity must be an integer ≥ 2");
    this.generationSize = Math.floor(capacity / 2);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) {
      // Still in use: promote, so the next rotation keeps it.
      this.old.delete(key);
      this.insertYoung(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.has(key)) this.young.set(key, value);
    else {
      this.old.delete(key);
      this.insertYoung(key, value);
    }
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  private insertYoung(key: K, value: V): void {
    if (this.young.size >= this.generationSize) {
      // Rotate: the old generation (entries not used since the last rotation) is dropped at once.
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
