import type { DockerfileModel, DockerInstruction, DockerStage } from '../../src/rule-api.js';
import type { SourceRange } from '../../src/rule-api.js';

export interface CopySource {
  path: string;
}

/** Source paths of a COPY/ADD (everything but the destination); none for heredoc copies. */
export function copySources(instr: DockerInstruction): CopySource[] {
  if (instr.heredocs.length) return [];
  const args = instr.jsonArgs ?? instr.args;
  if (args.length < 2) return [];
  return args.slice(0, -1).map((path) => ({ path }));
}


/** `stage \`builder\`` or `stage 2` for messages. */
export function stageLabel(stage: DockerStage): string {
  return stage.name ? `stage \`${stage.name}\`` : `stage ${stage.index + 1}`;
}

/** ` in stage \`builder\`` for multi-stage files; nothing when there is one stage. */
export function inStage(model: DockerfileModel, stageIndex: number): string {
  const stage = model.stages[stageIndex];
  return stage && model.stages.length > 1 ? ` in ${stageLabel(stage)}` : '';
}

export function flagOf(instr: DockerInstruction, name: string) {
  return instr.flags.find((f) => f.name === name);
}

/** RUN mounts of a given type (`secret`, `cache`, `bind`). */
export function mountsOf(instr: DockerInstruction, type: string) {
  return instr.flags.filter((f) => f.name === 'mount' && (f.options.type ?? 'bind') === type);
}

/**
 * The exact range of `needle` inside an instruction's source (its
 * `occurrence`-th appearance, from 0); the keyword when the text spans a line
 * continuation and cannot be found verbatim.
 */
export function locateInInstruction(model: DockerfileModel, instr: DockerInstruction, needle: string, occurrence = 0): SourceRange {
  let found = model.index.find(needle, instr.range);
  for (let n = 0; n < occurrence && found; n++) found = model.index.find(needle, { start: found.end, end: instr.range.end });
  return found ?? instr.keywordRange;
}
