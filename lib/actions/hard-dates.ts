"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import {
  addTrackerRow,
  editTrackerRow,
  removeUndoableRow,
  savedOnProgress,
} from "@/lib/actions/tracker-rows";
import { answerValentinesOffer, createHardDate, updateHardDate } from "@/lib/data/hard-dates";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import {
  hardDateEditSchema,
  hardDateSchema,
  valentinesOfferSchema,
} from "@/lib/validations/hard-date";
import { rowLimitMessage } from "@/lib/validations/row-limits";
import { fullList } from "@/lib/data/row-caps";

export async function addHardDate(_prev: FormState, formData: FormData): Promise<FormState> {
  return addTrackerRow(
    "addHardDate",
    hardDateSchema,
    createHardDate,
    "Saved. We will remind you two weeks before.",
    formData,
  );
}

export async function answerValentines(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "answerValentines",
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
}

export async function removeHardDate(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeUndoableRow("removeHardDate", "hardDates", formData);
}

export async function editHardDate(_prev: FormState, formData: FormData): Promise<FormState> {
  return editTrackerRow("editHardDate", "hardDates", hardDateEditSchema, updateHardDate, formData);
}
