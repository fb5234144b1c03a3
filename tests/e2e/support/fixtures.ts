import { test as base } from "@playwright/test";
import { startSmtpCatcher, type SmtpCatcher } from "../../support/smtp-catcher";
import { E2E_SMTP_PORT } from "./ports";

// `mail`: the real SMTP server the e2e app sends to (SMTP_URL in
// playwright.config.ts). One per Playwright worker, shared by every spec, so the
// app's pooled SMTP connections stay valid between files. Use it as
//
//   import { test, expect } from "./support/fixtures";
//   test("...", async ({ page, mail }) => {
//     const message = await mail.waitForMessage((m) => m.to === address);
//   });
export const test = base.extend<object, { mail: SmtpCatcher }>({
  mail: [
    async ({}, use) => {
      const smtp = await startSmtpCatcher({ port: E2E_SMTP_PORT });
      await use(smtp);
      await smtp.close();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
