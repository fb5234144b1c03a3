import { z } from "zod";
import { rowId } from "@/lib/validations/tracker-fields";

/** A form that names one of the user's own rows (delete buttons). */
export const rowReferenceSchema = z.object({ id: rowId }).strict();
