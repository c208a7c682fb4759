/** The resources and operations of the awork node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type AworkOperationNames = {
	company: 'create' | 'delete' | 'get' | 'getHealth' | 'getMany';
	comment: 'getManyOfProject' | 'getManyOfTask';
	customFieldDefinition: 'getMany' | 'getOrCreate';
	document: 'create' | 'delete' | 'get' | 'getContent' | 'getMany' | 'getManyOfDocumentSpace' | 'getManyOfProject';
	project: 'changeStatus' | 'create' | 'createIfMissing' | 'delete' | 'get' | 'getClientHealth' | 'getMany' | 'setCustomFields' | 'update';
	task:
		| 'addComment'
		| 'addTag'
		| 'changeStatus'
		| 'create'
		| 'createIfMissing'
		| 'delete'
		| 'get'
		| 'getMany'
		| 'moveToList'
		| 'removeAssignees'
		| 'setAssignees'
		| 'setCustomFields'
		| 'update';
	taskList: 'create' | 'createIfMissing' | 'delete' | 'getMany';
	timeEntry: 'checkPsaBookings' | 'create' | 'delete' | 'get' | 'getMany' | 'markBilled' | 'markUnbilled' | 'toInvoicePositions' | 'update';
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
