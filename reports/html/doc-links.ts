/**
 * Links from the report to the documentation each rule and operation is written from. A rule
 * citing one of the seed documents (`seed:FILE`, not a web page) links to the official page of the
 * first operation it constrains, which the seed is a copy of.
 */
import { findRule, OPERATIONS } from '../../api';
import { ebsDoc, ecsDoc } from '../../api/operations/common';
import { escapeMarkup as esc } from '../escape';

const isWeb = (doc: string) => doc.startsWith('https://') || doc.startsWith('http://');

/** `CreateDiskReplicaPair (ecs 2014-05-26)` is the report's label of the legacy operation. */
function operationOf(label: string) {
  const [action = label, rest] = label.split(' (');
  const product = rest?.split(' ')[0];
  return OPERATIONS.find((op) => op.action === action && (product === undefined || op.product === product));
}

export function operationDocUrl(label: string): string | undefined {
  const op = operationOf(label);
  if (!op) return undefined;
  if (isWeb(op.doc)) return op.doc;
  return op.product === 'ebs' ? ebsDoc(op.action) : ecsDoc(op.action);
}

export function ruleDocUrl(id: string): string | undefined {
  const rule = findRule(id);
  if (!rule) return undefined;
  if (isWeb(rule.source.doc)) return rule.source.doc;
  const first = rule.operations[0];
  return first === undefined ? undefined : operationDocUrl(first);
}

/** `text` as a link to `url` (a new tab, no referrer), or plain when there is no page. */
export const docLink = (url: string | undefined, text: string, title = 'documentation'): string =>
  url
    ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer" title="${esc(title)}">${text}</a>`
    : text;
