/** The resources and operations of the awork node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type AworkOperationNames = {
	company: 'create' | 'get' | 'getMany';
	comment: 'getManyOfProject' | 'getManyOfTask';
	customFieldDefinition: 'getMany' | 'getOrCreate';
	document: 'create' | 'get' | 'getContent' | 'getMany' | 'getManyOfDocumentSpace' | 'getManyOfProject';
	project: 'changeStatus' | 'create' | 'createIfMissing' | 'get' | 'getClientHealth' | 'getMany' | 'setCustomFields' | 'update';
	task: 'addComment' | 'changeStatus' | 'create' | 'createIfMissing' | 'get' | 'getMany' | 'setCustomFields' | 'update';
	taskList: 'create' | 'createIfMissing' | 'getMany';
	timeEntry: 'checkPsaBookings' | 'get' | 'getMany' | 'markBilled' | 'markUnbilled' | 'toInvoicePositions';
	user: 'get' | 'searchByEmail';
	workspace:
		| 'createProjectStatus'
		| 'createTaskStatus'
		| 'createTypeOfWork'
		| 'getProjectStatuses'
		| 'getProjectStatusesOfProject'
		| 'getProjectTemplates'
		| 'getProjectTypes'
		| 'getTaskStatuses'
		| 'getTypesOfWork'
		| 'getUsers';
};

export type AworkResource = keyof AworkOperationNames;

export type AworkOperations = OperationTable<AworkOperationNames>;
