#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  console.error(`baocao: không khởi động được (${err && err.message}). Chạy \`npm ci\` để biên dịch lại.`);
  process.exit(70);
});
