/** Task time as an exercise clock shows it: `T+00:01:40`, hours beyond 24 as they come (`T+26:03:10`). */
export function formatTaskTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const two = (value: number): string => String(value).padStart(2, '0');
  return `T+${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/** A rate as the clock shows it: `×0.25`, `×1`, `×64`. */
export function formatRate(rate: number): string {
  return `×${rate}`;
}
