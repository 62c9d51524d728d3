/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets a page answer 403 with forbidden() when the signed-in role may not see it.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["better-sqlite3", "argon2", "pino", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
