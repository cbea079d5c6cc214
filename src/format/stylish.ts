import type { Formatter } from './shared.js';
import { countBySeverity, groupByFile } from './shared.js';
import { visible } from '../escape.js';

/** The colours stylish output uses (a Chalk instance fits). */
export interface Style {
  red: StyleFn & { bold: StyleFn };
  yellow: StyleFn & { bold: StyleFn };
  blue: StyleFn & { bold: StyleFn };
  green: StyleFn;
  dim: StyleFn;
  underline: StyleFn;
}
type StyleFn = (text: string) => string;

const same: StyleFn = (t) => t;
const sameWithBold = Object.assign((t: string) => t, { bold: same });
/** No colours: NO_COLOR, --no-color, pipes and files. */
export const plainStyle: Style = { red: sameWithBold, yellow: sameWithBold, blue: sameWithBold, green: same, dim: same, underline: same };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Grouped by file (text from linted files shown with visible escapes, so it cannot steer a terminal): `line:col  severity  message  rule-id`, fix hints, then a summary line. */
export function stylishFormatter(c: Style): Formatter {
  return (input) => {
    const lines: string[] = [];
    for (const [file, findings] of groupByFile(input.findings)) {
      lines.push(c.underline(visible(file)));
      const posWidth = Math.max(...findings.map((f) => `${f.range.start.line}:${f.range.start.column}`.length));
      for (const f of findings) {
        const pos = `${f.range.start.line}:${f.range.start.column}`.padEnd(posWidth);
        const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
        lines.push(`  ${c.dim(pos)}  ${sev}  ${visible(f.message)}  ${c.dim(visible(f.ruleId))}`);
        if (f.fix) lines.push(`  ${' '.repeat(posWidth)}  ${c.dim('       fix: ' + visible(f.fix))}`);
        for (const r of f.related ?? []) lines.push(`  ${' '.repeat(posWidth)}  ${c.dim(`       see: ${visible(`${r.file}:${r.range.start.line}:${r.range.start.column}`)} ${visible(r.message)}`)}`);
      }
      lines.push('');
    }
    const { errors, warnings, infos } = countBySeverity(input.findings);
    const total = input.findings.length;
    const checked = `${plural(input.filesChecked, 'file')} checked${input.skipped ? `, ${input.skipped} skipped` : ''}`;
    if (total === 0) {
      lines.push(c.green(`✔ no problems (${checked})`));
    } else {
      const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${checked}`;
      lines.push(errors ? c.red.bold(summary) : warnings ? c.yellow.bold(summary) : c.blue.bold(summary));
      const safe = input.findings.filter((f) => f.autofix?.applicability === 'safe').length;
      const unsafe = input.findings.filter((f) => f.autofix?.applicability === 'unsafe').length;
      if (safe || unsafe) {
        const parts = [safe ? `${safe} fixable with \`--fix\`` : '', unsafe ? `${unsafe} ${safe ? 'more ' : ''}with \`--fix --unsafe-fixes\`` : ''].filter(Boolean);
        lines.push(c.dim(`  ${parts.join(', ')}`));
      }
    }
    return lines.join('\n') + '\n';
  };
}
