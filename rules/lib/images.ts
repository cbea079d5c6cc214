/** Image references: Docker Hub normalisation and pattern matching for policies. */
import { splitImageReference } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';

/**
 * The fully qualified form of an image reference: `python:3.12` is
 * `docker.io/library/python:3.12`, `user/app` is `docker.io/user/app`.
 */
export function normaliseImage(ref: string): { repository: string; full: string } {
  const { repository, tag, digest } = splitImageReference(ref);
  const first = repository.split('/')[0];
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repo = repository;
  if (!hasRegistry) repo = repository.includes('/') ? `docker.io/${repository}` : `docker.io/library/${repository}`;
  if (repo.startsWith('index.docker.io/')) repo = 'docker.io/' + repo.slice('index.docker.io/'.length);
  return { repository: repo, full: repo + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '') };
}

/**
 * Whether `text` matches a pattern where `*` stands for any characters and
 * everything else for itself. Each `*` is given up only for the last one,
 * so the time is at most text length x pattern length; as a regex
 * (`^a.*b.*c$`) it grew with a power of the text length per `*`. The texts
 * are image references, which hold no line breaks (no `.` to exclude them).
 */
function wildcardMatch(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      t++;
      p++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Adds Docker Hub's registry and library path to a pattern without a registry, as for images. */
function normalisePattern(pattern: string): string {
  const first = pattern.split('/')[0];
  if (pattern.startsWith('*') || (pattern.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))) return pattern;
  return pattern.includes('/') ? `docker.io/${pattern}` : `docker.io/library/${pattern}`;
}

/** Whether an image matches a pattern such as `ghcr.io/acme/*`, `python` or `nvcr.io/nvidia/cuda:*-runtime-*`. */
export function imageMatches(image: string, pattern: string): boolean {
  const img = normaliseImage(image);
  const glob = normalisePattern(pattern);
  return wildcardMatch(img.repository, glob) || wildcardMatch(img.full, glob);
}

/**
 * The image-reference grammar of the container registries (distribution's
 * `reference` package): optional registry host[:port], lower-case path
 * components, optional tag and digest.
 */
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/**
 * Template and substitution syntaxes that stand for a value filled in later:
 * Go/Jinja/Helm `{{ }}` and `{% %}`, shell and envsubst `$VAR`/`${VAR}`,
 * Kubernetes `$(VAR)`, Terraform `${}`/`%{}`, `#{VAR}#` token replacement,
 * `@VAR@` (configure) and `<placeholder>`.
 */
const TEMPLATE_SYNTAX = /\{\{|\{%|\$\{|\$\(|\$[A-Za-z_]|%\{|#\{|@[A-Za-z_][A-Za-z0-9_]*@|<[^>]*>/;

/**
 * Whether an image reference can be judged as written: false for templates
 * and unresolved variables (`{{ SRC_IMAGE }}`, `${IMAGE}`, `$(REGISTRY)/app`)
 * and for anything that is not a valid reference (upper-case `MY_IMAGE`
 * placeholders). Rules about tags, registries or base images report nothing
 * on such references: the real image is only known at render or build time.
 */
export function isResolvableImage(ref: string): boolean {
  const r = ref.trim();
  // No registry accepts a reference this long; the bound also keeps the match linear.
  return r !== '' && r.length <= 512 && !TEMPLATE_SYNTAX.test(r) && REFERENCE.test(r);
}

/**
 * Tags that move to a new image without the reference changing: `latest`
 * and its variants, channel names and branch names. Patterns may use `*`.
 */
export const DEFAULT_FLOATING_TAGS: readonly string[] = [
  'latest',
  'latest-*',
  '*-latest',
  'nightly',
  'main',
  'master',
  'dev',
  'develop',
  'edge',
  'stable',
  'rolling',
];

/** The floating-tag pattern a tag matches (case-insensitive), if any. */
export function floatingTagPattern(tag: string, patterns: readonly string[]): string | undefined {
  return patterns.find((p) => wildcardMatch(tag.toLowerCase(), p.toLowerCase()));
}

/**
 * The image a container really runs once the `images:` overrides of the
 * kustomization that lists its file are applied (matched on the name
 * without tag or digest, as kustomize does); the reference unchanged when
 * none applies.
 */
export function kustomizedImage(image: string, overrides: KubeObject['imageOverrides']): string {
  if (!overrides?.length) return image;
  const ref = splitImageReference(image);
  const o = overrides.find((x) => x.name === ref.repository);
  if (!o) return image;
  const name = o.newName ?? ref.repository;
  if (o.digest) return `${name}@${o.digest}`;
  const tag = o.newTag ?? ref.tag;
  return `${name}${tag ? `:${tag}` : ''}${!o.newTag && ref.digest ? `@${ref.digest}` : ''}`;
}
