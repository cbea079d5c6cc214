import type { KubeObject } from '../parse/kube.js';

/** Every Kubernetes object of a run, indexed for cross-object lookups. */
export class RunIndex {
  private readonly byKindMap = new Map<string, KubeObject[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly objects: readonly KubeObject[]) {
    for (const o of objects) {
      const list = this.byKindMap.get(o.kind);
      if (list) list.push(o);
      else this.byKindMap.set(o.kind, [o]);
    }
  }

  ofKind(...kinds: string[]): readonly KubeObject[] {
    if (kinds.length === 1) return this.byKindMap.get(kinds[0]) ?? [];
    return kinds.flatMap((k) => this.byKindMap.get(k) ?? []);
  }

  /**
   * A derived index built once per run on first use (by name), so
   * cross-object lookups stay linear on monorepos with thousands of objects.
   */
  memo<T>(name: string, build: (index: RunIndex) => T): T {
    if (!this.memos.has(name)) this.memos.set(name, build(this));
    return this.memos.get(name) as T;
  }

  /** Objects of a kind with a given name (any namespace). */
  named(kind: string, name: string): readonly KubeObject[] {
    const byName = this.memo(`named:${kind}`, (idx) => {
      const m = new Map<string, KubeObject[]>();
      for (const o of idx.ofKind(kind)) if (o.name !== undefined) m.set(o.name, [...(m.get(o.name) ?? []), o]);
      return m;
    });
    return byName.get(name) ?? [];
  }
}

/**
 * Whether two namespaces can be the same at apply time. An object without a
 * namespace lands in whatever namespace it is applied to, so it matches any.
 */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}
