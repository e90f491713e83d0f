// The tests' process groups are the devstack's (the bench and start:cluster's callers use them too).
export { reap, spawnGroup, stopGroup } from '@caravan/devstack';
