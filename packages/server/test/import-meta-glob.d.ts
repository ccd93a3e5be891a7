// Vitest (through Vite) provides import.meta.glob; declared here so the tests type-check with tsc.
interface ImportMeta {
  glob<T = unknown>(pattern: string, options: { eager: true }): Record<string, T>;
}
