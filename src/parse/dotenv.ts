/** A dotenv file (Compose `env_file`): `NAME=value` lines, `export` prefixes, quotes and comments. */
export interface EnvEntry {
  name: string;
  value: string;
  /** 1-based line of the entry in the file. */
  line: number;
}

export function parseDotenv(text: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    let line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const eq = line.indexOf('=');
    if (eq <= 0) return;
    const name = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return;
    let value = line.slice(eq + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.length > 1) {
      const close = value.indexOf(q, 1);
      value = close > 0 ? value.slice(1, close) : value.slice(1);
    } else {
      // An unquoted value ends at a comment.
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    out.push({ name, value, line: i + 1 });
  });
  return out;
}
