/** Unbounded L-BFGS-B minimiser: scipy 1.17 scipy.optimize.minimize(method="L-BFGS-B", jac=True) (_lbfgsb_py.py driver + __lbfgsb.c mainlb/lnsrlb). */
import { EmbevalError } from "../errors.js";
import { formk, formt, type LbfgsMemory, matupd, newMemory, subsm } from "./lbfgsb-linalg.js";
import { dcsrch, newDcsrchState } from "./lbfgsb-linesearch.js";

/** Objective: writes the gradient at x into `grad` and returns f(x). Must not keep references to x. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** scipy's L-BFGS-B options (names as in `minimize(..., options=...)`). */
export interface LbfgsbOptions {
  /** maxcor, the number of stored corrections. Default 10. */
  maxcor?: number;
  /** Relative reduction tolerance: factr = ftol / eps. Default 2.220446049250313e-09. */
  ftol?: number;
  /** Projected-gradient ∞-norm tolerance. Default 1e-5. */
  gtol?: number;
  /** Maximum number of iterations (NEW_X events). Default 15000. */
  maxiter?: number;
  /** Maximum number of function evaluations. Default 15000. */
  maxfun?: number;
  /** Maximum line-search evaluations per iteration. Default 20. */
  maxls?: number;
}

/** Result fields as in scipy's OptimizeResult. */
export interface LbfgsbResult {
  x: Float64Array;
  fun: number;
  jac: Float64Array;
  nit: number;
  nfev: number;
  /** 0 converged, 1 maxiter/maxfun reached, 2 other stop (abnormal line search). */
  status: 0 | 1 | 2;
  message: string;
}

const EPSMCH = 2.220446049250313e-16;

function nrm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** projgr for unbounded variables: ‖g‖∞, NaN if any component is NaN. */
function projgr(g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i];
    if (Number.isNaN(gi)) return gi;
    s = Math.max(s, Math.abs(gi));
  }
  return s;
}

function resetMemory(w: LbfgsMemory): void {
  w.col = 0;
  w.head = 0;
  w.theta = 1.0;
  w.iupdat = 0;
}

/** Generalised Cauchy point with an empty memory (col = 0) and no bounds: xcp = x + dtm·(−g). */
function cauchyNoMemory(x: Float64Array, g: Float64Array, theta: number, xcp: Float64Array): void {
  const n = x.length;
  let f1 = 0.0;
  for (let i = 0; i < n; i++) {
    const neggi = -g[i];
    f1 = f1 - neggi * neggi;
  }
  xcp.set(x);
  if (f1 === 0) return;
  const f2 = -theta * f1;
  let dtm = -f1 / f2;
  if (dtm <= 0.0) dtm = 0.0;
  const tsum = 0.0 + dtm;
  for (let i = 0; i < n; i++) xcp[i] = xcp[i] + tsum * -g[i];
}

/** An objective whose value and gradient come asynchronously (e.g. from a BLAS kernel behind a promise). */
export type AsyncObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => Promise<number>;

/** One evaluation the iteration asks for: fill `grad` with ∇f(`x`) and resume the generator with f(`x`). */
export interface EvalRequest {
  readonly x: Float64Array;
  readonly grad: Float64Array;
}

/** Minimise `fun` from `x0` without bounds, reproducing scipy's L-BFGS-B iterates, stopping rules and counters. */
export function minimizeLbfgsb(
  fun: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: LbfgsbOptions = {},
): LbfgsbResult {
  const steps = lbfgsbSteps(x0, options);
  let it = steps.next();
  while (!it.done) it = steps.next(fun(it.value.x, it.value.grad));
  return it.value;
}

/** `minimizeLbfgsb` with an asynchronous objective: the same iterates for the same objective values. */
export async function minimizeLbfgsbAsync(
  fun: AsyncObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: LbfgsbOptions = {},
): Promise<LbfgsbResult> {
  const steps = lbfgsbSteps(x0, options);
  let it = steps.next();
  while (!it.done) it = steps.next(await fun(it.value.x, it.value.grad));
  return it.value;
}

