/**
 * How big the fault suite runs. `FAULTS_PROFILE=full` is the scenario (10,000 entries over
 * 50 projects, 20 kills); the default `ci` profile is the same scenario scaled down so the whole
 * suite fits CI's time budget on 2 cores. docs/reliability.md has the figures of both.
 */
export interface FaultsProfile {
	name: 'ci' | 'full';
	entries: number;
	projects: number;
	kills: number;
	/** Concurrent export runs in the overlap test. */
	concurrentRuns: number;
	seed: number;
}

const PROFILES: Record<FaultsProfile['name'], FaultsProfile> = {
	ci: { name: 'ci', entries: 2000, projects: 20, kills: 10, concurrentRuns: 3, seed: 20261121 },
	full: { name: 'full', entries: 10_000, projects: 50, kills: 20, concurrentRuns: 3, seed: 20261121 },
};

export function faultsProfile(): FaultsProfile {
	const name = (process.env.FAULTS_PROFILE ?? 'ci') as FaultsProfile['name'];
	const profile = PROFILES[name];
	if (!profile) throw new Error(`FAULTS_PROFILE must be ci or full, not "${name}"`);
	const seed = process.env.FAULTS_SEED ? Number(process.env.FAULTS_SEED) : profile.seed;
	return { ...profile, seed };
}
