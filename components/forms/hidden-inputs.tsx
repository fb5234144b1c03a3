/** The ids, tokens and keys a form sends besides what is typed. */
export function HiddenInputs({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}
