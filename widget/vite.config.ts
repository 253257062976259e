import { defineConfig } from 'vitest/config';

// Builds the embeddable widget as one self-contained IIFE script, its style sheet included as a
// string (the widget adopts it into its shadow root). The output goes straight into the Maven
// output folder, so the jar ships it as static/widget.js and the Concierge server exposes it at
// /widget.js.
export default defineConfig({
  publicDir: false,
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
