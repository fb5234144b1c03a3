// The tracker's pages name their sections through this path; the component is
// shared with the team's referral page (components/ui/section.tsx).
export { Section } from "@/components/ui/section";
