// Safety facts shown on many pages; one place so the number can never drift.

export const HOTLINE = {
  name: "National Domestic Violence Hotline",
  letters: "1-800-799-SAFE",
  digits: "1-800-799-7233",
  tel: "tel:+18007997233",
} as const;
