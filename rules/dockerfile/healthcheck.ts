import { defineDockerfileRule } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';
import { modelServerOfImage, startsServer } from '../lib/model-server.js';

/** The argv of a CMD or ENTRYPOINT: exec form as written, shell form as `/bin/sh -c text`. */
function argvOf(instr: DockerInstruction | undefined): string[] {
  if (!instr) return [];
  return instr.jsonArgs ?? ['/bin/sh', '-c', instr.argsText];
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/healthcheck',
    severity: 'info',
    summary: 'An image that shows it serves (EXPOSE, a known server command or server base image) has no HEALTHCHECK.',
    rationale:
      'Without a HEALTHCHECK, Docker and Compose report a model server as healthy while it is still loading weights or after its GPU has wedged; `depends_on: condition: service_healthy` cannot wait for it. ' +
      'Judged: final images with evidence of a server: an EXPOSE, an ENTRYPOINT/CMD that starts a known model server (vllm serve, text-generation-launcher, tritonserver, ollama serve, llama-server...) or a general-purpose server (uvicorn, gunicorn, nginx, streamlit run...), or a base image whose own entrypoint starts a model server (vllm/vllm-openai, TGI, TEI, Ollama, NIM) when ENTRYPOINT is not replaced. ' +
      'Not judged: images whose ENTRYPOINT or CMD is a CLI tool, a batch or init job, a device plugin, a benchmark or anything else not known to serve, since an ENTRYPOINT alone says nothing about a port; images with a HEALTHCHECK (or `HEALTHCHECK NONE`) anywhere in the chain of stages.',
    fix: 'Add a HEALTHCHECK against the server\'s readiness endpoint, e.g. `HEALTHCHECK --interval=30s --start-period=600s CMD curl -fsS http://localhost:8000/health || exit 1`, or `HEALTHCHECK NONE` to state that none is wanted.',
  },
  check(ctx) {
    const chain = finalImageChain(ctx.model);
    if (!chain.length) return;
    // Final stage first: the last ENTRYPOINT/CMD of the nearest stage is the one that runs.
    const last = (keyword: string) => {
      for (const stage of chain) {
        const found = stage.instructions.filter((i) => i.keyword === keyword);
        if (found.length) return found[found.length - 1];
      }
      return undefined;
    };
    const instructions = chain.flatMap((s) => s.instructions);
    if (instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
    const entrypoint = last('ENTRYPOINT');
    const cmd = last('CMD');
    const argv = [...argvOf(entrypoint), ...argvOf(cmd)];
    let evidence: string | undefined;
    const expose = instructions.find((i) => i.keyword === 'EXPOSE');
    if (expose) evidence = 'it has EXPOSE';
    else if (startsServer(argv)) evidence = `its ${entrypoint ? 'ENTRYPOINT' : 'CMD'} starts a server`;
    // An entrypoint script usually ends in `exec "$@"`: the CMD is then the command that runs.
    else if (entrypoint && startsServer(argvOf(cmd))) evidence = 'its CMD starts a server';
    else {
      const root = chain[chain.length - 1].base;
      const server = root.stageRef === undefined && !root.hasUnresolved ? modelServerOfImage(root.resolved) : undefined;
      // Without ENTRYPOINT the base image's own entrypoint runs; a CMD of flags only is its arguments.
      const cmdIsFlags = !cmd || (cmd.jsonArgs ?? cmd.args)[0]?.startsWith('-') === true;
      if (server?.imageServes && !entrypoint && cmdIsFlags) evidence = `its base image ${root.resolved} starts ${server.name}`;
    }
    if (!evidence) return;
    ctx.report({
      message: `the final image serves (${evidence}) but defines no HEALTHCHECK`,
      range: chain[0].from.range,
    });
  },
});
