export { startFakeOnePsa, FakeOnePsa, DEFAULT_TENANT, DEMO_DATA, PSA_RATE_LIMIT } from './fakeOnePsa';
export type { FakeOnePsaOptions, FakeTenant, RunningFakeOnePsa } from './fakeOnePsa';
export { sendSignedWebhook, signPsaBody, webhookEnvelope } from './webhooks';
export type { WebhookOptions, WebhookAnswer } from './webhooks';
export type { SeedData, TenantData, Contract, Ticket, TimeEntry, Company } from './store';
