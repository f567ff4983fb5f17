/** Small DOM helpers shared by the HTML readers; all iterative, as pages can nest deeply. */
import { type AnyNode, type Element, isTag } from 'domhandler';

export interface PageContext {
  /** Canonical page URL, else where the bytes came from: the base for permalinks. */
  base: string | undefined;
}

/** Element ids written by the CMS are stable; framework-generated ones (":R3t6:") are not. */
export function stableElementId(element: Element): string | undefined {
  const id = element.attribs.id?.trim();
  return id && /^[A-Za-z][\w.-]{1,100}$/.test(id) ? id : undefined;
}

/** Depth-first, document order. */
export function findFirst(
  nodes: readonly AnyNode[],
  match: (element: Element) => boolean,
): Element | undefined {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (match(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return undefined;
}

/** Matching elements in document order, not looking inside a match. */
export function findOutermost(
  nodes: readonly AnyNode[],
  match: (element: Element) => boolean,
): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (match(node)) {
      found.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return found;
}

export function parentOf(element: Element): Element | undefined {
  return element.parent && isTag(element.parent) ? element.parent : undefined;
}
