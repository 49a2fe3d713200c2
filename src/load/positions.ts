/**
 * Where every value of a data file was written, kept compact. The YAML document model holds a
 * node object per value, with its source tokens and comments: about 33 times the file's size in
 * heap, and it used to live as long as the build. Diagnostics only ever ask three things of it —
 * the line and column of the value a JSON pointer names (or of its nearest existing ancestor),
 * the position of a key inside a mapping, and whether a scalar was written without quotes — so
 * after the loader's checks the tree is walked once into a few flat arrays (one slot per value,
 * one per mapping entry or list item) and the document model is dropped. Answers are the same
 * as walking the document model: the lookup follows the same rules (a key by its text, a list
 * item by its index, an alias or a missing segment stops at the last node found).
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/** What a slot holds: a scalar written plain, any other scalar, a mapping, a list, an alias. */
const PLAIN = 0;
const QUOTED = 1;
const MAP = 2;
const SEQ = 3;
const OTHER = 4;

/** What a slot holds, for the builders (plain-yaml.ts writes slots as it reads). */
export const SLOT = { plain: PLAIN, quoted: QUOTED, map: MAP, seq: SEQ, other: OTHER } as const;

/**
 * Writes an index slot by slot, for both builders: a slot per value in document order (a
 * collection's slot opened before its children's), a collection's entries appended together
 * when it closes — after its children's, so a reader can write them as it goes.
 */
export class PositionWriter {
  private readonly start: number[] = [];
  private readonly kind: number[] = [];
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  private readonly entryKey: (string | null)[] = [];
  private readonly entryKeyAt: number[] = [];
  private readonly entryNode: number[] = [];

  /** A new slot: `kind` one of SLOT, `start` its offset (-1 when not known yet, see `startAt`). */
  open(kind: number, start: number): number {
    this.start.push(start);
    this.kind.push(kind);
    this.first.push(0);
    this.count.push(0);
    return this.start.length - 1;
  }

  startAt(slot: number, start: number): void {
    this.start[slot] = start;
  }

  /**
   * A collection's entries, in order: the value's slot, the key and the key's offset (`keys`
   * and `keyAts` null for a list: no key, offset -1).
   */
  close(slot: number, nodes: readonly number[], keys: readonly (string | null)[] | null = null, keyAts: readonly number[] | null = null): void {
    this.first[slot] = this.entryNode.length;
    this.count[slot] = nodes.length;
    for (let i = 0; i < nodes.length; i++) {
      this.entryKey.push(keys ? keys[i]! : null);
      this.entryKeyAt.push(keyAts ? keyAts[i]! : -1);
      this.entryNode.push(nodes[i]!);
    }
  }

  finish(lineStarts: ArrayLike<number>): PositionIndex {
    return new PositionIndex(new Int32Array(lineStarts), new Int32Array(this.start), new Uint8Array(this.kind), new Int32Array(this.first),
      new Int32Array(this.count), this.entryKey, new Int32Array(this.entryKeyAt), new Int32Array(this.entryNode));
  }
}

export interface Found {
  /** Slot of the node found, -1 when the document is empty. */
  node: number;
  /** True when every segment of the pointer was found. */
  exact: boolean;
}

export class PositionIndex {
  /** Made by PositionWriter.finish. */
  constructor(
    /** Offset of each line's first character (LineCounter's list, as 32-bit integers). */
    private readonly lineStarts: Int32Array,
    private readonly start: Int32Array,
    private readonly kind: Uint8Array,
    private readonly first: Int32Array,
    private readonly count: Int32Array,
    /** Per entry: the key's text (null for a list item), the key's offset, the value's slot. */
    private readonly entryKey: (string | null)[],
    private readonly entryKeyAt: Int32Array,
    private readonly entryNode: Int32Array,
  ) {}

  /** One walk of the parsed document; the document can be dropped afterwards. */
  static build(doc: Document.Parsed, lc: LineCounter): PositionIndex {
    const w = new PositionWriter();
    const add = (node: YamlNode): number => {
      const start = node.range?.[0] ?? -1;
      if (isScalar(node)) return w.open(node.type === 'PLAIN' || node.type === undefined ? PLAIN : QUOTED, start);
      if (!isMap(node) && !isSeq(node)) return w.open(OTHER, start);
      const slot = w.open(isMap(node) ? MAP : SEQ, start);
      const keys: (string | null)[] = [];
      const keyAts: number[] = [];
      const nodes: number[] = [];
      for (const item of node.items as unknown[]) {
        const key = isMap(node) && isPair(item) && isScalar(item.key) ? item.key : null;
        keys.push(isMap(node) ? (key ? String(key.value) : '\u0000') : null);
        keyAts.push(key?.range?.[0] ?? -1);
        const value = isPair(item) ? item.value : item;
        nodes.push(value && typeof value === 'object' && 'range' in (value as object) ? add(value as YamlNode) : -1);
      }
      w.close(slot, nodes, keys, keyAts);
      return slot;
    };
    if (doc.contents) add(doc.contents as YamlNode);
    return w.finish(lc.lineStarts);
  }

  /** The arrays, to compare two indexes (tests). */
  snapshot(): unknown {
    return { lineStarts: [...this.lineStarts], start: [...this.start], kind: [...this.kind], first: [...this.first], count: [...this.count],
      entryKey: this.entryKey, entryKeyAt: [...this.entryKeyAt], entryNode: [...this.entryNode] };
  }

  /** The node a pointer's segments name, or the deepest existing ancestor. */
  find(segments: readonly string[]): Found {
    if (!this.start.length) return { node: -1, exact: false };
    let node = 0;
    for (const seg of segments) {
      const next = this.child(node, seg);
      if (next < 0) return { node, exact: false };
      node = next;
    }
    return { node, exact: true };
  }

  private child(node: number, seg: string): number {
    const k = this.kind[node];
    const from = this.first[node];
    if (k === SEQ) {
      const i = Number(seg);
      return Number.isInteger(i) && i >= 0 && i < this.count[node] ? this.entryNode[from + i] : -1;
    }
    if (k !== MAP) return -1;
    for (let e = from; e < from + this.count[node]; e++) if (this.entryKey[e] === seg) return this.entryNode[e];
    return -1;
  }

  /** Offset where the node starts (undefined for none). */
  offsetOf(node: number): number | undefined {
    const at = node >= 0 ? this.start[node] : -1;
    return at >= 0 ? at : undefined;
  }

  /** Offset of `key` inside the mapping `node`, else undefined. */
  keyOffset(node: number, key: string): number | undefined {
    if (node < 0 || this.kind[node] !== MAP) return undefined;
    const from = this.first[node];
    for (let e = from; e < from + this.count[node]; e++) {
      if (this.entryKey[e] === key && this.entryKeyAt[e] >= 0) return this.entryKeyAt[e];
    }
    return undefined;
  }

  isPlainScalar(node: number): boolean {
    return node >= 0 && this.kind[node] === PLAIN;
  }

  /** 1-based line and column of an offset (LineCounter's rule). */
  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.lineStarts[mid]) hi = mid;
      else lo = mid + 1;
    }
    if (lo === 0) return { line: 0, col: offset };
    return { line: lo, col: offset - this.lineStarts[lo - 1] + 1 };
  }

  /** Slots held (for tests and the memory note). */
  get size(): number {
    return this.start.length;
  }
}
