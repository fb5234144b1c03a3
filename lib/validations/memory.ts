import { z } from "zod";
import { MEMORY_MAX } from "@/lib/tracker/limits";
import { MEMORY_KINDS } from "@/lib/tracker/scales";
import { requiredText } from "@/lib/validations/free-text";
import { choiceOf, requestKey, rowId } from "@/lib/validations/tracker-fields";

// Adding and editing check the same fields with the same limits; a new memory
// carries its form's request key, an edited one the id of the memory it changes.
const memoryFields = {
  kind: choiceOf(MEMORY_KINDS, "Please choose whether this was a good or a hard memory."),
  text: requiredText(MEMORY_MAX, "The memory"),
};

export const memorySchema = z.object({ ...memoryFields, requestKey }).strict();

export const memoryEditSchema = z.object({ ...memoryFields, id: rowId }).strict();

export type MemoryInput = z.infer<typeof memorySchema>;
