/**
 * Company > Get Health: how each client (company) stands, from its projects. It runs Project > Get
 * Client Health, where it was first placed; that value stays for the workflows that use it.
 */
import { forOperation } from '../../descriptions';
import * as clientHealth from '../project/getClientHealth';

export const description = forOperation('company', 'getHealth', clientHealth.description);

export const runs = clientHealth.runs;

export const execute = clientHealth.execute;
