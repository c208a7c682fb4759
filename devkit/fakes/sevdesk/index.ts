export { startFakeSevDesk, FakeSevDesk, sevDeskError, DEFAULT_SEVDESK_TOKEN, SEVDESK_API_PREFIX, SEVDESK_DEMO_DATA, SEVDESK_FAKE_RATE_LIMIT } from './fakeSevDesk';
export type { FakeSevDeskOptions, RunningFakeSevDesk } from './fakeSevDesk';
export { DEFAULT_UNITS } from './store';
export type { SeedData as SevDeskSeedData, SeedContact, SeedUnit, StoredRecord } from './store';
