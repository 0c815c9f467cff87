// Web client build. The output in dist/web is served by the Fastify server under a strict CSP
// (script-src 'self', font-src 'self', img-src 'self' data:), so nothing may be inlined or external.
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:design-tokens`: the Digital Agency design tokens reduced to their values at build time.
 * The package ships them as one 130 kB CommonJS object full of metadata; the client needs ~3 kB.
 */
function designTokens(): Plugin {
  const id = 'virtual:design-tokens';
  const resolved = `\0${id}`;
  type Node = { $value?: unknown; [key: string]: unknown };
  const values = (node: Node): unknown => {
    if (node && typeof node === 'object' && '$value' in node) return node.$value;
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, values(child as Node)]));
  };
  return {
    name: 'tsunagu-design-tokens',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(loadId) {
      if (loadId !== resolved) return undefined;
      const tokens = createRequire(import.meta.url)('@digital-go-jp/design-tokens') as Node;
      return `export default ${JSON.stringify(values(tokens))};`;
    },
  };
}

export default defineConfig({
  root: '.',
  plugins: [react(), designTokens()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Never inline assets as data: URIs — the CSP allows fonts only from 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      input: 'index.html',
      onwarn(warning, warn) {
        // Zod ships comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        // React and the router change less often than our code: their own file stays cached across
        // releases. Everything else splits along the lazy routes.
        manualChunks: (id) =>
          /node_modules\/(react|react-dom|scheduler|react-router)\//.test(id) ? 'react' : undefined,
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
