/** GET /me, /users/me, /users, /users/{userId}. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { notFound } from '../errors';
import { renderMe } from '../models/users';
import { listResponse } from '../query/listing';
import { apiRoute, mustFind, ok, queryParam, type AworkContext } from './http';

export function registerUserRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const spec = ctx.registry.specs.users;
	const me = () => {
		const user = ctx.store.users.get(ctx.store.meUserId);
		if (!user) throw notFound('user');
		return ok(renderMe(ctx.store, user));
	};
	apiRoute(server, 'GET', '/me', me);
	apiRoute(server, 'GET', '/users/me', me);
	apiRoute(server, 'GET', '/users', (req) =>
		listResponse(ctx.registry, spec, req, ctx.config, {
			scope: `archived:${queryParam(req, 'showArchived')}`,
			where: queryParam(req, 'showArchived') === 'true' ? undefined : (rec) => !rec.isArchived,
		}),
	);
	apiRoute(server, 'GET', '/users/:userId', (req) => ok(spec.render(mustFind(ctx, 'users', req.params.userId, 'user'))));
}
