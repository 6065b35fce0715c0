/** Why the host refused a save, as it said it. */
export function ApiError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="field-error">
      {error}
    </p>
  );
}
