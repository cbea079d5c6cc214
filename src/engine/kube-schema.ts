import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { buildDir, packageRoot } from '../package-root.js';
import { setOwn } from '../parse/kube.js';
import { isRecord } from '../values.js';
import { splitPointer, valueAtSegments } from '../pointer.js';
import { ajvErrorPointer, ajvWords, loadAjv, unknownProperty } from './ajv.js';
import type { Ajv as AjvType } from './ajv.js';
import { closest } from '../text.js';
import type { KubeSchemaBundle } from '../k8s-schema-bundle.js';
import { QUANTITY_PATTERN } from '../k8s-schema-bundle.js';

/** One schema violation, at a path inside the object. */
export interface SchemaProblem {
  /** JSON pointer inside the object. */
  path: string;
  /** Point at the key (unknown or misplaced fields, missing children) or the value (wrong values). */
  part: 'key' | 'value';
  message: string;
}

/** A JSON Schema a config adds for its own kind. */
export interface CustomKindSchema {
  apiVersion: string;
  kind: string;
  schema: Record<string, unknown>;
  /** Where it came from, for messages. */
  file: string;
}

const require = createRequire(import.meta.url);

/** Bundled schema versions, newest first: ["1.32", ...]. */
export function bundledVersions(): string[] {
  const dir = join(packageRoot(), 'schemas', 'kubernetes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^v1\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]));
}

/** Drops null values: a null optional field means the same as an absent one. */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) if (val !== null) setOwn(out, k, withoutNulls(val));
    return out;
  }
  return v;
}

/** `containers[0] (\`vllm\`)`, `spec.template.spec`, or `the object`. */
export function describeLocation(pointer: string, data: unknown): string {
  const segs = splitPointer(pointer);
  if (!segs.length) return 'the object';
  let lastIndex = -1;
  segs.forEach((s, i) => {
    if (/^\d+$/.test(s) && i > 0) lastIndex = i;
  });
  if (lastIndex < 0) return segs.join('.');
  const item = valueAtSegments(data, segs.slice(0, lastIndex + 1));
  const name = isRecord(item) && typeof item.name === 'string' ? ` (\`${item.name}\`)` : '';
  const rest = segs.slice(lastIndex + 1);
  return `${segs[lastIndex - 1]}[${segs[lastIndex]}]${rest.length ? '.' + rest.join('.') : ''}${name}`;
}

function fieldName(pointer: string): string {
  const segs = splitPointer(pointer);
  const last = segs[segs.length - 1];
  if (last === undefined) return 'the object';
  return /^\d+$/.test(last) && segs.length > 1 ? `${segs[segs.length - 2]}[${last}]` : last;
}

