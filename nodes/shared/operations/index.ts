/**
 * The operation contract of the action nodes (Awork, The One PSA, ID Mapping).
 *
 * - `nodes/<Node>/actions/<resource>/<operation>.ts` holds one operation: `description`, `runs`
 *   ('perItem' or 'batch') and `execute`. Nothing else lives in an operation folder.
 * - `nodes/<Node>/actions/node.type.ts` names each resource's operations; the node's table of
 *   operations, `forOperation`, `showFor` and `operationSelector` are typed by it.
 * - `nodes/<Node>/descriptions/` holds parameters several operations share (pickers, fields);
 *   `nodes/<Node>/helpers/` the logic they share.
 * - `routeOperation` runs the operation the node is set to; per-item operations run in its one
 *   item loop (pairedItem, Continue On Fail as input json plus `error`, error wrapping).
 */
export * from './descriptions';
export * from './errors';
export * from './operation';
export * from './parameters';
export * from './readItems';
export * from './router';
