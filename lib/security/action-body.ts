// What a server-action request may carry, checked in the proxy before Next
// decodes it. Next answered both of these with a 500 (an error page and an
// error in the log for what is a bad request): a body over the limit
// ("Body exceeded ... limit") and arguments nested so deep that React's reply
// decoder overflows the stack.

/**
 * The largest real form is under 20 KB (see next.config.ts), but a person who
 * pastes far more than a field allows must get the field's own "Please keep
 * this to 5,000 characters" with their text kept, not a bare 413 that loses
 * it: so the limit is nginx's (256 KiB, lib/deploy/nginx), which holds a
 * 70,000-character paste. Parsing is linear and capped at 100 entries, so a
 * body this size costs little.
 */
export const ACTION_BODY_LIMIT_BYTES = 256 * 1024;
/** React's reply encoding nests a level per object or array; our forms need a handful. */
export const MAX_ARGUMENT_DEPTH = 32;

/** The deepest [ / { nesting of JSON text, outside strings, in one linear pass. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      deepest = Math.max(deepest, ++depth);
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return deepest;
}

/** The body's bytes, or null once it passes `limit` (the rest is never read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number) {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      // Not awaited: a cloned body's cancel settles only once the original is read too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The status to refuse a server-action request with (413: too large, 400:
 * arguments nested too deep), or null to let it through. Reads a clone, so
 * the action still gets the body.
 */
export async function actionBodyProblem(request: Request): Promise<413 | 400 | null> {
  if (request.method !== "POST" || !request.headers.has("next-action") || !request.body) {
    return null;
  }
  const declared = Number(request.headers.get("content-length"));
  if (declared > ACTION_BODY_LIMIT_BYTES) return 413;
  const bytes = await readAtMost(request.clone().body!, ACTION_BODY_LIMIT_BYTES);
  if (!bytes) return 413;
  const type = request.headers.get("content-type") ?? "";
  // React's reply: JSON parts named by number ("0" holds the argument list),
  // or the whole body as one JSON text. Form fields ("_1_note") are plain text.
  const jsonParts: string[] = [];
  if (type.startsWith("multipart/form-data")) {
    try {
      const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
      for (const [name, value] of form.entries()) {
        if (/^\d+$/.test(name) && typeof value === "string") jsonParts.push(value);
      }
    } catch {
      return 400;
    }
  } else {
    jsonParts.push(bytes.toString("utf8"));
  }
  return jsonParts.some((part) => jsonNestingDepth(part) > MAX_ARGUMENT_DEPTH) ? 400 : null;
}
