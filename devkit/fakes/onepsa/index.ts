export { startFakeOnePsa, FakeOnePsa, DEFAULT_TENANT, DEMO_DATA, PSA_RATE_LIMIT, RATE_LIMIT_RESET_STYLES } from './fakeOnePsa';
export type { FakeOnePsaOptions, FakeTenant, RateLimitResetStyle, RunningFakeOnePsa } from './fakeOnePsa';
export { sendSignedWebhook, signPsaBody, webhookEnvelope } from './webhooks';
export type { WebhookOptions, WebhookAnswer } from './webhooks';
export type { SeedData, TenantData, Contract, Ticket, TimeEntry, Company } from './store';
