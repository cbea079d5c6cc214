import type { Finding } from '../types.js';
import type { Formatter } from './shared.js';
import { escapeXml, groupByFile, messageWithRelated } from './shared.js';

/**
 * JUnit XML: one test suite per file, one test case per file and rule that
 * reported (failing, with every finding), and one passing case for a clean file.
 */
export const formatJunit: Formatter = (input) => {
  const byFile = groupByFile(input.findings);
  const files = [...input.checkedFiles, ...[...byFile.keys()].filter((f) => !input.checkedFiles.includes(f))];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const findings = byFile.get(file) ?? [];
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const cases: string[] = [];
    if (!byRule.size) cases.push(`    <testcase name="genai-lint" classname="${escapeXml(file)}"/>`);
    for (const [ruleId, list] of byRule) {
      const body = list.map((f) => escapeXml(`${f.range.start.line}:${f.range.start.column} ${f.severity}: ${messageWithRelated(f)}`)).join('\n');
      const worst = list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info';
      cases.push(
        `    <testcase name="${escapeXml(ruleId)}" classname="${escapeXml(file)}">\n      <failure message="${escapeXml(`${list.length} finding${list.length > 1 ? 's' : ''}: ${list[0].message}`)}" type="${worst}">${body}</failure>\n    </testcase>`,
      );
    }
    tests += cases.length;
    failures += byRule.size;
    suites.push(`  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${byRule.size}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="genai-lint" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>'].join('\n') + '\n';
};
