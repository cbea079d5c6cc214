/**
 * The name and value formats the Kubernetes API server enforces
 * (apimachinery validation): DNS-1123 labels and subdomains, DNS-1035
 * labels, IANA service names, qualified names and label values. Each check
 * returns the reason a value fails, or undefined when it is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME_CHARS = /^[-a-z0-9]+$/;

/** Values a template engine fills in later: not judged. */
export function isTemplated(v: string): boolean {
  // Helm/Jinja/ERB markers, shell and envsubst variables, <your-value> slots, and ALL_CAPS tokens replaced by sed.
  return /\{\{|\$\{|\$\(|\$[A-Za-z_]|<%|\{%|[<>]/.test(v) || /^[A-Z][A-Z0-9_]*$/.test(v);
}

export function dns1123LabelProblem(v: string): string | undefined {
  if (v.length > 63) return `is ${v.length} characters long; at most 63 are allowed (DNS-1123 label)`;
  if (!DNS1123_LABEL.test(v)) return 'must consist of lower-case letters, digits and `-`, and start and end with a letter or digit (DNS-1123 label)';
  return undefined;
}

export function dns1035LabelProblem(v: string): string | undefined {
  if (v.length > 63) return `is ${v.length} characters long; at most 63 are allowed (DNS-1035 label)`;
  if (!DNS1035_LABEL.test(v)) return 'must consist of lower-case letters, digits and `-`, start with a letter and end with a letter or digit (DNS-1035 label)';
  return undefined;
}

export function dns1123SubdomainProblem(v: string): string | undefined {
  if (v.length > 253) return `is ${v.length} characters long; at most 253 are allowed (DNS-1123 subdomain)`;
  if (!v.split('.').every((part) => DNS1123_LABEL.test(part))) {
    return 'must consist of lower-case letters, digits, `-` and `.`, and start and end with a letter or digit (DNS-1123 subdomain)';
  }
  return undefined;
}

/** Port names of containers (and named target ports): IANA_SVC_NAME. */
export function ianaSvcNameProblem(v: string): string | undefined {
  if (/^\d+$/.test(v)) return 'is a quoted number: a string port is a port name, which must contain a letter (IANA_SVC_NAME); write the number unquoted';
  if (v.length > 15) return `is ${v.length} characters long; port names allow at most 15 (IANA_SVC_NAME)`;
  if (!IANA_SVC_NAME_CHARS.test(v)) return 'may contain only lower-case letters, digits and `-` (IANA_SVC_NAME)';
  if (v.startsWith('-') || v.endsWith('-')) return 'must not start or end with `-` (IANA_SVC_NAME)';
  if (v.includes('--')) return 'must not contain `--` (IANA_SVC_NAME)';
  if (!/[a-z]/.test(v)) return 'must contain at least one letter (IANA_SVC_NAME); use a number for a port number';
  return undefined;
}

/** Label and annotation keys: `[prefix/]name`, the prefix a DNS-1123 subdomain. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'may contain at most one `/` (an optional DNS prefix, then the name)';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (!prefix.length) return 'has an empty prefix before `/`';
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `prefix \`${prefix}\` ${p}`;
  }
  if (!name.length) return 'has an empty name';
  if (name.length > 63) return `name part is ${name.length} characters long; at most 63 are allowed`;
  if (!QUALIFIED_NAME.test(name)) return 'name part must consist of letters, digits, `-`, `_` and `.`, and start and end with a letter or digit';
  return undefined;
}

export function labelValueProblem(v: string): string | undefined {
  if (v.length > 63) return `is ${v.length} characters long; label values allow at most 63`;
  if (v.length && !QUALIFIED_NAME.test(v)) return 'must be empty or consist of letters, digits, `-`, `_` and `.`, and start and end with a letter or digit';
  return undefined;
}
