/**
 * The layers of src/, checked in `npm test` (docs/architecture.md).
 * Data flows one way: records → model → render → proof, composed by the
 * core; the build is the file-system edge around it (the cache, the
 * writing); the CLI, the server and the library entry are on top. Each
 * folder may import only folders below it; the vocabulary imports none.
 */
const LAYERS = [
  ['vocabulary'],
  ['dates'],
  ['config', 'records'],
  ['model'],
  ['render', 'check'],
  ['core'],
  ['cache', 'write'],
  ['build', 'serve'],
  ['cli'],
  ['index.ts', 'cli.ts'],
];

const folder = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '[.]')}$` : `^src/${name}/`);
const above = (level) => LAYERS.slice(level + 1).flat().map(folder);

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).flatMap((names, level) =>
      names.map((name) => ({
        name: `${name}-imports-upward`,
        comment: `${name} is below ${LAYERS.slice(level + 1).flat().join(', ')}: it must not import them`,
        severity: 'error',
        from: { path: folder(name) },
        to: { path: above(level) },
      })),
    ),
    { name: 'render-knows-no-proof', comment: 'the renderers and the proof know nothing of each other', severity: 'error', from: { path: '^src/render/' }, to: { path: '^src/check/' } },
    { name: 'proof-knows-no-render', comment: 'the proof reads documents, not the renderers', severity: 'error', from: { path: '^src/check/' }, to: { path: '^src/render/' } },
    { name: 'records-know-no-model', comment: 'records are read without the model: the types they share are in the vocabulary', severity: 'error', from: { path: '^src/records/' }, to: { path: '^src/(model|config)/' } },
    { name: 'config-knows-no-records', severity: 'error', from: { path: '^src/config/' }, to: { path: '^src/records/' } },
    { name: 'cache-and-write-apart', comment: 'the cache and the writing are two edges of the build', severity: 'error', from: { path: '^src/(cache|write)/' }, to: { path: '^src/(cache|write)/', pathNot: '^src/$1/' } },
    { name: 'serve-knows-no-build', severity: 'error', from: { path: '^src/serve/' }, to: { path: '^src/(build|cache)/' } },
    {
      name: 'pure-core',
      comment: 'the core, and all it uses, work on values in memory: none of it touches the file system',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(node:)?fs(/promises)?$', reachable: true },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-orphans', comment: 'a module nothing imports is dead code (the entries excepted)', severity: 'error', from: { orphan: true, path: '^src/', pathNot: '^src/(index|cli)[.]ts$' }, to: {} },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
