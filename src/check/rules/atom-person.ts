import { isEmail } from '../../vocabulary/values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/person',
    severity: 'error',
    description: 'An author or contributor has a name, and its email, when given, is an address alone, such as "desk@example.com".',
    spec: 'RFC 4287, sections 3.2.1 and 3.2.3',
    w3c: 'MissingElement',
    formats: ['atom'],
  },
  create: (context) => {
    const check = (person: XmlElement) => {
      if (person.child('atom:name') === undefined) context.report(person, `<${person.local}> has no <name>, which RFC 4287 requires; add <name> with the person's name`);
      for (const email of person.childrenOf('atom:email')) {
        const address = email.text.trim();
        // An addr-spec alone (RFC 4287, 3.2.3): no name beside it, no brackets.
        if (!isEmail(address)) context.report(email, `<email> is ${JSON.stringify(address)}, which is not an email address alone; write only the address, such as "desk@example.com", and the name in <name>`);
      }
    };
    return { elements: { 'atom:author': check, 'atom:contributor': check } };
  },
};
