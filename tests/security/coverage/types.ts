export type ItemKind = "action" | "route" | "page";
export type SuiteCoverage = {
  suite: string;
  kinds: ItemKind[];
  covers: string[];
  exempt: Record<string, string>;
};
