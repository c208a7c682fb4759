/** GET/POST /companies, GET/PUT /companies/{companyId}. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { buildCompany } from '../models/companies';
import { listResponse } from '../query/listing';
import { apiRoute, bodyObject, mustFind, ok, putFields, validateForm, type AworkContext, type FieldRule } from './http';

const COMPANY_FORM: Record<string, FieldRule> = {
	name: { kind: 'string', required: true, max: 1000 },
	description: { kind: 'string', max: 25000 },
	industry: { kind: 'string', max: 1000 },
};

export function registerCompanyRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const spec = ctx.registry.specs.companies;
	apiRoute(server, 'GET', '/companies', (req) => listResponse(ctx.registry, spec, req, ctx.config));
	apiRoute(server, 'POST', '/companies', (req) => {
		const form = validateForm(bodyObject(req), COMPANY_FORM);
		const company = ctx.store.insert('companies', buildCompany(ctx.store, form));
		const view = spec.render(company);
		ctx.emit('company_added', view);
		return ok(view);
	});
	apiRoute(server, 'GET', '/companies/:companyId', (req) => ok(spec.render(mustFind(ctx, 'companies', req.params.companyId, 'company'))));
	apiRoute(server, 'PUT', '/companies/:companyId', (req) => {
		const company = mustFind(ctx, 'companies', req.params.companyId, 'company');
		const form = putFields(ctx, COMPANY_FORM, validateForm(bodyObject(req), COMPANY_FORM));
		Object.assign(company, form);
		ctx.store.touch(company);
		const view = spec.render(company);
		ctx.emit('company_updated', view);
		return ok(view);
	});
}
