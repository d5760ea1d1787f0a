/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (SAJILO_NEXT_DIST=.next-e2e …); `next start` reads the same.
  distDir: process.env.SAJILO_NEXT_DIST || '.next',
  // Server-only packages that must not be bundled (native paths, WebAssembly, child processes).
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg'],
};

export default nextConfig;
