/** L-BFGS-B compact-matrix kernels (formt, formk, subsm, matupd and their LAPACK calls) from scipy 1.17 scipy/optimize/__lbfgsb.c, unbounded case. */

/** Column-major dense helpers: element (r, c) of a matrix with leading dimension `ld` lives at `off + r + ld * c`. */

/** dpotrf('U') as OpenBLAS potf2 (unblocked, n ≤ 20 here): upper Cholesky factor in place. Returns LAPACK info (0 = ok). */
export function potrfUpper(a: Float64Array, off: number, ld: number, n: number): number {
  for (let j = 0; j < n; j++) {
    const cj = off + ld * j;
    let dot = 0;
    for (let k = 0; k < j; k++) dot += a[cj + k] * a[cj + k];
    let ajj = a[cj + j] - dot;
    if (ajj <= 0 || Number.isNaN(ajj)) {
      a[cj + j] = ajj;
      return j + 1;
    }
    ajj = Math.sqrt(ajj);
    a[cj + j] = ajj;
    if (j < n - 1) {
      for (let c = j + 1; c < n; c++) {
        const cc = off + ld * c;
        let temp = 0;
        for (let k = 0; k < j; k++) temp += a[cc + k] * a[cj + k];
        a[cc + j] = a[cc + j] + -1 * temp;
      }
      const inv = 1 / ajj;
      for (let c = j + 1; c < n; c++) a[off + ld * c + j] *= inv;
    }
  }
  return 0;
}

/** dtrtrs('U', 'T', 'N') for one right-hand side `b` (offset bo): solves Uᵀx = b in place (forward substitution). */
export function trsvUpperTrans(
  a: Float64Array,
  off: number,
  ld: number,
  n: number,
  b: Float64Array,
  bo: number,
): number {
  for (let i = 0; i < n; i++) if (a[off + i + ld * i] === 0) return i + 1;
  for (let j = 0; j < n; j++) {
    const cj = off + ld * j;
    let temp = b[bo + j];
    for (let i = 0; i < j; i++) temp -= a[cj + i] * b[bo + i];
    b[bo + j] = temp / a[cj + j];
  }
  return 0;
}

/** dtrtrs('U', 'N', 'N') for one right-hand side: solves Ux = b in place (column-oriented back substitution). */
export function trsvUpperNoTrans(
  a: Float64Array,
  off: number,
  ld: number,
  n: number,
  b: Float64Array,
  bo: number,
): number {
  for (let i = 0; i < n; i++) if (a[off + i + ld * i] === 0) return i + 1;
  for (let j = n - 1; j >= 0; j--) {
    if (b[bo + j] !== 0) {
      const cj = off + ld * j;
      b[bo + j] = b[bo + j] / a[cj + j];
      const temp = b[bo + j];
      for (let i = j - 1; i >= 0; i--) b[bo + i] -= temp * a[cj + i];
    }
  }
  return 0;
}

