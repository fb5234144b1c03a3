import { type FormState } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { rowControlClass } from "@/components/ui/styles";

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** One button that acts on one of the user's own rows (remove, mark done). */
export function RowActionButton({
  action,
  id,
  label,
  fields = {},
  className = rowControlClass,
}: {
  action: RowAction;
  id: string;
  /** The accessible name: says which row, e.g. "Remove “run 5k”". */
  label: string;
  fields?: Record<string, string>;
  className?: string;
  children?: never;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ id, ...fields }}
      submitLabel={label}
      submitClassName={className}
      className="inline-block space-y-2"
    />
  );
}
