import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// A script without a charset is read in its page's encoding, and many shop pages are not UTF-8:
// every non-ASCII character of the bundle becomes a \u escape, which means the same in string,
// template and regular expression literals, identifiers and comments.
function asciiOnly(): Plugin {
  return {
    name: 'concierge-ascii-only',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') {
          file.code = file.code.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        }
      }
    },
  };
}

// Builds the embeddable widget as one self-contained IIFE script, its style sheet included as a
// string (the widget adopts it into its shadow root). The output goes straight into the Maven
// output folder, so the jar ships it as static/widget.js and the Concierge server exposes it at
// /widget.js.
export default defineConfig({
  publicDir: false,
  plugins: [asciiOnly()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    cssMinify: true,
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: 'src/main.ts',
      formats: ['iife'],
      name: 'ConciergeWidgetBundle',
      fileName: () => 'widget.js',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
