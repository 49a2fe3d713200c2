// Module hooks for the dump option (register.mjs): an import of `docx` from baocao's writers
// resolves to a generated shim that re-exports the real library, with every docx class and
// factory recording its arguments and `Packer.toBuffer` writing the document to BAOCAO_DUMP
// before handing it on (pdfmake is required, not imported: register.mjs wraps it). Imports made
// by the shims themselves pass through.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const RECORD = new URL('./record.mjs', import.meta.url).href;
const SHIM = 'baocao-dump-shim:';

export async function resolve(specifier, context, next) {
  const fromShim = context.parentURL?.startsWith(SHIM);
  if (!fromShim && specifier === 'docx' && context.parentURL?.includes('/dist/writers/')) {
    const real = await next(specifier, context);
    return { url: `${SHIM}${specifier}?${encodeURIComponent(real.url)}`, shortCircuit: true };
  }
  // The PDF writer's tree → definition step: the tree is dumped too (alone.mjs rebuilds the
  // definition from it, functions included, and times pdfmake alone).
  if (!fromShim && specifier === './definition.js' && context.parentURL?.endsWith('/dist/writers/pdf/index.js')) {
    const real = await next(specifier, context);
    return { url: `${SHIM}definition?${encodeURIComponent(real.url)}`, shortCircuit: true };
  }
  if (fromShim && specifier.startsWith('file:')) return { url: specifier, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith(SHIM)) return next(url, context);
  const [name, realUrl] = [url.slice(SHIM.length, url.indexOf('?')), decodeURIComponent(url.slice(url.indexOf('?') + 1))];
  const source = name === 'docx' ? docxShim(realUrl) : definitionShim(realUrl);
  return { format: 'module', source, shortCircuit: true };
}

function docxShim(realUrl) {
  const lib = createRequire(fileURLToPath(realUrl))(fileURLToPath(realUrl).replace(/\.mjs$/, '.cjs'));
  const lines = [`import * as real from ${JSON.stringify(realUrl)};`, `import { recordClass, recordFunction, dumpDocx } from ${JSON.stringify(RECORD)};`, `export * from ${JSON.stringify(realUrl)};`];
  for (const [key, value] of Object.entries(lib)) {
    if (typeof value !== 'function' || key === 'Packer' || !/^[A-Za-z_$][\w$]*$/.test(key)) continue;
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    lines.push(`export const ${key} = ${isClass ? 'recordClass' : 'recordFunction'}(real.${key}, ${JSON.stringify(key)});`);
  }
  // The writer packs through Packer.toBuffer or, to deflate once, through Packer.compiler.compile.
  lines.push('const compiler = { compile: (doc, ...a) => { dumpDocx(doc); return real.Packer.compiler.compile(doc, ...a); } };');
  lines.push('export const Packer = new Proxy(real.Packer, { get: (t, k) => (k === "toBuffer" ? (doc, ...a) => { dumpDocx(doc); return t.toBuffer(doc, ...a); } : k === "compiler" ? compiler : t[k]) });');
  return lines.join('\n');
}

function definitionShim(realUrl) {
  return [
    `import * as real from ${JSON.stringify(realUrl)};`,
    `import { dumpTree } from ${JSON.stringify(RECORD)};`,
    `export * from ${JSON.stringify(realUrl)};`,
    'export function toPdfDefinition(root, ...a) { dumpTree(root); return real.toPdfDefinition(root, ...a); }',
  ].join('\n');
}
