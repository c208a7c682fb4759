/** Comments on projects: GET /projects/{id}/comments (task comments live in routes/tasks.ts). */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { listResponse } from '../query/listing';
import { apiRoute, type AworkContext } from './http';

export function registerProjectCommentRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { registry } = ctx;
	// The OpenAPI lists no 404 here (200, 400, 401): an unknown project has no comments.
	apiRoute(server, 'GET', '/projects/:projectId/comments', (req) => {
		const projectId = req.params.projectId.toLowerCase();
		return listResponse(registry, registry.specs.comments, req, ctx.config, {
			scope: `project-comments:${projectId}`,
			where: (rec) => rec.entityType === 'projects' && rec.entityId === projectId,
		});
	});
}
