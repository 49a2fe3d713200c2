/**
 * A V8 code cache for the CommonJS files the tool loads: its own bundle (dist/bundle/, see
 * scripts/bundle.mjs), its generated schema validators, and the libraries that are CommonJS
 * anyway (pdfmake, pdfkit, fontkit).
 * Node 20 has no module compile cache of its own, and compiling the modules of a cold
 * `report build` was its largest single cost. Installed by the launchers before anything else
 * is loaded, this wraps `Module.prototype._compile` — as v8-compile-cache does — so that each
 * such file is compiled from `dist/code-cache/<name>.bin` when that cache was made from exactly
 * this file's text on this Node (its header is a hash of both) and V8 accepts it (V8 also refuses
 * a cache made under other flags); otherwise the file is compiled as usual. The caches are
 * written by the training build at the end of `npm run build` (`BAOCAO_CODE_CACHE=write`), with
 * every function that build compiled; `BAOCAO_CODE_CACHE=report` prints how many files came from
 * the cache. A cache only saves time: it never changes what runs.
 */
import type { Script } from 'node:vm';

// Built-in modules through process.getBuiltinModule, not `import`: this module is loaded as an ES
// module by the launchers before anything else, and an ES import of a built-in first builds a
// module facade over all its exports — some 30 ms for these five here, paid by every command.
const { createHash } = process.getBuiltinModule('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const Module = process.getBuiltinModule('node:module');
const path = process.getBuiltinModule('node:path');
const vm = process.getBuiltinModule('node:vm');

/* eslint-disable @typescript-eslint/no-explicit-any -- Node's CommonJS loader internals are untyped */
type AnyModule = any;

/** The hash a cache of `source` carries in its header: the text and the runtime that compiled it. */
export function cacheKey(source: string): Buffer {
  return createHash('sha1').update(`${process.version} ${process.arch}\0`).update(source).digest();
}

/** The cached code in `cache` when its header is `key`, else undefined. */
export function cachedCode(cache: Buffer | undefined, key: Buffer): Buffer | undefined {
  if (!cache || cache.length <= key.length || !cache.subarray(0, key.length).equals(key)) return undefined;
  return cache.subarray(key.length);
}

/** The cache file of `file`: named for its path inside the package, so a copy of the package keeps its caches. */
export function cacheFileOf(cacheDir: string, packageRoot: string, file: string): string {
  const name = path.relative(packageRoot, file).split(path.sep).join('/');
  return path.join(cacheDir, `${createHash('sha1').update(name).digest('hex').slice(0, 20)}.bin`);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export interface CodeCacheStats {
  /** Files compiled from their cache, and files compiled without one (none found, or refused). */
  hits: number;
  misses: number;
}

/** What `require` inside a module needs, as Node's own loader gives it. */
function requireFor(module: AnyModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: object) => (Module as AnyModule)._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.cache = (Module as AnyModule)._cache;
  require.extensions = (Module as AnyModule)._extensions;
  return require;
}

/**
 * Compile every CommonJS file under `packageRoot` (its dist/ and node_modules/) from the
 * caches in `cacheDir` from now on. Returns live counts, for the tests and the bench.
 */
export function installCodeCache(packageRoot: string, cacheDir: string): CodeCacheStats {
  const stats: CodeCacheStats = { hits: 0, misses: 0 };
  // dist/: the bundle's pieces and the generated schema validators (dist/validators/validators.cjs).
  const within = [path.join(packageRoot, 'dist') + path.sep, path.join(packageRoot, 'node_modules') + path.sep];
  const proto = (Module as AnyModule).prototype;
  const compile = proto._compile as (content: string, filename: string) => unknown;
  const training: Array<{ file: string; key: Buffer; script: Script }> = [];
  proto._compile = function compileFromCache(this: AnyModule, content: string, filename: string): unknown {
    if (!within.some((dir) => filename.startsWith(dir))) return compile.call(this, content, filename);
    const key = cacheKey(content);
    const file = cacheFileOf(cacheDir, packageRoot, filename);
    const cachedData = cachedCode(readOptional(file), key);
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData && !script.cachedDataRejected) stats.hits++;
    else stats.misses++;
    if (process.env.BAOCAO_CODE_CACHE === 'write') training.push({ file, key, script });
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  // `report`: say on exit how the cache served this process (the bench and the tests read it).
  if (process.env.BAOCAO_CODE_CACHE === 'report') {
    process.once('exit', () => process.stderr.write(`code cache: ${stats.hits} from cache, ${stats.misses} compiled\n`));
  }
  if (process.env.BAOCAO_CODE_CACHE === 'write') {
    process.once('exit', () => {
      mkdirSync(cacheDir, { recursive: true });
      for (const { file, key, script } of training) {
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, Buffer.concat([key, script.createCachedData()]));
        renameSync(temp, file);
      }
    });
  }
  return stats;
}
