import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { existsSync, readFileSync } from 'node:fs';
import type { RawConfig } from '../../../src/config/index.js';
import { FIXTURES, lintFixture, positionsOf } from '../../helpers.js';

/** The rule's bad fixture fires exactly at `bad`, its good fixture stays quiet (with the fixture's own config). */
export function fixturePositions(id: string, bad: string[]): void {
  const cfgFile = join(FIXTURES, id, '.genai-lint.yaml');
  const config = existsSync(cfgFile) ? (parse(readFileSync(cfgFile, 'utf8')) as RawConfig) : undefined;
  it(`${id}: bad.yaml`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, 'bad.yaml'), config), id)).toEqual(bad));
  it(`${id}: good.yaml`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, 'good.yaml'), config), id)).toEqual([]));
}

/** A Deployment around a pod spec body (indented for `spec:` of the template, 6 spaces). */
export const deployment = (podSpec: string, name = 'd') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${podSpec}`;

/** A Pod around a container list body (list items indented 4 spaces); containers start on line 7. */
export const pod = (containers: string, podExtra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n${containers}`;
