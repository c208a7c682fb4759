export { startFakeLexoffice, FakeLexoffice, DEFAULT_LEXOFFICE_KEY, LEXOFFICE_RATE_LIMIT } from './fakeLexoffice';
export type { FakeLexofficeOptions, RunningFakeLexoffice } from './fakeLexoffice';
export type { Contact, Invoice, Profile, SeedContact } from './store';
export { validateInvoice } from './validateInvoice';
