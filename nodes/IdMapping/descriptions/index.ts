/** Where the ID Mapping parameters show, typed by the node's operation names. */
import { describeOperations } from '../../shared/operations';
import type { IdMappingOperationNames } from '../actions/node.type';

export const { showFor, forOperation, operationSelector } = describeOperations<IdMappingOperationNames>();
