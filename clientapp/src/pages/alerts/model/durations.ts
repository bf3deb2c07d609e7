/** "45 min", "1 h", "1 h 30 min", "1 day", "3 days". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

export const WINDOW_MINUTES = [5, 15, 30, 60, 180, 360, 720, 1440, 4320, 10_080, 43_200] as const;
export const FOR_MINUTES = [0, 1, 5, 10, 15, 30, 60, 120, 360, 1440] as const;
export const RENOTIFY_MINUTES = [10, 30, 60, 240, 720, 1440, 10_080] as const;

/**
 * Select options for a duration in minutes: the presets, and the current value where it is none of
 * them (a rule made through the API), so editing never changes it unasked. `zero` names 0.
 */
export function minuteOptions(presets: readonly number[], current: number | null, zero = '0 min'): { value: string; label: string }[] {
  const values = current === null || presets.includes(current) ? [...presets] : [...presets, current].sort((a, b) => a - b);
  return values.map((minutes) => ({ value: String(minutes), label: minutes === 0 ? zero : formatMinutes(minutes) }));
}
