// Unit tests (plain node, no browser) of the concept filter language: parsing, precedence, errors, evaluation.
import { describe, expect, test } from 'vitest';
import { evaluate, filterTerms, formatFilter, parseFilter, positiveTerms, tokenize, type FilterNode } from '../../src/filter/parse.ts';

const ast = (input: string): FilterNode | null => {
  const r = parseFilter(input);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.ast;
};
const canonical = (input: string): string => formatFilter(ast(input));
const error = (input: string): { message: string; start: number; end: number } => {
  const r = parseFilter(input);
  if (r.ok) throw new Error(`expected an error for ${input}`);
  return r.error;
};
/** Evaluates against a set of concept names a paper has. */
const matches = (input: string, has: string[]): boolean => {
  const tree = ast(input);
  if (!tree) throw new Error('empty');
  return evaluate(tree, (t) => has.includes(t.name.toLowerCase()));
};

describe('parseFilter', () => {
  test('a run of words is one concept name', () => {
    expect(ast('KV cache')).toEqual({ type: 'term', name: 'KV cache', start: 0, end: 8 });
    expect(ast('  vision   transformer ')).toMatchObject({ type: 'term', name: 'vision transformer' });
  });

  test('empty and blank input is no filter', () => {
    expect(parseFilter('')).toEqual({ ok: true, ast: null });
    expect(parseFilter('   ')).toEqual({ ok: true, ast: null });
  });

  test('the brief examples', () => {
    expect(canonical('INT4 AND KV cache')).toBe('INT4 AND KV cache');
    expect(canonical('quantization NOT vision transformer')).toBe('quantization NOT vision transformer');
    expect(canonical('INR OR NeRV')).toBe('INR OR NeRV');
    expect(ast('quantization NOT vision transformer')).toMatchObject({
      type: 'and',
      left: { type: 'term', name: 'quantization' },
      right: { type: 'not', operand: { type: 'term', name: 'vision transformer' } },
    });
  });

  test('AND binds tighter than OR; parentheses group', () => {
    expect(ast('a OR b AND c')).toMatchObject({ type: 'or', left: { name: 'a' }, right: { type: 'and' } });
    expect(canonical('(a OR b) AND c')).toBe('(a OR b) AND c');
    expect(canonical('a AND (b OR c) NOT d')).toBe('a AND (b OR c) NOT d');
    expect(canonical('NOT (a OR b)')).toBe('NOT (a OR b)');
    expect(canonical('NOT NOT a')).toBe('NOT NOT a');
  });

  test('symbols and quotes', () => {
    expect(canonical('a & b | !c')).toBe('a AND b OR NOT c');
    expect(canonical('a && b || c')).toBe('a AND b OR c');
    expect(ast('"AND gate" OR x')).toMatchObject({ type: 'or', left: { type: 'term', name: 'AND gate' } });
    expect(canonical('"AND gate"')).toBe('"AND gate"');
  });

  test('lower-case and/or/not are words of a name, not operators', () => {
    expect(ast('give me bf16 or give me death')).toMatchObject({ type: 'term', name: 'give me bf16 or give me death' });
  });

  test('errors name the problem and where it is', () => {
    expect(error('AND kv cache')).toMatchObject({ message: 'a concept name is missing before “AND”', start: 0, end: 3 });
    expect(error('INT4 AND')).toMatchObject({ message: 'a concept name is missing at the end', start: 8, end: 8 });
    expect(error('a OR OR b').message).toContain('missing before “OR”');
    expect(error('(a OR b').message).toBe('a “(” is not closed');
    expect(error('a OR b)')).toMatchObject({ message: 'a “)” has no matching “(”', start: 6 });
    expect(error('()').message).toContain('missing before “)”');
    expect(error('""').message).toBe('an empty name in quotes');
  });

  test('never throws, whatever the input', () => {
    const inputs = ['(((', ')))', 'NOT', '!!!', '"', '&|!()"', 'a'.repeat(5000), '<img src=x onerror=alert(1)>', '\u0000\u202e', 'AND OR NOT'];
    for (const input of inputs) expect(() => parseFilter(input)).not.toThrow();
    // Over-long input is cut, not parsed whole.
    const long = parseFilter(`${'x '.repeat(400)}AND`);
    expect(long.ok).toBe(true);
  });
});

describe('evaluate', () => {
  test('AND, OR, NOT on a paper’s concepts', () => {
    expect(matches('INT4 AND KV cache', ['int4', 'kv cache'])).toBe(true);
    expect(matches('INT4 AND KV cache', ['int4'])).toBe(false);
    expect(matches('INR OR NeRV', ['nerv'])).toBe(true);
    expect(matches('INR OR NeRV', ['psnr'])).toBe(false);
    expect(matches('quantization NOT vision transformer', ['quantization'])).toBe(true);
    expect(matches('quantization NOT vision transformer', ['quantization', 'vision transformer'])).toBe(false);
    expect(matches('NOT a', [])).toBe(true);
    expect(matches('(a OR b) AND NOT c', ['b'])).toBe(true);
    expect(matches('(a OR b) AND NOT c', ['b', 'c'])).toBe(false);
  });

  test('terms and positive terms', () => {
    const tree = ast('a AND NOT b OR NOT NOT c');
    expect(filterTerms(tree).map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(positiveTerms(tree).map((t) => t.name)).toEqual(['a', 'c']);
  });

  test('tokenize keeps offsets', () => {
    expect(tokenize('(KV cache)').map((t) => [t.kind, t.start, t.end])).toEqual([
      ['open', 0, 1],
      ['word', 1, 3],
      ['word', 4, 9],
      ['close', 9, 10],
    ]);
  });
});
