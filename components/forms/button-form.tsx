import type { ReactNode } from "react";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import { secondaryButtonClass } from "@/components/ui/styles";

/**
 * A form that is one button and nothing typed: sign out, download a file,
 * finish a sign-in. It posts fixed hidden values to a server action (or to a
 * route handler, by its path) and needs no error summary or status line, so
 * it is not an ActionForm. It works without JavaScript.
 */
export function ButtonForm({
  action,
  hidden = {},
  className,
  buttonClassName = secondaryButtonClass,
  children,
}: {
  action: string | ((formData: FormData) => void | Promise<void>);
  /** Hidden inputs: the token or address the button acts on. */
  hidden?: Record<string, string>;
  className?: string;
  buttonClassName?: string;
  /** The button's label. */
  children: ReactNode;
}) {
  return (
    <form
      action={action}
      method={typeof action === "string" ? "post" : undefined}
      className={className}
    >
      <HiddenInputs values={hidden} />
      <button type="submit" className={buttonClassName}>
        {children}
      </button>
    </form>
  );
}
