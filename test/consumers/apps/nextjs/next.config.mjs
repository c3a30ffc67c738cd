// The app as a Next.js user writes it; the test starts it with RC_URL pointing at the mock server.
/** @type {import('next').NextConfig} */
export default {
  // The app lives in a temporary folder with its own lockfile: that is the root.
  turbopack: { root: import.meta.dirname },
};
