/**
 * A small element builder. Text always goes in as text nodes (cell contents are data, never markup);
 * there is no way to pass HTML through here.
 */
export interface ElProps {
  class?: string;
  testid?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElProps = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.testid) e.dataset.testid = props.testid;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) e.setAttribute(k, v);
  if (props.text !== undefined) e.textContent = props.text;
  append(e, children);
  return e;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** Removes every child (not replaceChildren, which the EdgeHTML webview lacks: issue 17). */
export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}
