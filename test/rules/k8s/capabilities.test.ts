import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const dropAll = { rules: { 'k8s/capabilities': ['warning', { requireDropAll: true }] } } as const;

ruleTester('k8s/capabilities', {
  valid: [
    { name: 'peer edge case: NET_RAW granted by the runtime default but not dropped is not reported by default', code: pod('    - name: c\n      image: x:1\n      securityContext: {capabilities: {drop: [NET_ADMIN]}}\n') },
    { name: 'IPC_LOCK for RDMA and NET_BIND_SERVICE are not reported', code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities: {add: [IPC_LOCK, NET_BIND_SERVICE]}\n') },
    { name: 'not dropping ALL is not reported by default', code: pod('    - name: c\n      image: x:1\n') },
    { name: 'dropping all with requireDropAll', code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities: {drop: [all]}\n'), config: dropAll as never },
    { name: 'privileged containers are k8s/privileged\'s', code: pod('    - name: c\n      image: x:1\n      securityContext:\n        privileged: true\n        capabilities: {add: [SYS_ADMIN]}\n') },
  ],
  invalid: [
    { name: 'peer edge case: CAP_-prefixed lower-case name', code: pod('    - name: c\n      image: x:1\n      securityContext: {capabilities: {add: [cap_net_raw]}}\n'), errors: [{ line: 9, column: 46, message: 'adds capability `cap_net_raw`' }] },
    {
      name: 'ALL and lower-case names',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities:\n          add:\n            - all\n            - sys_ptrace\n'),
      errors: [
        { line: 12, column: 15, endColumn: 18, message: 'adds capability `all`: it can use every capability' },
        { line: 13, column: 15, message: 'adds capability `sys_ptrace`' },
      ],
    },
    {
      name: 'requireDropAll: every default capability dropped by name, without ALL (the restricted standard admits only ALL)',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities:\n          drop: [CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE]\n'),
      config: dropAll as never,
      errors: [{ line: 10, column: 9, message: 'does not drop all capabilities' }],
    },
    {
      name: 'requireDropAll (strict preset): no drop list',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities: {drop: [NET_RAW]}\n'),
      config: dropAll as never,
      errors: [{ line: 10, column: 9, message: 'does not drop all capabilities' }],
    },
  ],
});
