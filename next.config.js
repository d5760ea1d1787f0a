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
  // Pages take no request bodies; Next buffers what is sent to them for proxy.ts up to this.
  experimental: { proxyClientMaxBodySize: '16kb' },
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'pg-boss'],
};

export default nextConfig;
