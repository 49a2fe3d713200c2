// Debug option: dump the document baocao hands to each library — the pdfmake definition and the
// `docx` Document — so the libraries can be timed alone on the very same document (scripts/
// dump/alone.mjs, used by `npm run bench -- --rows N`). Nothing in src/ changes: this file, loaded
// with `node --import`, swaps the `docx` and `pdfmake` imports of the writers for thin recording
// shims (hooks.mjs). Usage:
//   BAOCAO_DUMP=/tmp/dump node --import ./scripts/dump/register.mjs bin/report.js build 2024 --force
// writes /tmp/dump/docx.json and /tmp/dump/pdf.json (the last document of each kind; the PDF
// writer's child process inherits the flag). Recording costs time: never time a dumping run.
import Module, { register } from 'node:module';
import path from 'node:path';

if (process.env.BAOCAO_DUMP) {
  // The hooks see the writers' own imports only in the unbundled modules (bin/report.js).
  process.env.BAOCAO_BUNDLE = '0';
  register('./hooks.mjs', import.meta.url);
  // The PDF writer requires pdfmake (after its lean-deps.ts), which import hooks do not see: its
  // createPdf is wrapped here, at the require.
  const { dumpPdf } = await import('./record.mjs');
  const writer = path.join('dist', 'writers', 'pdf', 'index.js');
  const load = Module._load;
  Module._load = function loadRecorded(request, parent, isMain) {
    const real = load.call(this, request, parent, isMain);
    if (request !== 'pdfmake' || !parent?.filename?.endsWith(writer)) return real;
    return new Proxy(real, { get: (t, k) => (k === 'createPdf' ? (def, ...a) => t.createPdf(dumpPdf(def), ...a) : (typeof t[k] === 'function' ? t[k].bind(t) : t[k])) });
  };
}
