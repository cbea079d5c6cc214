import type { Formatter } from './shared.js';
import { escapeXml, groupByFile, messageWithRelated } from './shared.js';

/** Checkstyle XML, as Jenkins (warnings-ng) and other CI servers read it. */
export const formatCheckstyle: Formatter = (input) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  const byFile = groupByFile(input.findings);
  const files = [...input.checkedFiles, ...[...byFile.keys()].filter((f) => !input.checkedFiles.includes(f))];
  for (const file of files) {
    const findings = byFile.get(file) ?? [];
    if (!findings.length) {
      out.push(`  <file name="${escapeXml(file)}"/>`);
      continue;
    }
    out.push(`  <file name="${escapeXml(file)}">`);
    for (const f of findings) {
      out.push(
        `    <error line="${f.range.start.line}" column="${f.range.start.column}" severity="${f.severity}" message="${escapeXml(messageWithRelated(f))}" source="genai-lint.${escapeXml(f.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
