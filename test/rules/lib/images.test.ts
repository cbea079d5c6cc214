import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOATING_TAGS, floatingTagPattern, isResolvableImage } from '../../../rules/lib/images.js';

describe('floating tags', () => {
  it.each([
    ['latest', 'latest'],
    ['latest-gpu', 'latest-*'],
    ['v1.31-latest', '*-latest'],
    ['Nightly', 'nightly'],
    ['main', 'main'],
    ['nightly-2024-10-01', undefined],
    ['1.4.0-dev.3', undefined],
    ['v0.6.3', undefined],
  ])('%s', (tag, pattern) => expect(floatingTagPattern(tag, DEFAULT_FLOATING_TAGS)).toBe(pattern));
});

describe('image references that cannot be resolved', () => {
  it.each(['{{ SRC_IMAGE }}', '${IMAGE}', '$IMAGE', '$(REGISTRY)/app:1.0', 'ghcr.io/acme/app:{{.Tag}}', 'registry/app:%{tag}', '#{IMAGE}#', '@IMAGE@', '<image>', 'MY_IMAGE', ''])(
    '%s is not judged',
    (ref) => expect(isResolvableImage(ref)).toBe(false),
  );
  it.each(['python', 'python:3.12', 'registry.local:5000/ml/base', 'ghcr.io/acme/app@sha256:' + 'a'.repeat(64), 'localhost/app:latest', 'nvcr.io/nvidia/tritonserver:24.08-py3'])(
    '%s is a reference',
    (ref) => expect(isResolvableImage(ref)).toBe(true),
  );
});
