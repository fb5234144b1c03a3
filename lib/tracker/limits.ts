// Maximum lengths of the tracker's free text, shared by the zod schemas (the
// rule) and the forms (a maxLength hint). Kept free of zod so client
// components can import them without shipping zod to the browser.

export const NOTE_MAX = 5000;
export const TRIGGER_MAX = 500;
export const MEMORY_MAX = 2000;
export const GOAL_TITLE_MAX = 200;
export const GOAL_NOTE_MAX = 2000;
export const ACTIVITY_TITLE_MAX = 200;
export const WHO_MAX = 100;
export const REACH_OUT_NOTE_MAX = 2000;
export const HARD_DATE_LABEL_MAX = 100;
export const HARD_DATE_PLAN_MAX = 1000;
