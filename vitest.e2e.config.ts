import { defineConfig } from 'vitest/config';

// End-to-end tests need Debian packages (chromium, python3-feedparser): `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
