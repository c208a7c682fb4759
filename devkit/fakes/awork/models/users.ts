/** Users (GET /users, /users/{id}, /me). */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, newId, stamps, versioned } from './common';

export function buildUser(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			firstName: 'Carla',
			lastName: 'Creative',
			birthDate: null,
			gender: null,
			title: null,
			position: null,
			language: 'en',
			status: { invitationAccepted: true, isDeactivated: false },
			...stamps(store),
			isArchived: false,
			isDeactivated: false,
			isAgent: false,
			deactivatedOn: null,
			deletedOn: null,
			hasImage: false,
			shouldMigrateToConnect: false,
			userContactInfos: [],
			...versioned(),
			tags: [],
			teams: [],
			isExternal: false,
		},
		input,
	);
}

export function userSpec(): ListSpec {
	return { collection: 'users', render: (rec) => ({ ...rec }) };
}

/** GET /me: the user plus `workspace {id, name, url}`. */
export function renderMe(store: AworkStore, user: Rec) {
	return { ...user, accountId: null, workspace: { ...store.workspace } };
}
