/**
 * Test data of the approval workflow (workflows/project-creation-on-approval.json), shared by its
 * e2e, fault and queue-mode tests: a quote approval as The One PSA sends it, and the project a
 * creating run left behind when it died before its list, tasks and mappings.
 */
import type { RunningFakeAwork } from '../fakes/awork';

/** The `data` of a quote.approved event; `extra` replaces or adds fields (e.g. a hostile value). */
export function approvalPayload(quoteId: string, number: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		quoteId,
		number,
		title: 'Website relaunch',
		companyId: 'cmp_acme',
		companyName: 'Acme GmbH',
		contractId: 'ctr_acme_projects',
		approvedAt: '2026-03-02T10:00:00Z',
		url: `https://psa.example/quotes/${quoteId}`,
		lines: [
			{ id: 'l1', title: 'Concept and design', hours: 12, description: 'Two design rounds' },
			{ id: 'l2', title: 'Build the pages', hours: 30.5 },
			{ id: 'l3', title: 'Go-live support' },
		],
		...extra,
	};
}

/** A project a creating run made 10 minutes ago for this quote, then died: no list, tasks or mappings. */
export function seedOrphanApprovalProject(awork: RunningFakeAwork, quoteId: string, number: string): { id: string } {
	const [orphan] = awork.fake.seed({
		projects: [
			{
				name: 'Website relaunch - Acme GmbH',
				projectKey: `PSA-${number}`,
				description: `Created from quote ${number} in The One PSA: https://psa.example/quotes/${quoteId}`,
				createdOn: new Date(Date.now() - 10 * 60_000).toISOString(),
			},
		],
	}).projects as Array<{ id: string }>;
	return orphan;
}
