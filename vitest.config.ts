import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/temp-root.ts'],
    testTimeout: 180000,
    hookTimeout: 120000,
    pool: 'forks',
    // The CLI speaks English when the locale says so: tests pin the Vietnamese default.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
