/** Companies (clients in awork's UI). */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, newId, stamps, versioned } from './common';

export function buildCompany(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			name: 'Company',
			description: null,
			industry: null,
			hasImage: false,
			companyContactInfos: [],
			...stamps(store),
			...versioned(),
			tags: [],
			isExternal: false,
		},
		input,
	);
}

export function companySpec(store: AworkStore): ListSpec {
	const counters = (rec: Rec) => store.aggregates().companyProjects.get(rec.id) ?? { count: 0, inProgress: 0 };
	return {
		collection: 'companies',
		computed: {
			projectsCount: (rec) => counters(rec).count,
			projectsInProgressCount: (rec) => counters(rec).inProgress,
		},
		render: (rec) => {
			const c = counters(rec);
			return { ...rec, projectsCount: c.count, projectsInProgressCount: c.inProgress };
		},
	};
}
