"use server";

import { defineAction } from "@/lib/actions/action-pipeline";
import {
  addTrackerRow,
  editTrackerRow,
  removeUndoableRow,
  savedOnProgress,
} from "@/lib/actions/tracker-rows";
import { answerValentinesOffer } from "@/lib/data/hard-dates";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { valentinesOfferSchema } from "@/lib/validations/hard-date";
import { rowLimitMessage } from "@/lib/validations/row-limits";
import { fullList } from "@/lib/data/row-caps";

// The hard dates list's forms (lib/actions/tracker-rows.ts states what adding,
// editing and removing check and store) and the Valentine's Day offer.

export const addHardDate = addTrackerRow("addHardDate", "hardDates");

export const answerValentines = defineAction("answerValentines", {
  schema: valentinesOfferSchema,
  async work({ user, input }) {
    // A second tab's answer must not add a second Valentine's Day.
    if ((await getTrackerSettings({ userId: user.id })).valentinesOfferAnswered) {
      return { message: "Already answered." };
    }
    const full = fullList(await answerValentinesOffer({ userId: user.id, ...input }));
    if (full) return { formError: rowLimitMessage(full) };
    return savedOnProgress(
      input.answer === "add" ? "Valentine's Day is on your list." : "Understood.",
    );
  },
});

export const removeHardDate = removeUndoableRow("removeHardDate", "hardDates");

export const editHardDate = editTrackerRow("editHardDate", "hardDates");
