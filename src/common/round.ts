/** `x` rounded to `decimals` places, for logs and reports that show a score or a time, not its float noise. */
export function round(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
}
