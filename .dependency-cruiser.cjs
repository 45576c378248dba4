/**
 * The project's boundaries (docs/architecture.md), checked by `npm run lint:deps` inside `npm test`.
 * A feature is reached from elsewhere only through its server index (index.ts) or its web index
 * (web/index.ts, browser-safe); a feature's pure rules may use another feature's pure rules directly.
 */
const INDEX = '^src/features/[^/]+/(index\\.ts|web/index\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'feature-through-index',
      comment: "A feature imports another feature only through that feature's index.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/', pathNot: '^src/features/[^/]+/rules' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', INDEX] },
    },
    {
      name: 'rules-use-rules',
      comment: "Pure rules may use another feature's pure rules directly, and nothing else of it but its index.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/rules' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/rules(/|\\.ts$)', INDEX] },
    },
    {
      name: 'shell-through-index',
      comment: 'Outside src/features, code reaches a feature only through its index.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/features/' },
      to: { path: '^src/features/', pathNot: INDEX },
    },
    {
      name: 'core-is-no-feature',
      comment: 'core/ and db/ are shared by every feature and import none.',
      severity: 'error',
      from: { path: '^src/(core|db)/' },
      to: { path: '^src/(features|server|cli|web|demo)/' },
    },
    {
      name: 'web-imports-no-server-code',
      comment: 'The web imports server code only for shared schemas and pure rules.',
      severity: 'error',
      from: { path: '(^src/web/|^src/features/[^/]+/web/)' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/web/',
          '^src/features/[^/]+/web/',
          '^src/features/[^/]+/rules(/|\\.ts$)',
          '^src/features/[^/]+/(schemas|permissions)\\.ts$',
          '^src/core/(text|errors|permissions|dates)\\.ts$',
          '^src/core/import/file-limits\\.ts$',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'rules-are-pure',
      comment: 'Rules decide; they do no I/O and know no framework.',
      severity: 'error',
      from: { path: '^src/features/[^/]+/rules(/|\\.ts$)', pathNot: '\\.test\\.ts$' },
      to: { path: '(^src/(db|server|cli)/|store\\.ts$|routes\\.ts$|node_modules/(fastify|kysely|better-sqlite3|pg)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.test\\.tsx?$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
