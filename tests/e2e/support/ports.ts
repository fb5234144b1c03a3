// Ports of the e2e run: the app (E2E_PORT), the SMTP catcher the app sends to
// (E2E_SMTP_PORT, default E2E_PORT + 10), and a second app instance some specs
// start (E2E_PORT + 1). Helpers give each worktree its own E2E_PORT.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 10);
export const E2E_SECOND_PORT = E2E_PORT + 1;
