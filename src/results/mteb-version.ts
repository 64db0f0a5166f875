/** mteb_version strings as mteb's join_revisions reads them (packaging.version.Version via _parse_version_cached; a merged range "a-b" counts as its minimum). */

/** A parsed version: release numbers plus a pre/dev rank so that 1.2.0.dev0 < 1.2.0rc1 < 1.2.0 < 1.2.0.post1. */
export interface MtebVersion {
  readonly text: string;
  readonly release: readonly number[];
  /** [phase, number]: dev = -3, a = -2, b = -1, rc = 0 (pre-releases), final = 1, post = 2. */
  readonly phase: readonly [number, number];
}

const PEP440 = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(dev|a|alpha|b|beta|rc|c|post)[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i;

function parseOne(s: string): MtebVersion | null {
  const m = PEP440.exec(s.trim());
  if (!m) return null;
  const release = m[1].split(".").map(Number);
  const tag = (m[2] ?? "").toLowerCase();
  const n = m[3] ? Number(m[3]) : 0;
  const rank: Record<string, number> = { dev: -3, a: -2, alpha: -2, b: -1, beta: -1, rc: 0, c: 0, post: 2 };
  return { text: s, release, phase: [tag === "" ? 1 : rank[tag], n] };
}

/** Parses an mteb_version; null when absent or unparseable (e.g. "mteb version not available"). */
export function parseMtebVersion(v: unknown): MtebVersion | null {
  if (typeof v !== "string" || v.length === 0) return null;
  const whole = parseOne(v);
  if (whole) return whole;
  // A range written by merged files, e.g. "2.3.11-2.18.7": the minimum of its ends.
  const parts = v.split("-").map(parseOne);
  if (parts.length < 2 || parts.some((p) => p === null)) return null;
  const ok = parts as MtebVersion[];
  return ok.reduce((a, b) => (compareMtebVersions(a, b) <= 0 ? a : b));
}

/** Orders versions like packaging.Version (trailing zeros ignored); negative when a < b. */
export function compareMtebVersions(a: MtebVersion, b: MtebVersion): number {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.phase[0] - b.phase[0] || a.phase[1] - b.phase[1];
}

/** True when `v` parses and is strictly below `bound` (e.g. "1.11.0"). */
export function versionBelow(v: unknown, bound: string): boolean {
  const p = parseMtebVersion(v);
  const q = parseOne(bound);
  return p !== null && q !== null && compareMtebVersions(p, q) < 0;
}
