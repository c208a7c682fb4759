/** Read-mostly workspace settings: /projectstatuses, /projecttypes, /projecttemplates, /typeofwork. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { listResponse } from '../query/listing';
import type { Rec } from '../store';
import { apiRoute, mustFind, ok, queryParam, type AworkContext } from './http';

export function registerWorkspaceSettingRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { specs } = ctx.registry;
	const unlessArchived = (req: Parameters<typeof queryParam>[0]) =>
		queryParam(req, 'showArchived') === 'true' ? undefined : (rec: Rec) => !rec.isArchived;
	const archivedScope = (req: Parameters<typeof queryParam>[0]) => `archived:${queryParam(req, 'showArchived')}`;

	apiRoute(server, 'GET', '/projectstatuses', (req) =>
		listResponse(ctx.registry, specs.projectStatuses, req, ctx.config, { where: unlessArchived(req), scope: archivedScope(req) }),
	);
	apiRoute(server, 'GET', '/projecttypes', (req) =>
		listResponse(ctx.registry, specs.projectTypes, req, ctx.config, { where: unlessArchived(req), scope: archivedScope(req) }),
	);
	apiRoute(server, 'GET', '/typeofwork', (req) =>
		listResponse(ctx.registry, specs.typesOfWork, req, ctx.config, { where: unlessArchived(req), scope: archivedScope(req) }),
	);
	apiRoute(server, 'GET', '/typeofwork/:typeOfWorkId', (req) =>
		ok(specs.typesOfWork.render(mustFind(ctx, 'typesOfWork', req.params.typeOfWorkId, 'type of work'))),
	);
	apiRoute(server, 'GET', '/projecttemplates', (req) => listResponse(ctx.registry, specs.projectTemplates, req, ctx.config));
	apiRoute(server, 'GET', '/projecttemplates/:projectTemplateId', (req) =>
		ok(specs.projectTemplates.render(mustFind(ctx, 'projectTemplates', req.params.projectTemplateId, 'project template'))),
	);
}