/** The L-BFGS-B iteration as a generator: yields each evaluation it needs and receives the objective's value. */
function* lbfgsbSteps(
  x0: ArrayLike<number>,
  options: LbfgsbOptions,
): Generator<EvalRequest, LbfgsbResult, number> {
  const m = options.maxcor ?? 10;
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const pgtol = options.gtol ?? 1e-5;
  const maxiter = options.maxiter ?? 15000;
  const maxfun = options.maxfun ?? 15000;
  const maxls = options.maxls ?? 20;
  const n = x0.length;
  if (n <= 0) throw new EmbevalError("E_EMPTY_INPUT", "L-BFGS-B needs at least one variable");
  if (!(maxls > 0))
    throw new EmbevalError("E_INVALID_ARGUMENT", "maxls must be positive", { hint: "pass maxls >= 1" });
  if (m <= 0) throw new EmbevalError("E_INVALID_ARGUMENT", "maxcor must be positive");
  const factr = ftol / EPSMCH;
  if (factr < 0) throw new EmbevalError("E_INVALID_ARGUMENT", "ftol must be non-negative");
  const tol = factr * EPSMCH;

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  const d = new Float64Array(n);
  const t = new Float64Array(n);
  const wv = new Float64Array(2 * m);
  const w = newMemory(n, m);
  let nfev = 1;
  const request: EvalRequest = { x, grad: g };
  let f = yield request;
  let nit = 0;
  const done = (status: 0 | 1 | 2, message: string): LbfgsbResult => ({
    x,
    fun: f,
    jac: g,
    nit,
    nfev,
    status,
    message,
  });

  let sbgnrm = projgr(g);
  if (sbgnrm <= pgtol) return done(0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL");

  let updatd = false;
  let iter = 0;
  for (;;) {
    // LINE222: search direction.
    if (w.col > 0) {
      z.set(x);
      if (updatd && formk(w, updatd) !== 0) {
        resetMemory(w);
        updatd = false;
        continue;
      }
      for (let i = 0; i < n; i++) r[i] = -g[i];
      if (subsm(w, z, r, wv) !== 0) {
        resetMemory(w);
        updatd = false;
        continue;
      }
    } else {
      cauchyNoMemory(x, g, w.theta, z);
    }
    for (let i = 0; i < n; i++) d[i] = z[i] - x[i];

    // lnsrlb: Moré–Thuente search along d.
    const dnorm = nrm2(d);
    const dtd = dnorm * dnorm;
    const stpmx = 1.0e10;
    const ls = newDcsrchState(iter === 0 ? Math.min(1.0 / dnorm, stpmx) : 1.0);
    t.set(x);
    r.set(g);
    const fold = f;
    let ifun = 0;
    let iback = 0;
    let gd = 0;
    let gdold = 0;
    let failed = false;
    for (;;) {
      gd = dot(g, d);
      if (ifun === 0) {
        gdold = gd;
        if (gd >= 0.0) {
          failed = true;
          break;
        }
      }
      dcsrch(ls, f, gd, 1e-3, 0.9, 0.1, 0.0, stpmx);
      if (ls.task === "convergence" || ls.task === "warning") break;
      if (ls.task === "error") {
        failed = true;
        break;
      }
      ifun++;
      iback = ifun - 1;
      if (ls.stp === 1.0) x.set(z);
      else for (let i = 0; i < n; i++) x[i] = ls.stp * d[i] + t[i];
      if (iback >= maxls) {
        failed = true;
        break;
      }
      nfev++;
      f = yield request;
    }
    if (failed) {
      x.set(t);
      g.set(r);
      f = fold;
      if (w.col === 0) return done(2, "ABNORMAL: ");
      resetMemory(w);
      updatd = false;
      continue;
    }
    const stp = ls.stp;
    iter++;
    sbgnrm = projgr(g);

    // Driver (NEW_X): count the iteration, apply maxiter / maxfun.
    nit++;
    if (nit >= maxiter) return done(1, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT");
    if (nfev > maxfun) return done(1, "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT");

    // LINE777: convergence tests.
    if (sbgnrm <= pgtol) return done(0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL");
    const ddum0 = Math.max(Math.max(Math.abs(fold), Math.abs(f)), 1.0);
    if (fold - f <= tol * ddum0) return done(0, "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH");

    for (let i = 0; i < n; i++) r[i] = g[i] - r[i];
    const rn = nrm2(r);
    const rr = rn * rn;
    let dr: number;
    let ddum: number;
    if (stp === 1.0) {
      dr = gd - gdold;
      ddum = -gdold;
    } else {
      dr = (gd - gdold) * stp;
      for (let i = 0; i < n; i++) d[i] *= stp;
      ddum = -gdold * stp;
    }
    if (dr <= EPSMCH * ddum) {
      updatd = false;
      continue;
    }
    updatd = true;
    w.iupdat += 1;
    matupd(w, d, r, rr, dr, stp, dtd);
    if (formt(w) !== 0) {
      resetMemory(w);
      updatd = false;
    }
  }
}
