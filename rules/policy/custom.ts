import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvErrorPointer, ajvWords, definePolicyRule, lastField, loadAjv, pointerSegment, unknownProperty } from '../../src/rule-api.js';
import type { PolicyRule } from '../../src/rule-api.js';
import type { CustomPolicy, RunSettings } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import type { DockerfileModel } from '../../src/rule-api.js';
import type { SourceRange } from '../../src/rule-api.js';

function compile(schema: Record<string, unknown>): ValidateFunction {
  return loadAjv().compile(schema);
}

/**
 * The documented JSON view of a Dockerfile that custom policies validate
 * (docs/policies.md), with the source range of each of its pointers.
 */
export function dockerfileView(model: DockerfileModel): { view: Record<string, unknown>; ranges: Map<string, SourceRange> } {
  const ranges = new Map<string, SourceRange>();
  const chain = finalImageChain(model);
  const final = chain[0];
  const stages = model.stages.map((s, i) => {
    ranges.set(`/stages/${i}`, s.from.range);
    ranges.set(`/stages/${i}/baseImage`, s.base.range);
    return {
      name: s.name ?? null,
      baseImage: s.base.resolved,
      platform: s.platform ?? null,
      instructions: s.instructions.map((instr, j) => {
        ranges.set(`/stages/${i}/instructions/${j}`, instr.range);
        return { keyword: instr.keyword, arguments: instr.argsText, line: instr.range.start.line };
      }),
    };
  });
  const instructions = chain.flatMap((s) => s.instructions);
  const lastUser = [...instructions].reverse().find((i) => i.keyword === 'USER');
  const labels: Record<string, string> = {};
  for (const i of instructions.filter((x) => x.keyword === 'LABEL')) {
    for (const p of i.properties) {
      labels[p.name] = p.resolved ?? '';
      ranges.set(`/labels/${pointerSegment(p.name)}`, p.valueRange ?? p.range);
    }
  }
  if (final) {
    const root = chain[chain.length - 1];
    ranges.set('', final.from.range);
    ranges.set('/baseImage', root.base.range);
    ranges.set('/user', lastUser?.range ?? final.from.range);
    ranges.set('/labels', final.from.range);
  }
  const view = {
    stages,
    baseImage: chain.length ? chain[chain.length - 1].base.resolved : null,
    user: lastUser ? lastUser.argsText.trim() : null,
    labels,
    exposedPorts: instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.argsText.trim().split(/\s+/)),
    healthcheck: instructions.some((i) => i.keyword === 'HEALTHCHECK'),
  };
  return { view, ranges };
}

interface Problem {
  path: string;
  part: 'key' | 'value';
  detail: string;
}

/** What failed, in words, and where it points. */
function problems(errors: readonly ErrorObject[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  // anyOf/oneOf: one problem for the alternatives, not one per failed branch.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inBranch = (e: ErrorObject) =>
    combinators.some((c) => c !== e && e.schemaPath.startsWith(c.schemaPath + '/') && e.instancePath.startsWith(c.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if' || inBranch(e)) continue;
    let p: Problem;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      p = { path: e.instancePath, part: 'key', detail: `\`${e.instancePath.slice(1).replace(/\//g, '.') || 'the object'}\` matches none of the allowed forms` };
      const key = `${p.path}\u0000${p.detail}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
      continue;
    }
    if (e.keyword === 'required') {
      p = { ...ajvErrorPointer(e, 'key'), detail: `missing \`${String((e.params as { missingProperty: string }).missingProperty)}\`${e.instancePath ? ` in ${e.instancePath.slice(1).replace(/\//g, '.')}` : ''}` };
    } else if (e.keyword === 'additionalProperties') {
      p = { ...ajvErrorPointer(e, 'key'), detail: `unexpected \`${unknownProperty(e)}\`` };
    } else if (e.keyword === 'enum' || e.keyword === 'const') {
      const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      p = { path: e.instancePath, part: 'value', detail: `\`${lastField(e.instancePath)}\` must be ${allowed.map((v) => JSON.stringify(v)).join(' or ')}` };
    } else {
      p = { path: e.instancePath, part: 'value', detail: `\`${lastField(e.instancePath)}\` ${ajvWords(e)}` };
    }
    const key = `${p.path}\u0000${p.detail}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function matches(list: readonly string[] | undefined, value: string | undefined): boolean {
  return !list?.length || (value !== undefined && list.includes(value));
}

/** One rule per custom policy of the config: a JSON Schema checked against each matching object or Dockerfile. */
export function customPolicyRules(settings: RunSettings): PolicyRule[] {
  return settings.policies.custom.map((policy: CustomPolicy) => {
    let validate: ValidateFunction | undefined;
    const run = (data: unknown): Problem[] => {
      validate ??= compile(policy.schema);
      return validate(data) ? [] : problems(validate.errors ?? []);
    };
    const meta = {
      id: policy.id,
      severity: policy.severity ?? 'error',
      summary: policy.message,
      rationale: `Custom policy from the configuration: ${policy.message}.`,
      fix: 'Change the object so that it satisfies the policy, or discuss the policy with its owners.',
      kinds: policy.match.target === 'k8s' ? policy.match.kinds : undefined,
    } as const;
    if (policy.match.target === 'dockerfile') {
      return definePolicyRule({
        meta,
        dockerfile(ctx) {
          const { view, ranges } = dockerfileView(ctx.model);
          for (const p of run(view)) {
            let at = p.path;
            while (at && !ranges.has(at)) at = at.slice(0, at.lastIndexOf('/'));
            const range = ranges.get(at) ?? ranges.get('');
            if (range) ctx.report({ message: `${policy.message}: ${p.detail}`, range });
          }
        },
      });
    }
    return definePolicyRule({
      meta,
      k8s(ctx) {
        const o = ctx.object;
        if (!matches(policy.match.kinds, o.kind) || !matches(policy.match.apiVersions, o.apiVersion) || !matches(policy.match.namespaces, o.namespace)) return;
        for (const p of run(o.raw)) ctx.report({ message: `${policy.message}: ${p.detail}`, path: p.path, part: p.part });
      },
    });
  });
}
