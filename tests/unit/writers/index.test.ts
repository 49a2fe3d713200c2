import { describe, expect, it } from 'vitest';
import { extensions, loadWriter, writers, type OutputFormat } from '../../../src/writers/index.js';
import { sampleTree } from './sample.js';

describe('writer table', () => {
  it('lists each format once, with its extension', () => {
    const formats = Object.keys(writers) as OutputFormat[];
    expect(formats).toEqual(['docx', 'pdf', 'html', 'xlsx']);
    expect(formats.map((f) => extensions[f])).toEqual(['.docx', '.pdf', '.html', '.xlsx']);
  });

  it('loads writers on demand and each turns a tree into bytes', async () => {
    for (const format of Object.keys(writers) as OutputFormat[]) {
      const write = await loadWriter(format);
      const { value, diagnostics } = await write(sampleTree());
      expect(diagnostics).toEqual([]);
      expect(value.byteLength).toBeGreaterThan(1000);
    }
  });
});
