/**
 * What a build runs once it has found work to do: the model, the renderers,
 * the proof, and for `build --check` the comparison with the output folder
 * (which reads documents back as the proof does). build.ts loads this module
 * only then, so that a rebuild that finds nothing changed loads none of them:
 * the checker alone is some fifty modules.
 */
export { startProof } from './check/prove.js';
export { normalize } from './model/normalize.js';
export { localMediaSizes } from './model/media.js';
export { FORMATS, renderPieces } from './render/feeds.js';
export { HEADERS_FILE, render as renderHeadersFile } from './render/headers-file.js';
export { render as renderStylesheet } from './render/stylesheet.js';
export { describeStale } from './write/stale.js';
