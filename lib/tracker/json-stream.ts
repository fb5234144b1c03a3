// A JSON document written piece by piece, byte for byte what
// JSON.stringify(document, null, 2) would give, so an export can be streamed
// page by page from the database instead of built whole in memory. A member
// is a plain value, a value read only when the writer reaches it (a function),
// or a list arriving in pages (an async iterable of arrays): only one page is
// held at a time.

export type StreamedMember =
  | { value: unknown }
  | { later: () => Promise<unknown> }
  | { pages: AsyncIterable<readonly unknown[]> };

const INDENT = "  ";

/** `value` as JSON.stringify(value, null, 2) writes it `depth` levels deep. */
function nested(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text?.replaceAll("\n", `\n${INDENT.repeat(depth)}`);
}

/** The pieces of one JSON object with 2-space indentation; members in the order given. */
export async function* jsonObjectPieces(
  members: ReadonlyArray<readonly [string, StreamedMember]>,
): AsyncGenerator<string> {
  let written = 0;
  for (const [name, member] of members) {
    const head = `${written === 0 ? "{\n" : ",\n"}${INDENT}${JSON.stringify(name)}: `;
    if ("pages" in member) {
      written++;
      let items = 0;
      for await (const page of member.pages) {
        if (page.length === 0) continue;
        const body = page.map((item) => `${INDENT.repeat(2)}${nested(item, 2) ?? "null"}`);
        yield `${items === 0 ? `${head}[\n` : ",\n"}${body.join(",\n")}`;
        items += page.length;
      }
      yield items === 0 ? `${head}[]` : `\n${INDENT}]`;
      continue;
    }
    const text = nested("value" in member ? member.value : await member.later(), 1);
    if (text === undefined) continue; // JSON.stringify leaves out an undefined member
    written++;
    yield `${head}${text}`;
  }
  yield written === 0 ? "{}" : "\n}";
}

/**
 * A response body that asks for the next piece only when the client has taken
 * the last one (pull), so a slow download holds one page, not the file. A
 * failure mid-way ends the download with an error (a cut file, never a
 * "complete" one) after `onError` has logged it.
 */
export function streamOfPieces(
  pieces: AsyncGenerator<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
