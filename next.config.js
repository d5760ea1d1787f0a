/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (SAJILO_NEXT_DIST=.next-e2e …); `next start` reads the same.
  distDir: process.env.SAJILO_NEXT_DIST || '.next',
  // The build type-checks the app only; tests and benchmarks are checked by `npm run typecheck`
  // (part of `npm test`), so a test's type error never stops `npm start`.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  // Server-only packages that must not be bundled (native paths, WebAssembly, child processes).
  // No X-Powered-By: it tells an attacker which exploits to try first.
  poweredByHeader: false,
  // SAJILO_SOURCE_MAPS=1: browser source maps in the build, for CPU profiles that name our functions.
  productionBrowserSourceMaps: process.env.SAJILO_SOURCE_MAPS === '1',
  // Pages take no request bodies; Next buffers what is sent to them for proxy.ts up to this.
  // No scope hoisting: Turbopack would join Monaco's modules into one 3 MB function, which V8
  // compiles in one piece on the main thread when the editor is required, and parses again for
  // each Error created while it runs when a debugger is attached (Playwright, DevTools): about
  // 1 s of the cold first screen, for 3.5 % more bytes. Details in docs/ide.md ("Where a cold
  // first screen spends its time").
  experimental: { proxyClientMaxBodySize: '16kb', turbopackScopeHoisting: false },
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'prom-client', 'pg-boss'],
};

export default nextConfig;
