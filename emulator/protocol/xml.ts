/**
 * A small XML writer for the RPC response shape: each field an element; an array repeats the
 * element named like its field (`Tags: [a, b]` -> `<Tags>a</Tags><Tags>b</Tags>`), which also
 * gives the ECS wrapper style (`Disks: {Disk: [..]}` -> `<Disks><Disk>..</Disk><Disk>..</Disk></Disks>`).
 */
const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 cannot carry at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the ones to drop.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(XML_SPECIAL, (c) => XML_ENTITY[c] ?? c);
}

function writeField(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) writeField(out, name, item);
    return;
  }
  out.push(`<${name}>`);
  if (typeof value === 'object') writeFields(out, value as Record<string, unknown>);
  else out.push(escapeXml(String(value)));
  out.push(`</${name}>`);
}

function writeFields(out: string[], fields: Record<string, unknown>): void {
  for (const key in fields) writeField(out, key, fields[key]);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** `<root>` holding the fields in order, with the XML declaration. */
export function xmlDocument(root: string, fields: Record<string, unknown>): string {
  const out = [XML_DECLARATION, `<${root}>`];
  writeFields(out, fields);
  out.push(`</${root}>`);
  return out.join('');
}
