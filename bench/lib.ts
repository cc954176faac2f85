/** Shared helpers of the benchmarks. */
export interface BenchContext {
  quick: boolean;
  /** A scratch directory kept between runs (large fixtures are reused). */
  workDir: string;
  progress(message: string): void;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[i]!);
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
