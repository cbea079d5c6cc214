import { describe } from 'vitest';
import { ruleTester } from '../../helpers.js';
import { fixturePositions, pod } from './_shared.js';

describe('k8s/probe-port fixtures', () => fixturePositions('k8s/probe-port', ['18:44', '20:31']));

ruleTester('k8s/probe-port', {
  valid: [
    { name: 'peer edge case: an undeclared port number is off by default', code: pod('    - name: c\n      image: x:1\n      ports: [{name: http, containerPort: 8080}]\n      livenessProbe: {httpGet: {path: /, port: 9090}}\n') },
    { name: 'peer edge case: exec probe', code: pod('    - name: c\n      image: x:1\n      livenessProbe: {exec: {command: [true]}}\n') },
    { name: 'an undeclared port number is not judged by default (operators serve health on :8081)', code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 9443}]\n      livenessProbe: {httpGet: {path: /healthz, port: 8081}}\n') },
    { name: 'exec probes', code: pod('    - name: c\n      image: x:1\n      livenessProbe: {exec: {command: [cat, /tmp/ok]}}\n') },
  ],
  invalid: [
    { name: 'peer edge case: tcpSocket with an undeclared name', code: pod('    - name: c\n      image: x:1\n      ports: [{name: http, containerPort: 8080}]\n      readinessProbe: {tcpSocket: {port: socket}}\n'), errors: [{ line: 10, column: 42, message: 'uses port `socket`' }] },
    {
      name: 'a port named by another container of the pod',
      code: pod('    - name: c\n      image: x:1\n      readinessProbe: {httpGet: {path: /, port: metrics}}\n    - name: exporter\n      image: x:1\n      ports: [{name: metrics, containerPort: 9400}]\n'),
      errors: [{ line: 9, column: 49, message: 'which container `c` does not declare (it declares no named port)' }],
    },
    {
      name: 'checkNumbers: a number none of the declared ports (warning)',
      code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 8000}]\n      startupProbe: {tcpSocket: {port: 8080}}\n'),
      config: { rules: { 'k8s/probe-port': ['error', { checkNumbers: true }] } },
      errors: [{ line: 10, column: 40, message: 'checks port 8080, which is none of the ports container `c` declares (8000)' }],
    },
  ],
});
