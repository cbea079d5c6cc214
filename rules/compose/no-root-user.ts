import { defineComposeRule } from '../../src/rule-api.js';
import { serviceLabel } from '../lib/compose.js';

export default defineComposeRule({
  meta: {
    id: 'compose/no-root-user',
    severity: 'info',
    summary: 'A service set to run as root (`user: root`/`0`), or (warning) a privileged container.',
    rationale:
      'Model servers load untrusted artefacts; as root, an exploit owns the container and the mounted model cache. `privileged: true` gives the container every device and capability of the host: a container escape away from the machine. GPUs need a device reservation, not privileged mode.',
    fix: 'Drop `user: root` (or set a non-zero uid) and replace `privileged: true` with the specific device reservation or capability needed.',
  },
  check(ctx) {
    for (const s of ctx.model.services) {
      const user = s.raw.user;
      if (typeof user === 'string' || typeof user === 'number') {
        const name = String(user).split(':')[0].trim();
        if (name === 'root' || name === '0') {
          ctx.report({ message: `${serviceLabel(s)} runs as root (\`user: ${String(user)}\`)`, path: `${s.path}/user`, part: 'span' });
        }
      }
      if (s.raw.privileged === true) {
        ctx.report({
          message: `${serviceLabel(s)} is privileged: it gets every device and capability of the host`,
          path: `${s.path}/privileged`,
          part: 'span',
          severity: 'warning',
          fix: 'Remove `privileged: true`; reserve GPUs with deploy.resources.reservations.devices.',
        });
      }
    }
  },
});
