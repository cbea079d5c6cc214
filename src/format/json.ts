import type { Formatter } from './shared.js';
import { countBySeverity } from './shared.js';
import { jsonSafe } from '../escape.js';

/** Version of the JSON output shape; bumped on breaking changes (docs/output.md). */
export const JSON_FORMAT_VERSION = 1;

/** A stable, flat shape: one entry per finding with every field. */
export const formatJson: Formatter = (input) => {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'genai-lint', version: input.toolVersion },
    summary: { ...countBySeverity(input.findings), findings: input.findings.length, files: input.filesChecked, objects: input.objectsChecked, skipped: input.skipped ?? 0 },
    findings: input.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.range.start.line,
      column: f.range.start.column,
      endLine: f.range.end.line,
      endColumn: f.range.end.column,
      ...(f.fix ? { fix: f.fix } : {}),
      // The edits --fix applies: ranges as for findings, offsets in UTF-16 code units of the text as read.
      ...(f.autofix
        ? {
            autofix: {
              applicability: f.autofix.applicability,
              edits: f.autofix.edits.map((e) => ({
                line: e.range.start.line,
                column: e.range.start.column,
                endLine: e.range.end.line,
                endColumn: e.range.end.column,
                offset: e.start,
                length: e.end - e.start,
                text: e.text,
              })),
            },
          }
        : {}),
      ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
      ...(f.related?.length ? { related: f.related.map((r) => ({ file: r.file, line: r.range.start.line, column: r.range.start.column, message: r.message })) } : {}),
    })),
  };
  return jsonSafe(JSON.stringify(out, null, 2)) + '\n';
};
