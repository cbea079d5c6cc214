/**
 * Facts of a run, read once from the files found before any rule runs and
 * handed forward to every thread: not configuration, so never part of it.
 */
import type { KustomizeFacts } from '../kustomize.js';

export interface RunFacts {
  /** Absolute Dockerfile path -> absolute build context, from Compose `build:` entries in the run. */
  buildContexts?: Readonly<Record<string, string>>;
  /** What the kustomizations of the run say about the other files (patches, namespaces, image overrides). */
  kustomize?: KustomizeFacts;
}
