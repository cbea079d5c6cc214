/** The format registry: names, and the formatter of each, loaded on demand. */
import type { Formatter } from './shared.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formatters load on demand: a run pays only for the one it prints (and for colours only when it prints them). */
export async function loadFormatter(name: FormatName, color = false): Promise<Formatter> {
  switch (name) {
    case 'stylish': {
      const { stylishFormatter, plainStyle } = await import('./stylish.js');
      if (!color) return stylishFormatter(plainStyle);
      const { Chalk } = await import('chalk');
      return stylishFormatter(new Chalk({ level: 1 }));
    }
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'gitlab':
      return (await import('./gitlab.js')).formatGitlab;
    case 'checkstyle':
      return (await import('./checkstyle.js')).formatCheckstyle;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
  }
}

