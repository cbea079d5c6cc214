/** A Deployment around a pod spec body (indented for `spec:` of the template, 6 spaces). */
export const deployment = (podSpec: string, name = 'd') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${podSpec}`;

/** A Pod around a container list body (list items indented 4 spaces); containers start on line 7. */
export const pod = (containers: string, podExtra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n${containers}`;
