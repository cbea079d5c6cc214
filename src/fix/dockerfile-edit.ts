/**
 * Edits of a Dockerfile for rule fixes: text inserted after, or put in place
 * of, a range the rule located. Every other byte of the file stays as it is.
 */
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { SourceRange, TextEdit } from '../types.js';

export class DockerfileEditor {
  constructor(private readonly model: DockerfileModel) {}

  /** The source text of a range. */
  textOf(range: SourceRange): string {
    return this.model.text.slice(this.model.index.offsetAt(range.start), this.model.index.offsetAt(range.end));
  }

  /** Inserts `text` right after the range. */
  insertAfter(range: SourceRange, text: string): TextEdit {
    const at = this.model.index.offsetAt(range.end);
    return { start: at, end: at, text };
  }

  /** Replaces the range with `text`. */
  replace(range: SourceRange, text: string): TextEdit {
    return { start: this.model.index.offsetAt(range.start), end: this.model.index.offsetAt(range.end), text };
  }
}
