import type { ReactNode } from "react";
import { AppFrame } from "@/components/app-frame/app-frame";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <AppFrame>{children}</AppFrame>;
}
