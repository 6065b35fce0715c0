/** Changes to a deduction while it runs (issue 22): one module per concern, reached by the Scheduler through this one. */
export { setTaskVariables } from './live-variables';
export { addNodes, removeNode } from './live-nodes';
export { rerunNode } from './live-rerun';
