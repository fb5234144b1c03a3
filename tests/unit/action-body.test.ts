import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT_BYTES,
  actionBodyProblem,
  jsonNestingDepth,
  MAX_ARGUMENT_DEPTH,
} from "@/lib/security/action-body";

function actionRequest(body: FormData | string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/signin", {
    method: "POST",
    headers: { "next-action": "abc123", ...headers },
    body,
  });
}

function replyForm(argumentList: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", argumentList);
  return form;
}

describe(jsonNestingDepth, () => {
  it("counts brackets and braces, not those inside strings", () => {
    expect(jsonNestingDepth('[{}, "$K1"]')).toBe(2);
    expect(jsonNestingDepth('["[[[[", {"a": "}}}{{{"}]')).toBe(2);
    expect(jsonNestingDepth('["\\"[[["]')).toBe(1);
    expect(jsonNestingDepth("[".repeat(50_000))).toBe(50_000);
  });
});

describe(actionBodyProblem, () => {
  it("lets a real form's action call through, and keeps its body for the action", async () => {
    const request = actionRequest(replyForm('[{}, "$K1"]', { note: "é".repeat(5_000) }));
    expect(await actionBodyProblem(request)).toBeNull();
    expect((await request.formData()).get("_1_note")).toBe("é".repeat(5_000));
  });

  it("refuses arguments nested deeper than any form sends with 400 (React's decoder overflowed: 500)", async () => {
    const deep = "[".repeat(MAX_ARGUMENT_DEPTH + 1) + "]".repeat(MAX_ARGUMENT_DEPTH + 1);
    expect(await actionBodyProblem(actionRequest(replyForm(deep)))).toBe(400);
    expect(await actionBodyProblem(actionRequest(deep, { "content-type": "text/plain" }))).toBe(
      400,
    );
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const big = replyForm('[{}, "$K1"]', { note: "x".repeat(ACTION_BODY_LIMIT_BYTES) });
    expect(await actionBodyProblem(actionRequest(big))).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < ACTION_BODY_LIMIT_BYTES / 1024 + 8; i++)
          controller.enqueue(new Uint8Array(1024).fill(120));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost/signin", {
      method: "POST",
      headers: { "next-action": "abc123", "content-type": "text/plain" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await actionBodyProblem(chunked)).toBe(413);
  });

  it("leaves every request that is not a server action alone", async () => {
    const plain = new Request("http://localhost/api/auth/signin", {
      method: "POST",
      body: "[".repeat(10_000),
    });
    expect(await actionBodyProblem(plain)).toBeNull();
  });
});
