/** Image references: Docker Hub normalisation and pattern matching for policies. */
import { splitImageReference } from '../../src/parse/dockerfile.js';

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

function globToRegex(pattern: string): RegExp {
  return new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
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
  const re = globToRegex(normalisePattern(pattern));
  return re.test(img.repository) || re.test(img.full);
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
  return patterns.find((p) => globToRegex(p.toLowerCase()).test(tag.toLowerCase()));
}
