// The stages' boundaries as imports: aggregation reads the Dataset and validation's analyses
// through the neutral `src/dataset/`, never validate's insides, and reports nothing (no findings,
// no diagnostics); `src/dataset/` itself depends on no stage.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const sources = (folder: string): [string, string][] => readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts')).map((f) => [`${folder}/${f}`, readFileSync(path.join(SRC, folder, f), 'utf8')]);
const imports = (text: string): string[] => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('stage boundaries', () => {
  it('aggregate imports nothing from validate and builds no finding or diagnostic', () => {
    const files = sources('aggregate');
    expect(files.length).toBeGreaterThan(3);
    const bad = files.flatMap(([f, text]) => [
      ...imports(text).filter((i) => i.includes('/validate/')).map((i) => `${f}: ${i}`),
      ...(/makeDiagnostic|Findings|severity:/.test(text) ? [`${f}: reports`] : []),
    ]);
    expect(bad).toEqual([]);
  });

  it('dataset depends on no stage', () => {
    const bad = sources('dataset').flatMap(([f, text]) => imports(text)
      .filter((i) => /^\.\.\/(load|validate|aggregate|render|writers|cli|pipeline|kinds)\//.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
});