/** Dot product of two length-n vectors stored contiguously at offsets ao and bo. */
export function ddot(n: number, a: Float64Array, ao: number, b: Float64Array, bo: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/** The limited-memory state: S and Y columns (each n long, column p at p·n), S'Y, S'S, T factor, K factor and its inputs. */
export interface LbfgsMemory {
  n: number;
  m: number;
  ws: Float64Array;
  wy: Float64Array;
  sy: Float64Array;
  ss: Float64Array;
  wt: Float64Array;
  wn: Float64Array;
  wn1: Float64Array;
  col: number;
  head: number;
  itail: number;
  iupdat: number;
  theta: number;
}

/** Empty memory for n variables and m corrections. */
export function newMemory(n: number, m: number): LbfgsMemory {
  return {
    n,
    m,
    ws: new Float64Array(m * n),
    wy: new Float64Array(m * n),
    sy: new Float64Array(m * m),
    ss: new Float64Array(m * m),
    wt: new Float64Array(m * m),
    wn: new Float64Array(4 * m * m),
    wn1: new Float64Array(4 * m * m),
    col: 0,
    head: 0,
    itail: 0,
    iupdat: 0,
    theta: 1.0,
  };
}

/** matupd: store s = d and y = r, set theta = rr/dr, update S'Y (lower) and S'S (upper). `iupdat` is already incremented. */
export function matupd(
  w: LbfgsMemory,
  d: Float64Array,
  r: Float64Array,
  rr: number,
  dr: number,
  stp: number,
  dtd: number,
): void {
  const { n, m, ws, wy, sy, ss } = w;
  if (w.iupdat <= m) {
    w.col = w.iupdat;
    w.itail = (w.head + w.iupdat - 1) % m;
  } else {
    w.itail = (w.itail + 1) % m;
    w.head = (w.head + 1) % m;
  }
  ws.set(d, w.itail * n);
  wy.set(r, w.itail * n);
  w.theta = rr / dr;
  const col = w.col;
  if (w.iupdat > m) {
    for (let j = 1; j < col; j++) {
      ss.copyWithin(m * (j - 1), 1 + m * j, 1 + m * j + j);
      sy.copyWithin(j - 1 + m * (j - 1), j + m * j, j + m * j + (col - j));
    }
  }
  let pointr = w.head;
  for (let j = 0; j < col - 1; j++) {
    sy[col - 1 + m * j] = ddot(n, d, 0, wy, pointr * n);
    ss[j + m * (col - 1)] = ddot(n, ws, pointr * n, d, 0);
    pointr = (pointr + 1) % m;
  }
  ss[col - 1 + m * (col - 1)] = stp === 1.0 ? dtd : stp * stp * dtd;
  sy[col - 1 + m * (col - 1)] = dr;
}

/** formt: T = theta·S'S + L·D⁻¹·L' (upper) and its Cholesky factor in wt. Returns nonzero info on failure. */
export function formt(w: LbfgsMemory): number {
  const { m, wt, sy, ss, col, theta } = w;
  for (let j = 0; j < col; j++) wt[m * j] = theta * ss[m * j];
  for (let i = 1; i < col; i++) {
    for (let j = i; j < col; j++) {
      const k1 = Math.min(i, j);
      let ddum = 0.0;
      for (let k = 0; k < k1; k++) ddum = ddum + (sy[i + m * k] * sy[j + m * k]) / sy[k + m * k];
      wt[i + m * j] = ddum + theta * ss[i + m * j];
    }
  }
  return potrfUpper(wt, 0, m, col) !== 0 ? -3 : 0;
}

/**
 * formk for the unbounded problem (every variable free, none entering or leaving): builds the LEL' factor of
 * K = [-D - Y'Y/theta, R_z'; R_z, 0·theta] in wn from the persistent inner products in wn1. Returns info.
 */
export function formk(w: LbfgsMemory, updatd: boolean): number {
  const { n, m, ws, wy, sy, wn, wn1, col, head, theta, iupdat } = w;
  const m2 = 2 * m;
  if (updatd) {
    if (iupdat > m) {
      for (let jy = 0; jy < m - 1; jy++) {
        const js = m + jy;
        const cnt = m - (jy + 1);
        wn1.copyWithin(jy + m2 * jy, jy + 1 + m2 * (jy + 1), jy + 1 + m2 * (jy + 1) + cnt);
        wn1.copyWithin(js + m2 * js, js + 1 + m2 * (js + 1), js + 1 + m2 * (js + 1) + cnt);
        wn1.copyWithin(m + m2 * jy, m + 1 + m2 * (jy + 1), m + 1 + m2 * (jy + 1) + (m - 1));
      }
    }
    const iy = col - 1;
    const is = m + col - 1;
    let ipntr = head + col - 1;
    if (ipntr >= m) ipntr -= m;
    let jpntr = head;
    for (let jy = 0; jy < col; jy++) {
      const js = m + jy;
      wn1[iy + m2 * jy] = ddot(n, wy, ipntr * n, wy, jpntr * n);
      wn1[is + m2 * js] = 0.0;
      wn1[is + m2 * jy] = 0.0;
      jpntr = (jpntr + 1) % m;
    }
    const jy = col - 1;
    jpntr = head + col - 1;
    if (jpntr >= m) jpntr -= m;
    ipntr = head;
    for (let i = 0; i < col; i++) {
      const temp3 = ddot(n, ws, ipntr * n, wy, jpntr * n);
      ipntr = (ipntr + 1) % m;
      wn1[m + i + m2 * jy] = temp3;
    }
  }
  // The C code's "modify the old parts" loops (over upcl columns) add sums over variables entering/leaving the
  // free set: with no bounds both sets are empty and those loops add exact zeros, so they are omitted.
  for (let iy = 0; iy < col; iy++) {
    const is = col + iy;
    const is1 = m + iy;
    for (let jy = 0; jy <= iy; jy++) {
      const js = col + jy;
      const js1 = m + jy;
      wn[jy + m2 * iy] = wn1[iy + m2 * jy] / theta;
      wn[js + m2 * is] = wn1[is1 + m2 * js1] * theta;
    }
    for (let jy = 0; jy < iy; jy++) wn[jy + m2 * is] = -wn1[is1 + m2 * jy];
    for (let jy = iy; jy < col; jy++) wn[jy + m2 * is] = wn1[is1 + m2 * jy];
    wn[iy + m2 * iy] = wn[iy + m2 * iy] + sy[iy + m * iy];
  }
  if (potrfUpper(wn, 0, m2, col) !== 0) return -1;
  const col2 = 2 * col;
  for (let js = col; js < col2; js++) trsvUpperTrans(wn, 0, m2, col, wn, m2 * js);
  for (let is = col; is < col2; is++) {
    for (let js = is; js < col2; js++)
      wn[is + m2 * js] = wn[is + m2 * js] + ddot(col, wn, m2 * is, wn, m2 * js);
  }
  if (potrfUpper(wn, col + m2 * col, m2, col) !== 0) return -2;
  return 0;
}

/**
 * subsm for the unbounded problem: d (= r = -g on entry) becomes the subspace Newton direction
 * (1/theta)d + (1/theta²)W·K⁻¹·W'd, and z (the Cauchy point = x) moves to z + d. `wv` is 2m scratch. Returns info.
 */
export function subsm(w: LbfgsMemory, z: Float64Array, d: Float64Array, wv: Float64Array): number {
  const { n, m, ws, wy, wn, col, head, theta } = w;
  let pointr = head;
  for (let i = 0; i < col; i++) {
    let temp1 = 0.0;
    let temp2 = 0.0;
    const po = pointr * n;
    for (let j = 0; j < n; j++) {
      temp1 += wy[po + j] * d[j];
      temp2 += ws[po + j] * d[j];
    }
    wv[i] = temp1;
    wv[col + i] = theta * temp2;
    pointr = (pointr + 1) % m;
  }
  const m2 = 2 * m;
  const col2 = 2 * col;
  let info = trsvUpperTrans(wn, 0, m2, col2, wv, 0);
  if (info !== 0) return info;
  for (let i = 0; i < col; i++) wv[i] = -wv[i];
  info = trsvUpperNoTrans(wn, 0, m2, col2, wv, 0);
  if (info !== 0) return info;
  pointr = head;
  for (let jy = 0; jy < col; jy++) {
    const js = col + jy;
    const po = pointr * n;
    const a = wv[jy];
    const b = wv[js];
    for (let i = 0; i < n; i++) d[i] = d[i] + (wy[po + i] * a) / theta + ws[po + i] * b;
    pointr = (pointr + 1) % m;
  }
  const temp = 1.0 / theta;
  for (let i = 0; i < n; i++) d[i] *= temp;
  for (let i = 0; i < n; i++) z[i] = z[i] + d[i];
  return 0;
}
