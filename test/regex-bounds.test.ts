/**
 * Patterns over linted text that backtracked super-linearly, fed their worst
 * case through the function that uses them. Each input took seconds (or
 * longer than any run may take) before the pattern was made linear; the
 * assertions are on results, and each test's generous timeout only stops a
 * regression from hanging CI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { imageMatches } from '../rules/lib/images.js';
import { secretFileKind } from '../rules/lib/secrets.js';
import { findWeightDownloads } from '../rules/lib/weights.js';
import { compileGlob, scanBuildContext } from '../src/engine/build-context.js';
import { lintSources } from '../src/engine/runner.js';
import type { SourceInput } from '../src/engine/sources.js';
import { keyBeforeColon, parseYaml } from '../src/parse/yaml.js';
import { trimTrailingSlashes } from '../src/text.js';
import { configOf } from './helpers.js';

const LONG = 100_000;
const BOUND = 20_000;

function lint(displayPath: string, text: string, kind: SourceInput['kind']) {
  return lintSources({ sources: [{ displayPath, kind, contextOnly: false, text }], config: configOf(), rules: RULES }).findings;
}

const dockerfile = (run: string) => lint('Dockerfile', `FROM python:3.12-slim\nRUN ${run}\nUSER 1000\n`, 'dockerfile');
const pipCache = (run: string) => dockerfile(run).filter((f) => f.ruleId === 'dockerfile/pip-cache').map((f) => [f.range.start.line, f.range.start.column]);
/** One pip-cache finding, at `pip install` in `RUN <run>` (line 2, after `RUN `). */
const expectReportedAtPip = (run: string) => expect(pipCache(run)).toEqual([[2, 'RUN '.length + run.indexOf('pip install') + 1]]);

describe('trailing slashes (`/\\/+$/` restarted at every slash of a run)', () => {
  it('a run of slashes that does not end the text', () => {
    const path = 'a' + '/'.repeat(LONG) + 'b';
    expect(trimTrailingSlashes(path)).toBe(path);
    expect(trimTrailingSlashes('models///')).toBe('models');
    expect(trimTrailingSlashes('///')).toBe('');
    expect(secretFileKind(path)).toBeUndefined();
    expect(secretFileKind('home/.aws//')).toBe(secretFileKind('home/.aws/'));
    expect(secretFileKind('home/.aws//')).toBeDefined();
    expect(compileGlob('x' + '/'.repeat(LONG) + 'y')('x/y')).toBe(false);
  }, BOUND);
});

describe('.dockerignore exceptions (`/^\\s*!/m` ran across blank lines from each line start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'genai-lint-regex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'models'));
  writeFileSync(join(dir, 'models', 'a.bin'), 'x');
  writeFileSync(join(dir, 'models', 'keep.bin'), 'x');

  it('100,000 blank lines without an exception, then with one', () => {
    writeFileSync(join(dir, '.dockerignore'), '\n'.repeat(LONG) + 'models\n');
    expect(scanBuildContext(dir, undefined, 100).files.map((f) => f.path)).toEqual(['.dockerignore']);
    writeFileSync(join(dir, '.dockerignore'), 'models\n' + ' \n'.repeat(LONG) + '  !models/keep.bin\n');
    expect(scanBuildContext(dir, undefined, 100).files.map((f) => f.path).sort()).toEqual(['.dockerignore', 'models/keep.bin']);
  }, BOUND);
});

describe('duplicate-key name (`^-?\\s*([^:#]+?)\\s*:` split a run of blanks three ways)', () => {
  it('a duplicate key after 100,000 blanks, on a line with no colon', () => {
    const r = parseYaml(`-${' '.repeat(LONG)}{a, a}\n`);
    expect(JSON.stringify(r)).toContain('duplicate key in mapping: only one of the values takes effect');
  }, BOUND);

  it('names the key as the pattern did', () => {
    expect(keyBeforeColon('- name: x')).toBe('name');
    expect(keyBeforeColon('image :x')).toBe('image');
    expect(keyBeforeColon('-:')).toBe('-');
    expect(keyBeforeColon('- :')).toBe(' ');
    expect(keyBeforeColon('a # b: c')).toBeUndefined();
    expect(keyBeforeColon('-' + ' '.repeat(LONG) + 'x')).toBeUndefined();
  });
});

describe('compose/gpu-reservation (`/:.*cpu/` rescanned from every colon)', () => {
  const tgi = (tag: string) => lint('compose.yaml', `services:\n  tgi:\n    image: "ghcr.io/huggingface/text-generation-inference${tag}"\n`, 'compose')
    .filter((f) => f.ruleId === 'compose/gpu-reservation')
    .map((f) => [f.range.start.line, f.range.start.column]);

  it('an image with 100,000 colons is GPU-only; a cpu tag is not', () => {
    expect(tgi(':'.repeat(LONG))).toEqual([[3, 12]]);
    expect(tgi(':2.4-cpu')).toEqual([]);
  }, BOUND);
});