function jsType(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Values are quoted only where they cannot hold a secret: short, single words, not in an env value or Secret data. */
const QUOTABLE = /^[^\s=:@]{1,24}$/;
const UNQUOTED_FIELDS = /(^|\/)(value|data|stringData|binaryData)(\/|$)/;

function describeValue(v: unknown, pointer: string): string {
  const quotable = !UNQUOTED_FIELDS.test(pointer);
  if (typeof v === 'string') return quotable && QUOTABLE.test(v) ? `string ${JSON.stringify(v)}` : 'a string';
  if (typeof v === 'number' || typeof v === 'boolean') return quotable ? `${jsType(v)} ${String(v)}` : jsType(v);
  return jsType(v);
}

/**
 * Fields the strict schemas mark required but the API server fills in or no
 * longer needs: what kubectl apply accepts is not an error.
 */
const DEFAULTED_REQUIRED: readonly { kinds: readonly string[]; path: string; field: string }[] = [
  // SetDefaults for RBAC bindings sets roleRef.apiGroup to rbac.authorization.k8s.io.
  { kinds: ['RoleBinding', 'ClusterRoleBinding'], path: '/roleRef', field: 'apiGroup' },
  // The API server's validation accepts a StatefulSet without serviceName; only the OpenAPI document marked it required (until 1.33).
  { kinds: ['StatefulSet'], path: '/spec', field: 'serviceName' },
];

function defaultedByApiServer(kind: string, e: ErrorObject): boolean {
  if (e.keyword !== 'required') return false;
  const missing = String((e.params as { missingProperty: string }).missingProperty);
  return DEFAULTED_REQUIRED.some((d) => d.field === missing && d.path === e.instancePath && d.kinds.includes(kind));
}

/**
 * What a strategic-merge patch may do that a whole object may not: leave
 * required fields to its base, and carry `$patch`, `$retainKeys`,
 * `$setElementOrder/...` and `$deleteFromPrimitiveList/...` directives.
 */
function patchOnly(e: ErrorObject): boolean {
  if (e.keyword === 'required') return true;
  return e.keyword === 'additionalProperties' && unknownProperty(e).startsWith('$');
}

/**
 * A value that is still a variable reference (`${REPLICAS}`, envsubst or
 * Terraform input): its type is decided when it is filled in, not here.
 */
function unresolvedValue(e: ErrorObject, data: unknown): boolean {
  if (e.keyword === 'required' || e.keyword === 'additionalProperties') return false;
  const v = valueAtSegments(data, splitPointer(e.instancePath));
  return typeof v === 'string' && /\$\{[^{}]*\}/.test(v);
}

const ARTICLE: Record<string, string> = { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean (true or false)', object: 'a mapping', array: 'a list' };

/** Fields that belong in a pod spec, for "misplaced field" hints. */
const POD_SPEC_DEF = 'io.k8s.api.core.v1.PodSpec';

/**
 * Validates Kubernetes objects against the bundled strict schemas (and the
 * config's own kind schemas), compiling each kind's validator on first use.
 */
export class KubeSchemaValidator {
  private ajvInstance: AjvType | undefined;
  private loadedBundle: KubeSchemaBundle | undefined;
  private prebuiltModule: Record<string, ValidateFunction> | null | undefined;
  private readonly compiled = new Map<string, ValidateFunction | null>();
  /** Root schema per kind, to look up what is allowed where an error points. */
  private readonly rootOf = new Map<string, unknown>();
  readonly version: string;

  constructor(
    requestedVersion: string,
    private readonly custom: readonly CustomKindSchema[] = [],
  ) {
    const available = bundledVersions();
    this.version = available.includes(requestedVersion) ? requestedVersion : (available[0] ?? requestedVersion);
  }

  private get bundle(): KubeSchemaBundle {
    if (!this.loadedBundle) {
      const file = join(packageRoot(), 'schemas', 'kubernetes', `v${this.version}`, 'bundle.json');
      this.loadedBundle = JSON.parse(readFileSync(file, 'utf8')) as KubeSchemaBundle;
    }
    return this.loadedBundle;
  }

  /** ajv, for custom schemas and when the prebuilt validators are missing. */
  private get ajv(): AjvType {
    if (!this.ajvInstance) {
      this.ajvInstance = loadAjv();
      this.ajvInstance.addSchema({ $id: 'k8s', definitions: this.bundle.definitions }, 'k8s');
    }
    return this.ajvInstance;
  }

  /** Validators compiled at build time (scripts/k8s-validators.mjs), if present. */
  private get prebuilt(): Record<string, ValidateFunction> | null {
    if (this.prebuiltModule === undefined) {
      const file = join(buildDir(), 'kube-validators', `v${this.version}.cjs`);
      this.prebuiltModule = existsSync(file) ? (require(file) as Record<string, ValidateFunction>) : null;
    }
    return this.prebuiltModule;
  }

  private validatorFor(apiVersion: string, kind: string): ValidateFunction | null {
    const key = `${apiVersion} ${kind}`;
    const cached = this.compiled.get(key);
    if (cached !== undefined) return cached;
    let fn: ValidateFunction | null = null;
    const custom = this.custom.find((c) => c.apiVersion === apiVersion && c.kind === kind);
    const definition = this.bundle.kinds[key];
    if (custom) fn = this.ajv.compile(custom.schema);
    else if (definition) {
      fn = this.prebuilt?.[`v_${definition.replace(/[^A-Za-z0-9]/g, '_')}`] ?? this.ajv.getSchema(`k8s#/definitions/${definition}`) ?? null;
    }
    this.compiled.set(key, fn);
    this.rootOf.set(key, custom ? custom.schema : definition ? { $ref: `#/definitions/${definition}` } : {});
    return fn;
  }

  /** The (bundle) schema that applies at a path inside an object of a kind; follows $ref, properties and items. */
  private schemaAt(key: string, segs: readonly string[]): Record<string, unknown> | undefined {
    const resolve = (s: unknown): Record<string, unknown> | undefined => {
      let cur = s;
      for (let hops = 0; isRecord(cur) && typeof cur.$ref === 'string' && hops < 32; hops++) {
        const name = cur.$ref.replace(/^#\/definitions\//, '');
        cur = this.bundle.definitions[name];
      }
      return isRecord(cur) ? cur : undefined;
    };
    let cur = resolve(this.rootOf.get(key));
    for (const seg of segs) {
      if (!cur) return undefined;
      const props = isRecord(cur.properties) ? cur.properties : undefined;
      if (props && seg in props) cur = resolve(props[seg]);
      else if (/^\d+$/.test(seg) && cur.items) cur = resolve(cur.items);
      else if (isRecord(cur.additionalProperties)) cur = resolve(cur.additionalProperties);
      else return undefined;
    }
    return cur;
  }

  /** Problems of one object; undefined when no schema is known for its kind (CRDs). */
  validate(apiVersion: string, kind: string, raw: unknown, opts: { partial?: boolean } = {}): SchemaProblem[] | undefined {
    const fn = this.validatorFor(apiVersion, kind);
    if (!fn) return undefined;
    const data = withoutNulls(raw);
    if (fn(data)) return [];
    const errors = ((fn.errors ?? []) as ErrorObject[]).filter(
      (e) => !defaultedByApiServer(kind, e) && !unresolvedValue(e, data) && !(opts.partial && patchOnly(e)),
    );
    return this.interpret(errors, data, `${apiVersion} ${kind}`);
  }

  private podSpecFields(): string[] {
    const def = this.bundle.definitions[POD_SPEC_DEF] as { properties?: Record<string, unknown> } | undefined;
    return Object.keys(def?.properties ?? {});
  }

  /** One problem per real mistake: oneOf branches and repeated paths are collapsed. */
  private interpret(errors: readonly ErrorObject[], data: unknown, key: string): SchemaProblem[] {
    const out: SchemaProblem[] = [];
    const seen = new Set<string>();
    const push = (p: SchemaProblem) => {
      const key = `${p.path}\u0000${p.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(p);
    };
    // oneOf/anyOf at a path: its branch errors at that same path become one message.
    const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    const branchOf = (e: ErrorObject) =>
      combinators.find((c) => c.instancePath === e.instancePath && e !== c && e.schemaPath.startsWith(c.schemaPath.replace(/\/(oneOf|anyOf)$/, '') + '/' + c.keyword + '/'));

    for (const c of combinators) {
      const branches = errors.filter((e) => branchOf(e) === c);
      const value = valueAtSegments(data, splitPointer(c.instancePath));
      const isQuantity =
        branches.some((b) => b.keyword === 'pattern' && (b.params as { pattern?: string }).pattern === QUANTITY_PATTERN) ||
        JSON.stringify(this.schemaAt(key, splitPointer(c.instancePath)) ?? '').includes(JSON.stringify(QUANTITY_PATTERN).slice(1, -1));
      const types = [...new Set(branches.filter((b) => b.keyword === 'type').map((b) => String((b.params as { type: string }).type)))];
      const expected = isQuantity ? 'a quantity such as 4Gi, 500m or 2' : types.length ? types.map((t) => ARTICLE[t] ?? t).join(' or ') : 'valid';
      push({ path: c.instancePath, part: 'value', message: `\`${fieldName(c.instancePath)}\` must be ${expected}, got ${describeValue(value, c.instancePath)}` });
    }

    for (const e of errors) {
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || branchOf(e)) continue;
      const where = describeLocation(e.instancePath, data);
      if (e.keyword === 'additionalProperties') {
        const prop = unknownProperty(e);
        const here = (e.parentSchema as Record<string, unknown> | undefined) ?? this.schemaAt(key, splitPointer(e.instancePath));
        const allowed = Object.keys(isRecord(here?.properties) ? here.properties : {});
        const { path } = ajvErrorPointer(e, 'key');
        let hint = '';
        const suggestion = closest(prop, allowed);
        if (suggestion) hint = `; did you mean \`${suggestion}\`?`;
        else if (/\/(containers|initContainers|ephemeralContainers)\/\d+$/.test(e.instancePath) && this.podSpecFields().includes(prop)) {
          hint = '; it belongs in the pod spec, not in a container';
        } else if (/^(\/spec\/template)?\/spec$/.test(e.instancePath) && e.instancePath !== '/spec/template/spec' && this.podSpecFields().includes(prop) && !allowed.includes('containers')) {
          hint = '; it belongs in the pod template spec (spec.template.spec)';
        }
        push({ path, part: 'key', message: `unknown field \`${prop}\` in ${where}${hint}` });
      } else if (e.keyword === 'required') {
        const missing = String((e.params as { missingProperty: string }).missingProperty);
        push({ ...ajvErrorPointer(e, 'key'), message: `missing required field \`${missing}\` in ${where}` });
      } else if (e.keyword === 'type') {
        const t = String((e.params as { type: string }).type);
        push({ path: e.instancePath, part: 'value', message: `\`${fieldName(e.instancePath)}\` must be ${ARTICLE[t] ?? t}, got ${describeValue(valueAtSegments(data, splitPointer(e.instancePath)), e.instancePath)}` });
      } else if (e.keyword === 'enum') {
        const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v));
        const got = valueAtSegments(data, splitPointer(e.instancePath));
        const suggestion = typeof got === 'string' ? closest(got, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String)) : undefined;
        push({
          path: e.instancePath,
          part: 'value',
          message: `\`${fieldName(e.instancePath)}\` must be one of ${allowed.join(', ')}, got ${describeValue(got, e.instancePath)}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        });
      } else {
        push({ path: e.instancePath, part: 'value', message: `\`${fieldName(e.instancePath)}\` ${ajvWords(e)}` });
      }
    }
    return out;
  }
}
