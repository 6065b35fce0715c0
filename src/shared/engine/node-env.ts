/** Set by the desktop shell when its binary cannot act as Node (the RunAsNode fuse is off in installed builds). */
export const NO_APP_NODE_ENV = 'DEDUCTION_NO_APP_NODE';
/** A Node executable for `{node}` process agents, chosen by the user; wins over everything else. */
export const NODE_PATH_ENV = 'DEDUCTION_NODE';
