// Ports of the e2e run: the app (E2E_PORT), the SMTP catcher the app sends to
// (E2E_SMTP_PORT, default E2E_PORT + 10), and a second app instance some specs
// start (E2E_PORT + 1). Helpers give each worktree its own E2E_PORT.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 10);
export const E2E_SECOND_PORT = E2E_PORT + 1;

/**
 * The origin the production build was made for: prerendered pages carry it in
 * their canonical links and sitemap. tests/e2e/run.ts sets it when a pass runs
 * the build on other ports; alone, the suite's server is that origin.
 */
export function buildOrigin(baseURL: string | undefined): string {
  return process.env.E2E_BUILD_ORIGIN ?? baseURL!;
}
