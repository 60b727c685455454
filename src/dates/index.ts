export { parseDate, readZone, type DateResult } from './parse.js';
export { rfc822, rfc3339 } from './format.js';
