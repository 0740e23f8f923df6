import { isMap, isSeq, type LineCounter, type Node } from "yaml";

/**
 * The line of the deepest key along `path` that exists in the YAML tree, so a problem points at the
 * offending key, or at its parent when the key is missing.
 */
export function lineAt(
  node: unknown,
  path: readonly PropertyKey[],
  lines: LineCounter,
  fallback: number,
): number {
  let line = fallback;
  let current: unknown = node;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
      if (!pair) break;
      line = lineOf(pair.key as Node, lines) ?? line;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === "number") {
      current = current.items[segment];
      line = lineOf(current as Node, lines) ?? line;
    } else break;
  }
  return line;
}

export function lineOf(node: Node | null | undefined, lines: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
