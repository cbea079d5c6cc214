import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/probe-port', {
  valid: [
    { name: 'peer edge case: an undeclared port number is off by default', code: pod('    - name: c\n      image: x:1\n      ports: [{name: http, containerPort: 8080}]\n      livenessProbe: {httpGet: {path: /, port: 9090}}\n') },
    { name: 'peer edge case: exec probe', code: pod('    - name: c\n      image: x:1\n      livenessProbe: {exec: {command: [true]}}\n') },
    { name: 'an undeclared port number is not judged by default (operators serve health on :8081)', code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 9443}]\n      livenessProbe: {httpGet: {path: /healthz, port: 8081}}\n') },
    { name: 'a named UDP port whose number is also declared as TCP (DNS servers)', code: pod('    - name: c\n      image: x:1\n      ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]\n      livenessProbe: {tcpSocket: {port: dns}}\n') },
    {
      name: 'checkNumbers: a number declared as both UDP and TCP',
      code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]\n      livenessProbe: {tcpSocket: {port: 53}}\n'),
      config: { rules: { 'k8s/probe-port': ['error', { checkNumbers: true }] } },
    },
    { name: 'a number declared as UDP only is not judged without checkNumbers', code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 514, protocol: UDP}]\n      livenessProbe: {tcpSocket: {port: 514}}\n') },
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
    {
      name: 'a named port declared only as UDP: the TCP connection of the probe always fails',
      code: pod('    - name: c\n      image: x:1\n      ports: [{name: syslog, containerPort: 514, protocol: UDP}]\n      readinessProbe: {tcpSocket: {port: syslog}}\n'),
      errors: [{ line: 10, column: 42, message: 'uses port `syslog`, which container `c` declares as UDP (514/UDP): tcpSocket probes connect over TCP' }],
    },
    {
      name: 'a named SCTP port probed over HTTP',
      code: pod('    - name: c\n      image: x:1\n      ports: [{name: sig, containerPort: 3868, protocol: SCTP}, {name: http, containerPort: 8080}]\n      livenessProbe: {httpGet: {path: /, port: sig}}\n'),
      errors: [{ line: 10, column: 48, message: 'declares as SCTP (3868/SCTP): httpGet probes' }],
    },
    {
      name: 'checkNumbers: a number declared only as UDP (warning)',
      code: pod('    - name: c\n      image: x:1\n      ports: [{containerPort: 8125, protocol: UDP}, {containerPort: 8080}]\n      livenessProbe: {httpGet: {path: /, port: 8125}}\n'),
      config: { rules: { 'k8s/probe-port': ['error', { checkNumbers: true }] } },
      errors: [{ line: 10, column: 48, message: 'checks port 8125, which container `c` declares as UDP only: httpGet probes connect over TCP' }],
    },
  ],
});
