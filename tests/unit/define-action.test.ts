import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";

// defineAction and defineButtonAction are how every action in lib/actions is
// written: they must hand the form to the real pipeline (session check first,
// the echo on refusal) and ignore the previous state. The session lookup is
// the one thing replaced here; tests/unit/action-pipeline.test.ts covers the
// pipeline's order itself.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { defineAction, defineButtonAction, SIGNED_OUT_STATE } =
  await import("@/lib/actions/action-pipeline");

const schema = z
  .object({ title: z.string().trim().min(1, "Please write the goal.").max(20) })
  .strict();

function form(title: string): FormData {
  const data = new FormData();
  data.append("title", title);
  return data;
}

beforeEach(() => {
  session.user = null;
});

describe("defineAction", () => {
  const work = vi.fn(async ({ input }: { input: { title: string } }) => ({
    message: `Saved ${input.title}.`,
  }));
  const saveGoal = defineAction("saveGoal", { schema, work });

  it("answers a signed-out form calmly, with what was typed, before any work", async () => {
    work.mockClear();
    const state = await saveGoal({ status: "saved", message: "earlier" }, form("Walk"));
    expect(state).toEqual({ ...SIGNED_OUT_STATE, status: "error", values: { title: "Walk" } });
    expect(work).not.toHaveBeenCalled();
  });

  it("runs the work on parsed input for a signed-in person, whatever the previous state", async () => {
    session.user = { id: "user-1", email: "sam@example.com", name: null, signedInAt: new Date() };
    expect(await saveGoal({ status: "error", formError: "before" }, form("  Walk  "))).toEqual({
      status: "saved",
      message: "Saved Walk.",
    });
    expect(await saveGoal({}, form(""))).toEqual({
      status: "error",
      fieldErrors: { title: ["Please write the goal."] },
      formError: undefined,
      values: { title: "" },
    });
  });
});

describe("defineButtonAction", () => {
  it("lets the work's redirect through and turns any other answer into an error", async () => {
    const redirect = new Error("NEXT_REDIRECT");
    const signOut = defineButtonAction("signOut", {
      session: "none",
      schema: z.object({}).passthrough(),
      async work() {
        throw redirect;
      },
    });
    await expect(signOut(new FormData())).rejects.toBe(redirect);

    const refused = defineButtonAction("refused", { schema, work: async () => ({ message: "" }) });
    await expect(refused(undefined)).rejects.toThrow(
      `Action refused: ${SIGNED_OUT_STATE.formError}`,
    );
  });
});