describe('dockerfile/pip-cache', () => {
  it('`rm -r` then 100,000 blanks (blanks split between `\\s+` and the path)', () => {
    expectReportedAtPip(`rm -r${' '.repeat(LONG)}x && pip install torch`);
  }, BOUND);

  it('`rm -f` with 100,000 flag letters (`[a-z]*r[a-z]*` split them every way)', () => {
    expectReportedAtPip(`rm -f${'r'.repeat(LONG)}&& pip install torch`);
  }, BOUND);

  it('`rm -r x` repeated 12,500 times in one command', () => {
    expectReportedAtPip(`${'rm -r x '.repeat(LONG / 8)}&& pip install torch`);
    expect(pipCache(`${'rm -r x '.repeat(LONG / 8)}/root/.cache/pip && pip install torch`)).toEqual([]);
  }, BOUND);

  it('`env` with 40 assignments of the form a=b=c=d (exponential before)', () => {
    const chain = 'a=b=c=d '.repeat(40);
    expectReportedAtPip(`env ${chain}pip install torch`);
    expect(pipCache(`env ${chain}PIP_NO_CACHE_DIR=1 pip install torch`)).toEqual([]);
    expectReportedAtPip('env PIP_NO_CACHE_DIR=1 PIP_NO_CACHE_DIR= pip install torch');
  }, BOUND);
});

describe('weight downloads in RUN', () => {
  it('`wget` then a 100,000-character word (`[^\\n;&|]*` and `\\S+` split it every way)', () => {
    expect(findWeightDownloads('wget ' + 'a.'.repeat(LONG / 2))).toEqual([]);
    expect(findWeightDownloads('wget x.bin ' + 'a'.repeat(LONG)).map((d) => d.text)).toEqual(['wget x.bin']);
  }, BOUND);

  it('one word of 7,000 Hugging Face URLs without /resolve/', () => {
    expect(findWeightDownloads('wget ' + 'https://hf.co/'.repeat(LONG / 14))).toEqual([]);
  }, BOUND);

  it('`wget;` repeated 20,000 times: one word spanning every command', () => {
    expect(findWeightDownloads('wget;'.repeat(LONG / 5))).toEqual([]);
    const [d] = findWeightDownloads('wget;'.repeat(LONG / 5) + 'x.bin');
    expect([d.index, d.text.length]).toEqual([0, LONG + 5]);
  }, BOUND);

  it('`git clone` repeated 10,000 times in one command', () => {
    expect(findWeightDownloads('git clone '.repeat(LONG / 10))).toEqual([]);
  }, BOUND);

  it('7,000 `hf download` in one command that ends with --repo-type dataset', () => {
    expect(findWeightDownloads('hf download x '.repeat(LONG / 14) + '--repo-type dataset')).toEqual([]);
    expect(findWeightDownloads('hf download x '.repeat(LONG / 14) + '; hf download y').map((d) => d.index)).toEqual([0]);
  }, BOUND);

  it('the matches of ordinary commands are unchanged', () => {
    const text = 'wget https://huggingface.co/org/m/resolve/main/model.safetensors -O /m && git clone https://huggingface.co/org/m2';
    expect(findWeightDownloads(text).map((d) => [d.index, d.text])).toEqual([
      // The word that ends the pattern last: the file name after the URL's /resolve/.
      [0, 'wget https://huggingface.co/org/m/resolve/main/model.safetensors'],
      [text.indexOf('git clone'), 'git clone https://huggingface.co/'],
    ]);
    expect(findWeightDownloads('curl -L -o w.gguf https://example.com/w.gguf').map((d) => d.text)).toEqual(['curl -L -o w.gguf https://example.com/w.gguf']);
  });
});

describe('registry patterns (`^a.*b.*c$` grew with a power of the image length per `*`)', () => {
  it('a pattern with nine stars against a 480-character image', () => {
    expect(imageMatches('a'.repeat(480), '*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(imageMatches('a'.repeat(480) + 'b', '*a*a*a*a*a*a*a*a*b')).toBe(true);
    expect(imageMatches('ghcr.io/acme/app:1.2', 'ghcr.io/acme/*')).toBe(true);
    expect(imageMatches('nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'nvcr.io/nvidia/cuda:*-runtime-*')).toBe(true);
    expect(imageMatches('nvcr.io/nvidia/cuda:12.4.1-devel-ubuntu22.04', 'nvcr.io/nvidia/cuda:*-runtime-*')).toBe(false);
  }, BOUND);
});
