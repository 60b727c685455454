import type { Rule } from './rule.js';

const ATTRIBUTES = ['domain', 'port', 'path', 'registerProcedure', 'protocol'] as const;
const PROTOCOLS: ReadonlySet<string> = new Set(['xml-rpc', 'soap', 'http-post']);

export const rule: Rule = {
  meta: {
    id: 'rss/cloud',
    severity: 'error',
    description: 'A cloud names its domain, port (a number from 1 to 65535), path, registerProcedure and protocol (xml-rpc, soap or http-post).',
    spec: 'RSS 2.0, "<cloud> sub-element of <channel>"',
    w3c: 'MissingAttribute',
    formats: ['rss'],
  },
  create: (context) => ({
    elements: {
      cloud(cloud) {
        if (cloud.parent?.key !== 'channel') return;
        const missing = ATTRIBUTES.filter((name) => cloud.attribute(name) === undefined);
        if (missing.length > 0) context.report(cloud, `<cloud> has no ${missing.join(', no ')}; RSS 2.0 requires all five: domain, port, path, registerProcedure and protocol`);
        const port = cloud.attribute('port');
        if (port !== undefined && (!/^\d+$/.test(port.value.trim()) || Number(port.value) < 1 || Number(port.value) > 65535)) {
          context.report(port, `the port of <cloud> is ${JSON.stringify(port.value)}; write a port number from 1 to 65535`);
        }
        const protocol = cloud.attribute('protocol');
        if (protocol !== undefined && !PROTOCOLS.has(protocol.value.trim())) context.report(protocol, `the protocol of <cloud> is ${JSON.stringify(protocol.value)}; RSS 2.0 knows "xml-rpc", "soap" and "http-post"`);
      },
    },
  }),
};
