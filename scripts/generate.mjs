#!/usr/bin/env node
// Generated data at province scale, for the bench and for tests that need a large data set: the
// 2024 data folder with N projects added to investment.yaml — 10 new areas of N/10 projects each,
// every project with an allocation and a total investment (the template lists each project in
// the body and in the appendix). Each area's allocation is the exact sum of its projects, so the
// data is as valid as the 2024 data. With `--parts K` the investment file is written as a folder
// of K parts (`investment/01.yaml`, …), each with its schema modeline.
// Usage: node scripts/generate.mjs --rows 10000 --out /tmp/data-10k [--parts 4]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODELINE = '# yaml-language-server: $schema=../../schemas/chu-de-nam/investment.schema.json';

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const PLACES = ['An Lão', 'An Thắng', 'An Thọ', 'An Tiến', 'Bát Trang', 'Chiến Thắng', 'Mỹ Đức', 'Quang Trung', 'Quốc Tuấn', 'Tân Dân', 'Tân Viên', 'Thái Sơn', 'Trường Thành', 'Trường Thọ'];
const WORKS = ['Cải tạo, nâng cấp đường trục xã', 'Xây dựng nhà văn hóa thôn', 'Nâng cấp trạm y tế', 'Cứng hóa kênh mương nội đồng', 'Xây dựng trường mầm non', 'Chỉnh trang vỉa hè, hệ thống chiếu sáng', 'Cải tạo hệ thống thoát nước', 'Xây dựng sân thể thao'];

/** The YAML text of one generated area (its projects' allocations add up to its allocation). */
export function areaYaml(a, count) {
  const lines = [];
  let sum = 0;
  for (let k = 1; k <= count; k++) {
    const allocation = 100 + ((a * 7919 + k * 104729) % 9000);
    sum += allocation;
    const total = 1 + ((a * 31 + k * 17) % 90);
    lines.push(
      `      - id: du-an-${a}-${k}`,
      '        kind: dự án',
      `        name: ${WORKS[(a + k) % WORKS.length]} ${PLACES[k % PLACES.length]}, hạng mục số ${k} (lĩnh vực ${a})`,
      `        allocation: ${thousands(allocation)} triệu đồng`,
      `        totalInvestment: ${total},${String((k * 37) % 1000).padStart(3, '0')} tỷ đồng`,
    );
  }
  return [`  - id: linh-vuc-mo-rong-${a}`, `    name: Lĩnh vực mở rộng số ${a}`, `    allocation: ${thousands(sum)} triệu đồng`, '    projects:', ...lines].join('\n') + '\n';
}

/**
 * Copy data/2024 to `out` and add `rows` projects (10 areas × rows/10). `parts` > 1 writes the
 * investment file as a folder of that many parts (the 2024 part first, then the areas shared out).
 */
export function generateData(out, { rows, parts = 1 }) {
  rmSync(out, { recursive: true, force: true });
  cpSync(path.join(root, 'data/2024'), out, { recursive: true });
  // The 2024 report.yaml names its schema relative to data/2024: keep it relative to `out`.
  const investment = readFileSync(path.join(out, 'investment.yaml'), 'utf8').replace(/\n*$/, '\n');
  const areas = Array.from({ length: rows ? 10 : 0 }, (_, i) => areaYaml(i + 1, Math.floor(rows / 10) + (i < rows % 10 ? 1 : 0)));
  if (parts <= 1) {
    writeFileSync(path.join(out, 'investment.yaml'), investment + areas.join(''));
    return;
  }
  rmSync(path.join(out, 'investment.yaml'));
  const dir = path.join(out, 'investment');
  mkdirSync(dir);
  const modeline = MODELINE.replace('../../', '../../../');
  writeFileSync(path.join(dir, '01.yaml'), investment.replace(/^# yaml-language-server:.*\n/, `${modeline}\n`));
  const per = Math.ceil(areas.length / (parts - 1));
  for (let p = 0; p < parts - 1; p++) {
    const share = areas.slice(p * per, (p + 1) * per);
    if (share.length) writeFileSync(path.join(dir, `${String(p + 2).padStart(2, '0')}.yaml`), `${modeline}\nareas:\n${share.join('')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const out = arg('--out');
  if (!out) {
    console.error('usage: node scripts/generate.mjs --rows 10000 --out <folder> [--parts K]');
    process.exit(2);
  }
  generateData(path.resolve(out), { rows: Number(arg('--rows', '1000')), parts: Number(arg('--parts', '1')) });
}
