import { expect, test, type APIRequestContext } from "@playwright/test";
import { actionId } from "./support/server-actions";

// A server action is a public POST endpoint: what it is sent must cost
// little to refuse. The body limit is sized to the largest real form
// (next.config.ts); the entry cap and linear parsing are unit-tested in
// tests/unit/validations/form-data.test.ts.

const SIGN_IN = { page: "/signin", file: "lib/actions/auth.ts", action: "requestSignInLink" };

function post(request: APIRequestContext, baseURL: string, multipart: FormData) {
  return request.post(SIGN_IN.page, {
    headers: {
      "Next-Action": actionId(SIGN_IN.file, SIGN_IN.action),
      Accept: "text/x-component",
      Origin: baseURL,
    },
    multipart,
    maxRedirects: 0,
  });
}

test.describe("server action bodies", () => {
  test("a body far beyond the largest real form is refused with 413", async ({
    request,
    baseURL,
  }) => {
    const form = new FormData();
    for (let i = 0; i < 19_000; i++) form.append("_1_email", "x".repeat(50));
    form.append("0", JSON.stringify([{}, "$K1"]));
    const response = await post(request, baseURL!, form);
    expect(response.status()).toBe(413);
  });

  test("the largest real form still gets through to the action", async ({ request, baseURL }) => {
    const form = new FormData();
    form.append("_1_email", "someone@example.com");
    form.append("_1_note", "é".repeat(5_000)); // a check-in note's size, 2 bytes a character
    form.append("0", JSON.stringify([{}, "$K1"]));
    const response = await post(request, baseURL!, form);
    expect(response.status()).toBe(200);
  });

  test("deeply nested action arguments answer 4xx, not 500", async ({ request, baseURL }) => {
    const form = new FormData();
    form.append("0", "[".repeat(20_000) + "]".repeat(20_000));
    const response = await post(request, baseURL!, form);
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  });
});
