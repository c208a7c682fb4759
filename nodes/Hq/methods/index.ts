import { searchContacts, searchDraftInvoices, searchInvoiceTemplates } from './listSearch';

export const listSearch = { searchContacts, searchDraftInvoices, searchInvoiceTemplates };
