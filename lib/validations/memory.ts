import { z } from "zod";
import { MEMORY_MAX } from "@/lib/tracker/limits";
import { MEMORY_KINDS } from "@/lib/tracker/scales";
import { requiredText } from "@/lib/validations/free-text";
import { choiceOf, requestKey } from "@/lib/validations/tracker-fields";

export const memorySchema = z
  .object({
    kind: choiceOf(MEMORY_KINDS, "Please choose whether this was a good or a hard memory."),
    text: requiredText(MEMORY_MAX, "The memory"),
    requestKey,
  })
  .strict();

export type MemoryInput = z.infer<typeof memorySchema>;
