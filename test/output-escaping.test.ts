/**
 * File content must never steer a consumer of our output: names and values
 * with line breaks, terminal escape sequences, bidi marks and Markdown are
 * planted in linted files (and in a file name), and every output is checked
 * for forged workflow commands, raw control characters and live Markdown.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, formatInputFor } from '../src/index.js';
import { FORMAT_NAMES, loadFormatter } from '../src/format/index.js';
import { formatGithub, ANNOTATIONS_PER_TYPE } from '../src/format/github.js';
import { renderSummary } from '../src/action.js';
import { githubLogLine, markdownCell, markdownCode, visible } from '../src/escape.js';
import { project, REPO_ROOT } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

/** What an attacker writes into a container name or key. */
const HOSTILE = [
  '\n::error file=README.md,line=1::forged',
  '\n::add-mask::x',
  '\n::stop-commands::pwned',
  '\r\n##[error]legacy forged',
  '\u001b[2J\u001b[H✔ no problems',
  '\u001b]52;c;Y3VybCBldmlsLnNofHNo\u0007',
  '\u009b31m',
  '\u202egnp.exe',
  '[click](https://evil.example) ![x](https://evil.example/p.png) <img src=x> `code` | col',
];

/** Many Deployments whose container names carry the hostile strings: more findings than GitHub annotates, so overflow lines are printed too. */
function hostileManifest(): string {
  const docs: string[] = [];
  for (let i = 0; i < ANNOTATIONS_PER_TYPE + 5; i++) {
    const name = JSON.stringify(`c${i}${HOSTILE[i % HOSTILE.length]}`);
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}}}\n    spec:\n      containers:\n        - name: ${name}\n          image: vllm/vllm-openai:latest\n          resources: {requests: {nvidia.com/gpu: 1}}\n`,
    );
  }
  return docs.join('---\n');
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function outputsFor(dir: string): Promise<Record<string, string>> {
  const report = await lint({ paths: [dir], cwd: dir });
  const input = formatInputFor(report, dir);
  const out: Record<string, string> = {};
  for (const name of FORMAT_NAMES) out[name] = (await loadFormatter(name, false))(input);
  out['stylish-color'] = (await loadFormatter('stylish', true))(input);
  out.summary = renderSummary(report.findings, report.filesChecked, dir, undefined);
  return out;
}

describe('output cannot be steered by file content', () => {
  const dir = project({ 'k8s/deploy.yaml': hostileManifest() });
  // A file name is content too: a newline and an escape sequence in it.
  const oddName = 'k8s/odd\n::error file=x::name\u001b[31m.yaml';
  writeFileSync(join(dir, oddName), hostileManifest().split('---\n')[0]);

  it('github: every line is one of our workflow commands or a plain log line that the runner does not read as a command', async () => {
    const { github } = await outputsFor(dir);
    const lines = github.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(ANNOTATIONS_PER_TYPE);
    for (const line of lines) {
      if (/^::(error|warning|notice) /.test(line)) {
        // Our own commands: file, position and title properties, then one data part.
        expect(line).toMatch(/^::(error|warning|notice) (file=[^,:]*,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,)?title=[^,:]+::/);
        continue;
      }
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line.includes('##['), line).toBe(false);
    }
    expect(github).not.toMatch(RAW_CONTROL);
    expect(github).not.toMatch(/^\s*::(add-mask|stop-commands)/m);
  });

  it('stylish, with and without colour: no raw control characters from files, no forged lines', async () => {
    const out = await outputsFor(dir);
    for (const name of ['stylish', 'stylish-color'] as const) {
      // Our own colours are the only escape sequences: SGR codes.
      const text = out[name].replace(/\u001b\[\d+(;\d+)*m/g, '');
      expect(text, name).not.toMatch(RAW_CONTROL);
      for (const line of text.split('\n')) {
        expect(line.trimStart().startsWith('::'), line).toBe(false);
        expect(/^✔ no problems/.test(line.trim()), line).toBe(false);
      }
    }
  });

  it('JSON, SARIF, GitLab, Checkstyle and JUnit hold no raw control or bidi characters and still parse', async () => {
    const out = await outputsFor(dir);
    for (const name of ['json', 'sarif', 'gitlab']) {
      expect(out[name], name).not.toMatch(RAW_CONTROL);
      expect(() => JSON.parse(out[name])).not.toThrow();
    }
    for (const name of ['checkstyle', 'junit']) expect(out[name], name).not.toMatch(RAW_CONTROL);
    // The data survives: the JSON string still holds the original name.
    const json = JSON.parse(out.json);
    expect(json.findings.some((f: { message: string }) => f.message.includes('\u202egnp.exe'))).toBe(true);
  });

  it('job summary: user text renders as text, never as a link, image, HTML or an extra column', async () => {
    const { summary } = await outputsFor(dir);
    const rows = summary.split('\n').filter((l) => l.startsWith('| ') && /\d+:\d+/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Four cells: escaped pipes do not split a cell.
      expect(row.replace(/\\\|/g, '').split('|').length - 2, row).toBe(4);
      const message = row.split(/(?<!\\)\|/)[4];
      expect(message).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
      expect(message).not.toMatch(/<img/);
    }
    expect(summary).not.toMatch(RAW_CONTROL);
  });

  it('the CLI writes no raw control characters to stdout or stderr, with --verbose', () => {
    const r = spawnSync(process.execPath, [BIN, '.', '--verbose', 'k8s/does-not-exist\u001b[2J.yaml'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('does-not-exist\\e[2J.yaml');
  });

  it('the Action prints only escaped workflow commands and a safe summary', () => {
    const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
    writeFileSync(summary, '');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'github-action.js')], {
      cwd: '/',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, INPUT_PATHS: '. missing\u001b[2J', INPUT_SUMMARY: 'true' },
    });
    expect(r.status).toBe(2);
    for (const line of r.stdout.trimEnd().split('\n')) {
      if (/^::(error|warning|notice) /.test(line)) continue;
      expect(line.trimStart().startsWith('::'), line).toBe(false);
    }
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(readFileSync(summary, 'utf8')).not.toMatch(RAW_CONTROL);
  });
});

describe('escaping helpers', () => {
  it('visible shows control, bidi and invisible characters as escapes', () => {
    expect(visible('a\nb\r\tc\u001b[2J\u0007\u009b\u202e\u200bd')).toBe('a\\nb\\r\\tc\\e[2J\\u0007\\u009b\\u202e\\u200bd');
  });
  it('githubLogLine never starts a command', () => {
    expect(githubLogLine('::error::x')).toBe('\\::error::x');
    expect(githubLogLine('  ::add-mask::x')).toBe('\\::add-mask::x');
    expect(githubLogLine('a ##[error] b')).toBe('a #\\#[error] b');
    expect(githubLogLine('file.yaml:1:1: warning: ok')).toBe('file.yaml:1:1: warning: ok');
  });
  it('markdown cells and code spans stay literal', () => {
    expect(markdownCell('[a](b) ![c](d) <x> `y` | *z* _w_ #h')).toBe('\\[a\\]\\(b\\) \\!\\[c\\]\\(d\\) &lt;x&gt; \\`y\\` \\| \\*z\\* \\_w\\_ \\#h');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x')).toBe('`` `x ``');
  });
});
