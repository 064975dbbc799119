// Bundles one TypeScript entry for Node with esbuild: the workspaces' own sources (@b2wiz/*, which
// export TypeScript) go into the bundle; every other package stays an import from node_modules.
// Usage: node scripts/bundle-node.mjs <entry.ts> <out.js> [--platform=neutral]
import { build } from 'esbuild';

const [entry, outfile, ...flags] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node scripts/bundle-node.mjs <entry.ts> <out.js> [--platform=neutral]');
  process.exit(2);
}
const platform = flags.includes('--platform=neutral') ? 'neutral' : 'node';

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    // A bare import that is not one of ours is left to Node to load.
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@b2wiz/') || args.kind === 'entry-point'
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform,
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalPackages],
});
