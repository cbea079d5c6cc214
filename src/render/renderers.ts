/** The renderers a run starts, in order (see render/source.ts). */
import { helmRenderer } from './helm.js';
import { kustomizeRenderer } from './kustomize.js';
import type { Renderer } from './source.js';

export const RENDERERS: readonly Renderer[] = [helmRenderer, kustomizeRenderer()];
