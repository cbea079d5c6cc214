import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/expose-port', {
  valid: [
    { name: 'ports, protocols, ranges, build args', code: 'FROM python:3.11\nARG PORT\nEXPOSE 8000 8080/tcp 9000-9010/udp 0 65535 $PORT\n' },
  ],
  invalid: [
    {
      name: 'out of range',
      code: 'FROM python:3.11\nARG METRICS=90001\nEXPOSE 8000 80000/tcp\nEXPOSE $METRICS 7000-70000\n',
      errors: [
        { line: 3, column: 13, endColumn: 22, message: 'port 80000 is outside 0-65535' },
        { line: 4, column: 8, message: 'port 90001' },
        { line: 4, column: 17, message: 'port 70000' },
      ],
    },
  ],
});

