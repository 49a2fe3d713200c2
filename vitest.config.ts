import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/temp-root.ts'],
    testTimeout: 180000,
    hookTimeout: 120000,
    pool: 'forks',
    // The CLI speaks English when the locale says so: tests pin the Vietnamese default. A build
    // past 2 s names its stages on stderr, which would make output depend on the machine's load:
    // off here (tests/e2e/progress.test.ts sets the threshold itself).
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', BAOCAO_PROGRESS_AFTER_MS: '600000' },
  },
});
