// Jest runs the TypeScript tests as ESM (probot 14 is ESM-only) through ts-jest, transpile-only:
// `npm test` type-checks src with tsc first.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['<rootDir>/test/setup/promise-with-resolvers.ts'],
  testTimeout: 30000,
};
