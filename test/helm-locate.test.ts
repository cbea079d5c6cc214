import { describe, expect, it } from 'vitest';
import { TemplateLocator } from '../src/render/helm-locate.js';

const template = `{{- if .Values.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "x.fullname" . }}
spec:
  template:
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        {{- if .Values.sidecar.enabled }}
        - name: sidecar
          image: busybox:1.36
        {{- end }}
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- $limits := .Values.gpu.limits }}
            {{- toYaml .Values.resources | nindent 12 }}
{{- end }}
`;

const at = (hit: ReturnType<TemplateLocator['find']>) => hit && `${hit.range.start.line}:${hit.range.start.column}${hit.exact ? '' : ` (rest ${hit.rest.join('/')})`}`;

describe('TemplateLocator', () => {
  const t = new TemplateLocator(template);
  const deployment = t.documentOf('Deployment', 'rel-x', 0)!;
  const noNames = () => undefined;

  it('picks the document of the rendered kind', () => {
    expect(deployment).toEqual({ from: 6, to: 29 });
    expect(t.documentOf('Service', 'web', 0)).toEqual({ from: 0, to: 5 });
    expect(t.documentOf('ConfigMap', 'x', 0)).toBeUndefined();
    expect(t.kindLine(deployment, 'Deployment')?.start.line).toBe(8);
  });

  it('finds written keys, and list items by their literal name before their place', () => {
    expect(at(t.find(deployment, '/metadata/name', noNames))).toBe('10:3');
    // The sidecar is not rendered: the rendered first container is the chart's own, the one item whose name the template fills.
    expect(at(t.find(deployment, '/spec/template/spec/containers/0/image', (p) => (p.endsWith('/0') ? 'x' : undefined)))).toBe('24:11');
    expect(at(t.find(deployment, '/spec/template/spec/containers/0/image', (p) => (p.endsWith('/0') ? 'sidecar' : undefined)))).toBe('21:11');
  });

  it('stops at the written key an expression fills, with the values the line takes', () => {
    const hit = t.find(deployment, '/spec/template/spec/nodeSelector/disk', noNames)!;
    expect(at(hit)).toBe('15:7 (rest disk)');
    expect(hit.values).toEqual([['nodeSelector']]);
    const r = t.find(deployment, '/spec/template/spec/containers/0/resources/limits', () => 'x')!;
    expect(at(r)).toBe('25:11 (rest limits)');
    // The variable assignment above toYaml is not what writes the value.
    expect(r.values).toEqual([['resources']]);
  });

  it('reads the value of a key line and the values it takes', () => {
    const hit = t.find(deployment, '/spec/template/spec/containers/0/image', () => 'sidecar')!;
    expect(t.valueRange(hit.line)).toMatchObject({ text: 'busybox:1.36', range: { start: { line: 21, column: 18 } } });
    const main = new TemplateLocator(template.replace('        {{- if .Values.sidecar.enabled }}\n        - name: sidecar\n          image: busybox:1.36\n        {{- end }}\n', ''));
    const doc = main.documentOf('Deployment', undefined, 0)!;
    const image = main.find(doc, '/spec/template/spec/containers/0/image', () => 'x')!;
    expect(at(image)).toBe('20:11');
    expect(image.values).toEqual([['image', 'repository'], ['image', 'tag']]);
  });

  it('does not count list items by place across a condition that can drop one', () => {
    expect(t.find(deployment, '/spec/template/spec/containers/1', noNames)).toBeUndefined();
  });
});
