// Concept filter language, pure: `INT4 AND KV cache`, `quantization NOT vision transformer`, `(INR OR NeRV) AND video`.
// Operators are the upper-case words AND, OR, NOT (or &, |, !); a run of other words is one concept name; quotes keep
// operator words inside a name ("AND gate"). NOT between two names means AND NOT. AND binds tighter than OR.

export interface TermNode {
  readonly type: 'term';
  /** The concept name as typed, words joined by single spaces. */
  readonly name: string;
  /** [start, end) offsets in the input, for inline error reports. */
  readonly start: number;
  readonly end: number;
}
export type FilterNode =
  | TermNode
  | { readonly type: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly type: 'not'; readonly operand: FilterNode };

export interface FilterError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export type ParseResult = { ok: true; ast: FilterNode | null } | { ok: false; error: FilterError };

/** Longest input parsed (a pasted essay or a crafted URL is cut, not parsed). */
export const MAX_FILTER_LENGTH = 300;

type Token =
  | { kind: 'word'; text: string; start: number; end: number; quoted: boolean }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; text: string; start: number; end: number };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not', '&': 'and', '&&': 'and', '|': 'or', '||': 'or', '!': 'not' };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"?|\(|\)|&&|\|\||[&|!]|[^\s()"&|!]+/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    if (text === '(') tokens.push({ kind: 'open', text, start, end });
    else if (text === ')') tokens.push({ kind: 'close', text, start, end });
    else if (text.startsWith('"')) tokens.push({ kind: 'word', text: (m[1] ?? '').trim(), start, end, quoted: true });
    else {
      const op = OPERATORS[text];
      tokens.push(op ? { kind: op, text, start, end } : { kind: 'word', text, start, end, quoted: false });
    }
  }
  return tokens;
}

class ParseFailure extends Error {
  constructor(readonly error: FilterError) {
    super(error.message);
  }
}

/** Parses a filter; an empty or blank input gives `ast: null` (no filter). Never throws. */
export function parseFilter(raw: string): ParseResult {
  const input = raw.slice(0, MAX_FILTER_LENGTH);
  const tokens = tokenize(input);
  if (tokens.length === 0) return { ok: true, ast: null };
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const fail = (message: string, token?: Token): never => {
    throw new ParseFailure({ message, start: token?.start ?? input.length, end: token?.end ?? input.length });
  };

  const term = (): FilterNode => {
    const first = peek();
    if (!first) return fail('a concept name is missing at the end');
    if (first.kind === 'open') {
      at++;
      const inner = or();
      const close = peek();
      if (close?.kind !== 'close') return fail('a “(” is not closed', first);
      at++;
      return inner;
    }
    if (first.kind === 'not') {
      at++;
      return { type: 'not', operand: term() };
    }
    if (first.kind !== 'word') return fail(`a concept name is missing before “${first.text}”`, first);
    const words: string[] = [];
    let end = first.end;
    for (let t = peek(); t?.kind === 'word'; t = peek()) {
      if (t.text) words.push(t.text);
      end = t.end;
      at++;
    }
    const name = words.join(' ').replace(/\s+/g, ' ').trim();
    if (!name) return fail('an empty name in quotes', first);
    return { type: 'term', name, start: first.start, end };
  };

  const and = (): FilterNode => {
    let left = term();
    for (let t = peek(); t && t.kind !== 'or' && t.kind !== 'close'; t = peek()) {
      if (t.kind === 'and') {
        at++;
        left = { type: 'and', left, right: term() };
      } else {
        // "A NOT B" and "A (B)": an implicit AND (the NOT is read by term()).
        left = { type: 'and', left, right: term() };
      }
    }
    return left;
  };

  const or = (): FilterNode => {
    let left = and();
    while (peek()?.kind === 'or') {
      at++;
      left = { type: 'or', left, right: and() };
    }
    return left;
  };

  try {
    const ast = or();
    const rest = peek();
    if (rest) fail(rest.kind === 'close' ? 'a “)” has no matching “(”' : `unexpected “${rest.text}”`, rest);
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** The names in a filter, in order of appearance. */
export function filterTerms(ast: FilterNode | null): TermNode[] {
  if (!ast) return [];
  if (ast.type === 'term') return [ast];
  if (ast.type === 'not') return filterTerms(ast.operand);
  return [...filterTerms(ast.left), ...filterTerms(ast.right)];
}

/** Names that count for a match (not under a NOT): the concepts that "explain" why a paper matched. */
export function positiveTerms(ast: FilterNode | null, negated = false): TermNode[] {
  if (!ast) return [];
  if (ast.type === 'term') return negated ? [] : [ast];
  if (ast.type === 'not') return positiveTerms(ast.operand, !negated);
  return [...positiveTerms(ast.left, negated), ...positiveTerms(ast.right, negated)];
}

/** True when `has(term)` makes the expression true. */
export function evaluate(ast: FilterNode, has: (term: TermNode) => boolean): boolean {
  switch (ast.type) {
    case 'term':
      return has(ast);
    case 'not':
      return !evaluate(ast.operand, has);
    case 'and':
      return evaluate(ast.left, has) && evaluate(ast.right, has);
    case 'or':
      return evaluate(ast.left, has) || evaluate(ast.right, has);
  }
}

/** A canonical text form with explicit grouping, e.g. "(INT4 AND KV cache) OR INR" (for tests and reading lists). */
export function formatFilter(ast: FilterNode | null): string {
  if (!ast) return '';
  const wrap = (node: FilterNode, parent: 'and' | 'or' | 'not'): string => {
    const text = formatFilter(node);
    const needs = (node.type === 'or' && parent !== 'or') || (node.type === 'and' && parent === 'not');
    return needs ? `(${text})` : text;
  };
  switch (ast.type) {
    case 'term':
      return /\b(AND|OR|NOT)\b|[()&|!]/.test(ast.name) ? `"${ast.name}"` : ast.name;
    case 'not':
      return `NOT ${wrap(ast.operand, 'not')}`;
    case 'and':
      return ast.right.type === 'not' ? `${wrap(ast.left, 'and')} NOT ${wrap(ast.right.operand, 'not')}` : `${wrap(ast.left, 'and')} AND ${wrap(ast.right, 'and')}`;
    case 'or':
      return `${wrap(ast.left, 'or')} OR ${wrap(ast.right, 'or')}`;
  }
}
