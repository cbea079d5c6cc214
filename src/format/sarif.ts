import { ruleDocsUrl } from '../package-root.js';
import type { Formatter } from './shared.js';
import { jsonSafe } from '../escape.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning accepts it. */
export const formatSarif: Formatter = (input) => {
  const rules = input.rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.rationale },
    help: { text: `${r.rationale}\n\nFix: ${r.fix}`, markdown: `${r.rationale}\n\n**Fix:** ${r.fix}` },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.severity] },
    // GitHub rates security rules by `security-severity` (shown only with the `security` tag).
    properties: r.securitySeverity ? { tags: [r.target, 'security'], 'security-severity': r.securitySeverity.toFixed(1) } : { tags: [r.target] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = input.findings.map((f) => ({
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
    ...(f.fingerprint ? { partialFingerprints: { 'genaiLint/v1': f.fingerprint } } : {}),
    // An empty deleted region is an insertion point.
    ...(f.autofix
      ? {
          fixes: [
            {
              description: { text: f.fix ?? f.message },
              artifactChanges: [
                {
                  artifactLocation: { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' },
                  replacements: f.autofix.edits.map((e) => ({
                    deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
                    insertedContent: { text: e.text },
                  })),
                },
              ],
              properties: { applicability: f.autofix.applicability },
            },
          ],
        }
      : {}),
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.range.start.line,
            startColumn: f.range.start.column,
            endLine: f.range.end.line,
            endColumn: f.range.end.column,
          },
        },
      },
    ],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: {
              artifactLocation: { uri: encodePath(r.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: r.range.start.line, startColumn: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column },
            },
          })),
        }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'genai-lint',
            version: input.toolVersion,
            informationUri: 'https://github.com/genai-lint/genai-lint',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return jsonSafe(JSON.stringify(log, null, 2)) + '\n';
};
