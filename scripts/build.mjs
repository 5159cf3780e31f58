// Bundles the extension client, the language server and the command line with esbuild.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.bin': 'binary' },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'out/cli.js' },
  // Worker threads of the background index build (server/src/corpus/analysisPool.ts).
  { ...common, entryPoints: ['server/src/corpus/analysisWorker.ts'], outfile: 'out/analysisWorker.js' },
];

// `--bench`: the core's benchmarks, bundled as the core ships (npm run bench runs them from .bench/).
const benchBuilds = ['bench-core', 'bench-tagger'].map((name) => ({
  ...common,
  sourcemap: false,
  entryPoints: [`scripts/${name}.ts`],
  outfile: `.bench/${name}.js`,
}));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all((process.argv.includes('--bench') ? benchBuilds : builds).map((options) => esbuild.build(options)));
}
