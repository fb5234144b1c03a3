import { z } from "zod";

/** A button that sends nothing of the person's (send me a link): any field is unexpected. */
export const noInputSchema = z.object({}).strict();

/**
 * Signing out must always work, whatever an old or odd form carries, so its
 * buttons read nothing from the form and refuse nothing.
 */
export const ignoredInputSchema = z.object({});
