/**
 * Every command of `deploy`: a new command is a file in this folder (see ../command.ts) and one
 * line here. `deploy --help` lists them in alphabetical order.
 */
export { default as apply } from './apply.js';
export { default as build } from './build.js';
export { default as completion } from './completion.js';
export { default as graph } from './graph.js';
export { default as info } from './info.js';
export { default as init } from './init.js';
export { default as localCloud } from './local-cloud.js';
export { default as plan } from './plan.js';
export { default as render } from './render.js';
export { default as schemasRefresh } from './schemas-refresh.js';
export { default as stateList } from './state-list.js';
export { default as stateMv } from './state-mv.js';
export { default as statePull } from './state-pull.js';
export { default as statePush } from './state-push.js';
export { default as stateRm } from './state-rm.js';
export { default as stateShow } from './state-show.js';
export { default as teardown } from './teardown.js';
export { default as test } from './test.js';
export { default as unlock } from './unlock.js';
export { default as validate } from './validate.js';
