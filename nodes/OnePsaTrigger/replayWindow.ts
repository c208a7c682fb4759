/**
 * The replay window: a signed delivery is only as good as its age. A delivery recorded by someone
 * on the way stays validly signed forever, so `occurredAt` (inside the signed body) must be close
 * to this server's clock.
 */
export const DEFAULT_REPLAY_WINDOW_MINUTES = 15;

export type WindowCheck = { ok: true; occurredAtMs?: number } | { ok: false; status: number; reason: string };

/** An ISO 8601 date-time with a zone: without one the instant is ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function describeGap(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 120) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} h`;
	const days = Math.round(hours / 24);
	return days < 730 ? `${days} days` : `${Math.round(days / 365)} years`;
}

/** Milliseconds of the window; undefined when it is off (0). Throws on a value that is no window. */
export function replayWindowMs(minutes: unknown): number | undefined {
	const value = typeof minutes === 'string' && minutes.trim() !== '' ? Number(minutes) : minutes;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new Error(`Replay Window (Minutes) must be a number of minutes, 0 or more, not ${JSON.stringify(minutes)}`);
	}
	return value === 0 ? undefined : value * 60_000;
}

export function checkOccurredAt(occurredAt: string | undefined, windowMs: number | undefined, nowMs: number): WindowCheck {
	if (windowMs === undefined) return { ok: true };
	const minutes = windowMs / 60_000;
	if (occurredAt === undefined) {
		return { ok: false, status: 400, reason: `The signed body has no "occurredAt", so its age cannot be checked against the ${minutes}-minute Replay Window` };
	}
	const parsed = ISO_INSTANT.test(occurredAt) ? Date.parse(occurredAt) : NaN;
	if (!Number.isFinite(parsed)) {
		return { ok: false, status: 400, reason: `"occurredAt" is ${JSON.stringify(occurredAt.slice(0, 64))}, not an ISO 8601 date-time with a time zone` };
	}
	const gap = nowMs - parsed;
	if (Math.abs(gap) > windowMs) {
		const side = gap > 0 ? 'before' : 'after';
		return {
			ok: false,
			status: 400,
			reason:
				`"occurredAt" ${occurredAt} is ${describeGap(Math.abs(gap))} ${side} this server's clock, outside the ${minutes}-minute Replay Window: ` +
				'a replayed or long-delayed delivery is refused. If the PSA retries for longer, or the clocks differ, raise the window in the trigger\'s options.',
		};
	}
	return { ok: true, occurredAtMs: parsed };
}
