import { z } from "zod";
import { rowId } from "@/lib/validations/tracker-fields";

/** Undo names one of the person's own pending removals by its token (a row id's shape). */
export const undoRemovalSchema = z.object({ token: rowId }).strict();
