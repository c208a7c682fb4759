/** Rounding of billed time to a step (e.g. 15 minutes), per entry or per position. */
export type RoundingRule = 'none' | 'up' | 'down' | 'nearest';

/** Rounds seconds to a multiple of the step; `nearest` rounds halves up. */
export function roundSeconds(seconds: number, rule: RoundingRule, stepSeconds: number): number {
	if (rule === 'none' || !(stepSeconds > 0)) return seconds;
	const steps = seconds / stepSeconds;
	const rounded = rule === 'up' ? Math.ceil(steps) : rule === 'down' ? Math.floor(steps) : Math.floor(steps + 0.5);
	return rounded * stepSeconds;
}
