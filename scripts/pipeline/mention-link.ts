// A paper's mentions of a concept — the attributes of their edge — with the spans packed into numbers. A map of
// 100,000 papers has 2.5 million such edges; as arrays of [start, end] arrays their spans took ~630 MB of heap,
// packed they take a few bytes each. They read, and serialize, as the contract's plain MentionEdgeAttributes.
import type { MentionEdgeAttributes, Span } from '../../src/contract/types.ts';
import type { JsonText } from './emit.ts';

/** Spans of many links, end to end: [start, end] pairs, title spans first then abstract spans per link. */
export class SpanPool {
  private data = new Int32Array(1024);
  private size = 0;

  /** Appends the spans and returns where they start. */
  add(spans: readonly Span[]): number {
    const at = this.size;
    if (this.size + 2 * spans.length > this.data.length) {
      const grown = new Int32Array(Math.max(2 * this.data.length, this.size + 2 * spans.length));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    for (const [s, e] of spans) (this.data[this.size++] = s), (this.data[this.size++] = e);
    return at;
  }

  /** The spans as JSON, "[[s,e],[s,e]]": what JSON.stringify(this.spans(at, count)) gives, without the arrays. */
  spansJson(at: number, count: number): string {
    let out = '[';
    for (let i = 0; i < count; i++) out += `${i > 0 ? ',' : ''}[${this.data[at + 2 * i]!},${this.data[at + 2 * i + 1]!}]`;
    return `${out}]`;
  }

  spans(at: number, count: number): Span[] {
    const out: Span[] = new Array<Span>(count);
    for (let i = 0; i < count; i++) out[i] = [this.data[at + 2 * i]!, this.data[at + 2 * i + 1]!];
    return out;
  }
}

export class MentionLink implements MentionEdgeAttributes, JsonText {
  readonly #pool: SpanPool;
  readonly #at: number;
  readonly #titles: number;
  readonly #abstracts: number;

  constructor(
    readonly weight: number,
    pool: SpanPool,
    titleSpans: readonly Span[],
    abstractSpans: readonly Span[],
  ) {
    this.#pool = pool;
    this.#at = pool.add(titleSpans);
    pool.add(abstractSpans);
    this.#titles = titleSpans.length;
    this.#abstracts = abstractSpans.length;
  }

  get kind(): 'mentions' {
    return 'mentions';
  }

  /** A new array on every read. */
  get titleSpans(): Span[] {
    return this.#pool.spans(this.#at, this.#titles);
  }

  /** A new array on every read. */
  get abstractSpans(): Span[] {
    return this.#pool.spans(this.#at + 2 * this.#titles, this.#abstracts);
  }

  /** JSON.stringify(this), made directly (a big map writes millions of these). */
  jsonText(): string {
    const pool = this.#pool;
    return `{"kind":"mentions","weight":${JSON.stringify(this.weight)},"titleSpans":${pool.spansJson(this.#at, this.#titles)},"abstractSpans":${pool.spansJson(this.#at + 2 * this.#titles, this.#abstracts)}}`;
  }

  toJSON(): MentionEdgeAttributes {
    return { kind: 'mentions', weight: this.weight, titleSpans: this.titleSpans, abstractSpans: this.abstractSpans };
  }
}
