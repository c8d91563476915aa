// Corpus text printed by the CLI cannot drive the terminal.
import { describe, expect, it } from 'vitest';
import { printable } from '../../scripts/cli/terminal.ts';

describe('printable', () => {
  it('escapes control and format characters and keeps other text', () => {
    expect(printable('\u001b[2J\u001b]0;pwned\u0007 title')).toBe('\\u001b[2J\\u001b]0;pwned\\u0007 title');
    expect(printable('zero\u200bwidth\u202eRTL')).toBe('zero\\u200bwidth\\u202eRTL');
    expect(printable('Données 数据 🙂 e\u0301')).toBe('Données 数据 🙂 e\u0301');
  });
});
