import { errorTextClass } from "@/components/ui/styles";

/** The error under one field or group; the control names it in aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className={`mt-1 ${errorTextClass}`}>
      {errors.join(" ")}
    </p>
  );
}
