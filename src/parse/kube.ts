import type { YamlDocumentModel, YamlFileModel, NodeLocation } from './yaml.js';
import { locate } from './yaml.js';
import type { SourceRange } from '../types.js';
import { isRecord } from '../values.js';

/** A Kubernetes object as written in a manifest, with a way back to its source. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** The object as parsed; rules cast parts of it to kubernetes-types. */
  raw: Readonly<Record<string, unknown>>;
  /** Display path of the file it came from. */
  file: string;
  document: YamlDocumentModel;
  /** Pointer of the object inside its document: '' or '/items/N' for List members. */
  basePath: string;
  /** Loaded only so cross-object relations resolve; never reported on. */
  contextOnly: boolean;
  /** A kustomize patch: a partial object, judged only on what it sets. */
  patch?: boolean;
  /** `images:` overrides of the kustomization that lists this object's file. */
  imageOverrides?: readonly { name: string; newName?: string; newTag?: string; digest?: string }[];
}

/**
 * Sets an own property, whatever the key: `out['__proto__'] = v` would
 * replace the object's prototype instead, hiding the key from validation
 * and making its contents readable as if they were fields of the object.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}


/** Extracts the Kubernetes objects of a YAML file; `*List` kinds are flattened. */
export function kubeObjectsOf(model: YamlFileModel, file: string, contextOnly: boolean): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of model.documents) {
    if (doc.errors.length) continue;
    const v = doc.value;
    if (!isRecord(v) || typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') continue;
    if (v.kind.endsWith('List') && Array.isArray(v.items)) {
      v.items.forEach((item, i) => {
        if (isRecord(item) && typeof item.apiVersion === 'string' && typeof item.kind === 'string') {
          out.push(makeObject(item, file, doc, `/items/${i}`, contextOnly));
        }
      });
    } else {
      out.push(makeObject(v, file, doc, '', contextOnly));
    }
  }
  return out;
}

function makeObject(
  raw: Record<string, unknown>,
  file: string,
  document: YamlDocumentModel,
  basePath: string,
  contextOnly: boolean,
): KubeObject {
  const meta = isRecord(raw.metadata) ? raw.metadata : {};
  return {
    apiVersion: raw.apiVersion as string,
    kind: raw.kind as string,
    name: typeof meta.name === 'string' ? meta.name : undefined,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    raw,
    file,
    document,
    basePath,
    contextOnly,
  };
}

export type LocationPart = 'key' | 'value' | 'span';

/**
 * Source range of a path inside an object (relative to the object). A missing
 * path falls back to its nearest existing ancestor's key.
 */
export function locateInObject(obj: KubeObject, path: string, part: LocationPart = 'key'): SourceRange {
  return locateInDocument(obj.document, obj.basePath + path, part);
}

/** Source range of a pointer in a YAML document; a missing path falls back to its nearest existing ancestor's key. */
export function locateInDocument(doc: YamlDocumentModel, path: string, part: LocationPart = 'key'): SourceRange {
  const { location, exact } = locate(doc, path);
  return pick(location, exact ? part : 'key');
}

function pick(loc: NodeLocation, part: LocationPart): SourceRange {
  if (part === 'value') return loc.value;
  if (part === 'span') return loc.span;
  return loc.key ?? firstLineOf(loc.value);
}

function firstLineOf(r: SourceRange): SourceRange {
  return r.start.line === r.end.line ? r : { start: r.start, end: { line: r.start.line, column: r.start.column + 1 } };
}


