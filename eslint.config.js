// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Libraries the game must not know: platforms, storage, grading, scheduling, logging, network. */
const NOT_IN_CORE = [
  { group: ['discord.js', '@discordjs/*'], message: 'The core knows no platform: put Discord code in src/adapters/discord.' },
  { group: ['@slack/*'], message: 'The core knows no platform: put Slack code in src/adapters/slack.' },
  { group: ['better-sqlite3'], message: 'The core reaches storage through its store ports (src/core/stores).' },
  { group: ['openai'], message: 'The core reaches a grader through the Grader port.' },
  { group: ['node-cron'], message: 'The core reaches the scheduler through the SchedulerPort.' },
  { group: ['pino', 'pino-*'], message: 'The core logs through the Logger port.' },
  { group: ['undici', 'ws', 'node:http', 'node:https', 'node:net', 'node:fs', 'node:fs/*', 'node:child_process', 'node:worker_threads'], message: 'The core does no I/O of its own.' },
  { group: ['node:timers', 'node:timers/*'], message: 'The core takes time from the Clock port.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.dist-test/', 'bench/.work/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    // The stand-ins speak the platforms' raw JSON; tests match printed text, indentation included.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
  {
    // Small files, one concept each.
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NOT_IN_CORE }],
      // Everything outside src/core (adapters, storage, grading, scheduler, app) depends on the core, never the reverse.
      'import-x/no-restricted-paths': ['error', { zones: [{ target: './src/core', from: './src', except: ['./core'], message: 'src/core imports nothing outside src/core.' }] }],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use the Clock port (clock.setTimeout), so tests can move time.' },
        { name: 'setInterval', message: 'Use the Clock port, so tests can move time.' },
        { name: 'performance', message: 'Use the Clock port, so tests can move time.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Use the Clock port (clock.now()), so tests can move time.' }],
    },
  },
);
