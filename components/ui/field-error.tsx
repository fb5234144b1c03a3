export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

export function FormMessage({ error, message }: { error?: string; message?: string }) {
  if (error) {
    return (
      <p
        role="alert"
        className="mt-4 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
      >
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p role="status" className="mt-4 text-green-800 dark:text-green-300">
        {message}
      </p>
    );
  }
  return null;
}
