#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script),
// bundled into dist/bundle/ to start fast; `BAOCAO_BUNDLE=0` runs the unbundled modules instead
// (the dump option does, to swap the writers' libraries).
// Through process.getBuiltinModule, not `import`: an ES import of a built-in builds a facade over
// all its exports, a cost every command would pay before it starts.
const { existsSync } = process.getBuiltinModule('node:fs');

const bundled = process.env.BAOCAO_BUNDLE !== '0' && existsSync(new URL('../dist/bundle/main.js', import.meta.url));
import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  console.error(`baocao: không khởi động được (${err && err.message}). Chạy \`npm ci\` để biên dịch lại.`);
  process.exit(70);
});
