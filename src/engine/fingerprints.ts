/** Fingerprints: a finding's identity that survives edits elsewhere in its file. */
import { createHash } from 'node:crypto';
import type { DockerfileModel, DockerInstruction } from '../parse/dockerfile.js';
import type { Finding, SourceRange } from '../types.js';

/**
 * What a Dockerfile finding is about, independent of its line: the
 * instruction's text, whitespace collapsed. Computed once per instruction
 * (a RUN line of 20,000 words with a finding per word shares one copy), and
 * instructions are found by binary search on their lines.
 */
export function dockerfileLocator(model: DockerfileModel): (range: SourceRange) => string {
  const byInstruction = new Map<DockerInstruction, string>();
  const list = model.instructions;
  return (range) => {
    const line = range.start.line;
    let lo = 0;
    let hi = list.length - 1;
    let instr: DockerInstruction | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].range;
      if (r.end.line < line) lo = mid + 1;
      else if (r.start.line > line) hi = mid - 1;
      else {
        instr = list[mid];
        break;
      }
    }
    if (!instr) return model.index.lineText(line).replace(/\s+/g, ' ').trim();
    let text = byInstruction.get(instr);
    if (text === undefined) byInstruction.set(instr, (text = `${instr.keyword} ${instr.argsText}`.replace(/\s+/g, ' ').trim()));
    return text;
  };
}

/** Locators up to this length enter fingerprints as they are; longer ones by their digest. */
const MAX_PLAIN_LOCATOR = 1024;

/**
 * Fingerprints: rule, file and locator (object + key path, or instruction
 * text), plus an occurrence counter for repeats; never the line number.
 */
export function assignFingerprints(findings: Finding[], locators: WeakMap<Finding, string>, text: string): void {
  let lines: string[] | undefined;
  const lineOf = (f: Finding) => (lines ??= text.split(/\r?\n/))[f.range.start.line - 1]?.trim() ?? '';
  const seen = new Map<string, number>();
  // A long locator (a RUN line of thousands of words) is hashed once, however many findings share it.
  const digests = new Map<string, string>();
  const short = (locator: string) => {
    if (locator.length <= MAX_PLAIN_LOCATOR) return locator;
    let d = digests.get(locator);
    if (d === undefined) digests.set(locator, (d = `sha256:${createHash('sha256').update(locator).digest('hex')}`));
    return d;
  };
  for (const f of findings) {
    const base = `${f.ruleId}\u0000${f.file}\u0000${short(locators.get(f) ?? lineOf(f))}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.fingerprint = createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
  }
}
