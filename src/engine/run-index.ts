import type { KubeObject } from '../parse/kube.js';

/** Every Kubernetes object of a run, indexed for cross-object lookups. */
export class RunIndex {
  private readonly byKindMap = new Map<string, KubeObject[]>();

  constructor(readonly objects: readonly KubeObject[]) {
    for (const o of objects) {
      const list = this.byKindMap.get(o.kind);
      if (list) list.push(o);
      else this.byKindMap.set(o.kind, [o]);
    }
  }

  ofKind(...kinds: string[]): KubeObject[] {
    return kinds.flatMap((k) => this.byKindMap.get(k) ?? []);
  }
}

/**
 * Whether two namespaces can be the same at apply time. An object without a
 * namespace lands in whatever namespace it is applied to, so it matches any.
 */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}
