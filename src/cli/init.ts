/**
 * `report init [dir]`: start an agency's own data repository — the folder where a clerk keeps
 * `data/<folder>/`, optionally `templates/`, and the built reports. It writes only what is
 * missing (never overwrites): a `package.json` that depends on baocao (so `npx report build …`
 * runs there), a `.gitignore` that keeps `node_modules/` and the build's temporary files out of
 * git but not `out/` (an agency commits its reports with their manifest, so CI can tell when
 * they go stale), and an empty `data/`. baocao's own repository ignores `out/` instead: there
 * it holds only test builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../pipeline/paths.js';
import { UsageError } from './io.js';
import { say, type Lang } from './lang.js';

/** What an agency repository ignores: dependencies and the build's own temporary files. */
export const AGENCY_GITIGNORE = [
  '# baocao: báo cáo trong out/ được commit cùng manifest.json; chỉ bỏ qua thư viện và tệp tạm khi dựng',
  'node_modules/',
  'out/**/.*',
  '',
].join('\n');

function agencyPackage(name: string): string {
  const own = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const pkg = {
    name: name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'bao-cao',
    private: true,
    description: 'Dữ liệu và báo cáo của cơ quan, dựng bằng baocao',
    scripts: { build: 'report build --all' },
    dependencies: { baocao: `^${own.version}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export async function initCommand(dir: string | undefined, opts: { lang: Lang }): Promise<void> {
  const t = (vi: string, en: string): string => say(opts.lang, vi, en);
  const root = path.resolve(process.cwd(), dir ?? '.');
  if (root === PACKAGE_ROOT) throw new UsageError('đây là thư mục của chính baocao; chạy report init trong kho dữ liệu của cơ quan', "this is baocao's own folder; run report init in the agency's data repository");
  await mkdir(path.join(root, 'data'), { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const [name, text] of [['package.json', agencyPackage(path.basename(root))], ['.gitignore', AGENCY_GITIGNORE]] as const) {
    const file = path.join(root, name);
    if (existsSync(file)) { kept.push(name); continue; }
    await writeFile(file, text, { flag: 'wx' });
    written.push(name);
  }
  const shown = path.relative(process.cwd(), root) || '.';
  const made = written.length ? t(`đã tạo ${written.join(', ')}`, `created ${written.join(', ')}`) : t('không tạo tệp nào', 'created no file');
  const left = kept.length ? t(`; giữ nguyên ${kept.join(', ')} đã có`, `; kept the existing ${kept.join(', ')}`) : '';
  process.stdout.write(`${shown}: ${made}${left}.\n`);
  process.stdout.write(t('Tiếp theo: npm install (cài baocao theo package.json), rồi report new <thư mục> --from <thư mục mẫu>, hoặc chép một thư mục dữ liệu vào data/.\n',
    'Next: npm install (installs baocao as package.json says), then report new <folder> --from <template folder>, or copy a data folder into data/.\n'));
  process.exitCode = 0;
}
