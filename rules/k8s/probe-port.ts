import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;


interface Options {
  checkNumbers: boolean;
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/probe-port',
    severity: 'error',
    summary: "A liveness, readiness or startup probe whose named port is not declared by its container, or is declared only as UDP or SCTP; with `checkNumbers`, a warning when its port number matches none of the container's declared TCP ports.",
    rationale:
      "The kubelet resolves a probe's named port among the ports of the same container only. A name that is not there (a typo, or a port declared by a sidecar) makes every probe fail: the model server is never Ready, or is restarted in a loop while loading weights. A number that matches none of the declared ports is reported only with the `checkNumbers` option, as a warning: declaring ports is optional, and many servers answer probes on a port they do not declare (controller-runtime operators serve health on :8081, model servers a metrics port), so by default such findings would mostly be wrong. httpGet, tcpSocket and gRPC probes connect over TCP: a named port that the container declares only as UDP or SCTP is reported too (a DNS or syslog server probed on its UDP port), and with `checkNumbers` so is a number declared only as UDP or SCTP. Unlike kube-linter's liveness-port and readiness-port, which check numbers by default, genai-lint keeps numbers behind `checkNumbers` for that reason.",
    fix: 'Use the name of one of the container\'s `ports` (or declare the port there), or the number the server actually listens on.',
    scope: WORKLOAD_SCOPE,
    optionsSchema: {
      type: 'object',
      properties: { checkNumbers: { type: 'boolean', description: "Also report probe port numbers that match none of the container's declared ports (as warnings)." } },
      additionalProperties: false,
    },
    defaultOptions: { checkNumbers: false },
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        const ports = (Array.isArray(c.container.ports) ? c.container.ports : []).filter(isRecord) as unknown as Record<string, unknown>[];
        const names = ports.map((p) => p.name).filter((n): n is string => typeof n === 'string');
        const numbers = ports.map((p) => p.containerPort).filter((n): n is number => typeof n === 'number');
        // Probes connect over TCP (httpGet, tcpSocket, grpc): a port declared UDP or SCTP cannot answer them.
        const protocolOf = (p: Record<string, unknown>) => (typeof p.protocol === 'string' ? p.protocol : 'TCP');
        const tcpNumbers = ports.filter((p) => protocolOf(p) === 'TCP').map((p) => p.containerPort).filter((n): n is number => typeof n === 'number');
        const notTcp = (n: number) => ports.find((p) => p.containerPort === n && protocolOf(p) !== 'TCP');
        for (const probe of PROBES) {
          const pr = (c.container as unknown as Record<string, unknown>)[probe];
          if (!isRecord(pr)) continue;
          for (const h of HANDLERS) {
            const handler = pr[h];
            if (!isRecord(handler)) continue;
            const port = handler.port;
            const path = `${c.path}/${probe}/${h}/port`;
            const where = `the ${probe} of ${c.label} in ${workloadLabel(ctx.object, pod)}`;
            if (typeof port === 'string') {
              if (/^\d+$/.test(port) || port.includes('{{') || port.includes('$(')) continue; // numeric strings are k8s/schema's; templates are unknown
              const named = ports.find((p) => p.name === port);
              if (named) {
                // The kubelet resolves the name to its number whatever the protocol, then connects over TCP.
                const n = named.containerPort;
                if (protocolOf(named) === 'TCP' || typeof n !== 'number' || tcpNumbers.includes(n)) continue;
                ctx.report({
                  message: `${where} uses port \`${port}\`, which ${c.label} declares as ${protocolOf(named)} (${n}/${protocolOf(named)}): ${h} probes connect over TCP, so it always fails`,
                  path,
                  part: 'value',
                  fix: `Probe a TCP port of ${c.label} (its health or metrics port), or use an exec probe for a ${protocolOf(named)}-only server.`,
                });
                continue;
              }
              ctx.report({
                message: `${where} uses port \`${port}\`, which ${c.label} does not declare${names.length ? ` (its ports: ${names.join(', ')})` : ' (it declares no named port)'}: the probe always fails`,
                path,
                part: 'value',
                fix: names.length ? `Use one of ${names.map((n) => `\`${n}\``).join(', ')} or the port number.` : `Declare \`ports: [{name: ${port}, containerPort: <n>}]\` in ${c.label} or use the port number.`,
              });
            } else if (ctx.options.checkNumbers && typeof port === 'number' && numbers.length && !tcpNumbers.includes(port)) {
              const other = notTcp(port);
              ctx.report({
                message: other
                  ? `${where} checks port ${port}, which ${c.label} declares as ${protocolOf(other)} only: ${h} probes connect over TCP`
                  : `${where} checks port ${port}, which is none of the ports ${c.label} declares (${numbers.join(', ')})`,
                path,
                part: 'value',
                fix: other
                  ? `Probe a TCP port of ${c.label}${tcpNumbers.length ? ` (${tcpNumbers.join(' or ')}?)` : ''}, or use an exec probe.`
                  : `Probe the port the server listens on (${numbers.join(' or ')}?), or declare port ${port} in ${c.label}.`,
                severity: 'warning',
              });
            }
          }
        }
      }
    }
  },
});
