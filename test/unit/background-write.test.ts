// The graph file's writing thread: buffers reach the file whole and in order, however few are reused, and a failed
// write is an error that names the file.
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundWrite } from '../../scripts/cli/background-write.ts';

describe('BackgroundWrite', () => {
  it('writes every buffer, in order, reusing two of them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-write-')), 'out.txt');
    const fd = openSync(file, 'w');
    const writer = new BackgroundWrite(fd, file, 64, 2);
    let expected = '';
    for (let i = 0; i < 200; i++) {
      const text = `line ${i} ${'x'.repeat(i % 40)}\n`;
      const buffer = writer.take();
      const length = buffer.write(text);
      writer.give(buffer, length);
      expected += text;
    }
    writer.finish();
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('reports a failed write with the file name', () => {
    const fd = openSync('/dev/full', 'w');
    const writer = new BackgroundWrite(fd, '/dev/full', 1024, 2);
    try {
      const buffer = writer.take();
      writer.give(buffer, buffer.write('{"nodes":[]}'));
      expect(() => writer.finish()).toThrow(/cannot write \/dev\/full: .*ENOSPC/);
    } finally {
      closeSync(fd);
    }
  });
});
