// Facts about the published article that several specs check.

export const ARTICLE_PATH = "/articles/why-do-i-miss-him";
export const ARTICLE_TITLE = "Why Do I Miss Him So Much? How To Manage A Broken Heart";

export const SECTION_HEADINGS = [
  "What Does It Mean To Miss Someone?",
  "Long-Distance Relationships",
  "Is It Normal To Miss Someone So Much?",
  "Why Do I Miss Him So Much?",
  "Will I Ever Stop Missing Him?",
];

export const STEP_HEADINGS = [
  "Try to remember all parts of the relationship – not just the good parts.",
  "Try to engage in new experiences.",
  "Speak to your family and friends.",
  "Speak to a counselor.",
  "Allow yourself time.",
];
