// A small strict XML 1.0 reader for tests: fails on anything not well-formed, returns the element tree.

/** An element read back from XML. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`"<" in text or attribute at ${where}`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(raw)) throw new Error(`character illegal in XML 1.0 at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (_whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & at ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    return String.fromCodePoint(m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10));
  });
}

/** Parses `xml` (one root element after an optional declaration); throws when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skipSpace = (): void => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated declaration');
    i = end + 2;
  }
  skipSpace();
  const readElement = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`expected < at ${i}`);
    i++;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at ${i}`);
    i += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return element;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = NAME.exec(xml.slice(i))?.[0];
      if (!attr) throw new Error(`bad attribute at ${i}`);
      i += attr.length;
      if (xml[i] !== '=' || xml[i + 1] !== '"') throw new Error(`expected ="… at ${i}`);
      const end = xml.indexOf('"', i + 2);
      if (end < 0) throw new Error('unterminated attribute');
      if (attr in element.attributes) throw new Error(`duplicate attribute ${attr}`);
      element.attributes[attr] = decode(xml.slice(i + 2, end), i);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${name}>`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) throw new Error(`]]> in text at ${i}`);
      element.text += decode(raw, i);
      i = lt;
      if (xml.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!xml.startsWith(close, i)) throw new Error(`mismatched close tag at ${i}, expected ${close}`);
        i += close.length;
        return element;
      }
      element.children.push(readElement());
    }
  };
  const root = readElement();
  skipSpace();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every descendant element named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}
