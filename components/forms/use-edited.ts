"use client";

import { useState } from "react";

/**
 * Whether the person has changed a field since the last answer came back. A
 * field hides its error once they have, so "Choose an answer" never stands
 * under a question that is now answered. The field remounts with every new
 * answer (see ActionForm), which starts this afresh.
 */
export function useEdited() {
  const [edited, setEdited] = useState(false);
  return [edited, () => setEdited(true)] as const;
}
