/** Moré–Thuente line search (MINPACK-2 dcsrch/dcstep) as used by scipy 1.17 scipy/optimize/__lbfgsb.c. */

/** Outcome of one dcsrch call: request f,g at `stp` ("fg"), or stop ("convergence"/"warning"/"error"). */
export type DcsrchTask = "start" | "fg" | "convergence" | "warning" | "error";

/** dcsrch's saved state (isave/dsave of the C code) plus the current step and task. */
export interface DcsrchState {
  task: DcsrchTask;
  stp: number;
  brackt: boolean;
  stage: number;
  ginit: number;
  gtest: number;
  gx: number;
  gy: number;
  finit: number;
  fx: number;
  fy: number;
  stx: number;
  sty: number;
  stmin: number;
  stmax: number;
  width: number;
  width1: number;
}

/** A fresh line-search state for a first trial step `stp`. */
export function newDcsrchState(stp: number): DcsrchState {
  return {
    task: "start",
    stp,
    brackt: false,
    stage: 1,
    ginit: 0,
    gtest: 0,
    gx: 0,
    gy: 0,
    finit: 0,
    fx: 0,
    fy: 0,
    stx: 0,
    sty: 0,
    stmin: 0,
    stmax: 0,
    width: 0,
    width1: 0,
  };
}

const XTRAPL = 1.1;
const XTRAPU = 4.0;

/** C's pow(v, 2.0): the correctly rounded square. */
function sq(v: number): number {
  return v * v;
}

/** One call of dcsrch(f, g, stp, ftol, gtol, xtol, stpmin, stpmax): updates `s` in place (it is the solver's own state). */
export function dcsrch(
  s: DcsrchState,
  f: number,
  g: number,
  ftol: number,
  gtol: number,
  xtol: number,
  stpmin: number,
  stpmax: number,
): void {
  if (s.task === "start") {
    if (
      s.stp < stpmin ||
      s.stp > stpmax ||
      g >= 0 ||
      ftol < 0 ||
      gtol < 0 ||
      xtol < 0 ||
      stpmin < 0 ||
      stpmax < stpmin
    ) {
      s.task = "error";
      return;
    }
    s.brackt = false;
    s.stage = 1;
    s.finit = f;
    s.ginit = g;
    s.gtest = ftol * s.ginit;
    s.width = stpmax - stpmin;
    s.width1 = s.width / 0.5;
    s.stx = 0;
    s.fx = s.finit;
    s.gx = s.ginit;
    s.sty = 0;
    s.fy = s.finit;
    s.gy = s.ginit;
    s.stmin = 0;
    s.stmax = s.stp + XTRAPU * s.stp;
    s.task = "fg";
    return;
  }
  const ftest = s.finit + s.stp * s.gtest;
  if (s.stage === 1 && f <= ftest && g >= 0) s.stage = 2;

  let task: DcsrchTask = s.task;
  if (s.brackt && (s.stp <= s.stmin || s.stp >= s.stmax)) task = "warning";
  if (s.brackt && s.stmax - s.stmin <= xtol * s.stmax) task = "warning";
  if (s.stp === stpmax && f <= ftest && g <= s.gtest) task = "warning";
  if (s.stp === stpmin && (f > ftest || g >= s.gtest)) task = "warning";
  if (f <= ftest && Math.abs(g) <= gtol * -s.ginit) task = "convergence";
  if (task === "warning" || task === "convergence") {
    s.task = task;
    return;
  }

  if (s.stage === 1 && f <= s.fx && f > ftest) {
    const st: StepState = {
      stx: s.stx,
      fx: s.fx - s.stx * s.gtest,
      dx: s.gx - s.gtest,
      sty: s.sty,
      fy: s.fy - s.sty * s.gtest,
      dy: s.gy - s.gtest,
      stp: s.stp,
      brackt: s.brackt,
    };
    dcstep(st, f - s.stp * s.gtest, g - s.gtest, s.stmin, s.stmax);
    s.stx = st.stx;
    s.sty = st.sty;
    s.stp = st.stp;
    s.brackt = st.brackt;
    s.fx = st.fx + s.stx * s.gtest;
    s.fy = st.fy + s.sty * s.gtest;
    s.gx = st.dx + s.gtest;
    s.gy = st.dy + s.gtest;
  } else {
    const st: StepState = {
      stx: s.stx,
      fx: s.fx,
      dx: s.gx,
      sty: s.sty,
      fy: s.fy,
      dy: s.gy,
      stp: s.stp,
      brackt: s.brackt,
    };
    dcstep(st, f, g, s.stmin, s.stmax);
    s.stx = st.stx;
    s.fx = st.fx;
    s.gx = st.dx;
    s.sty = st.sty;
    s.fy = st.fy;
    s.gy = st.dy;
    s.stp = st.stp;
    s.brackt = st.brackt;
  }

  if (s.brackt) {
    if (Math.abs(s.sty - s.stx) >= 0.66 * s.width1) s.stp = s.stx + 0.5 * (s.sty - s.stx);
    s.width1 = s.width;
    s.width = Math.abs(s.sty - s.stx);
  }
  if (s.brackt) {
    s.stmin = Math.min(s.stx, s.sty);
    s.stmax = Math.max(s.stx, s.sty);
  } else {
    s.stmin = s.stp + XTRAPL * (s.stp - s.stx);
    s.stmax = s.stp + XTRAPU * (s.stp - s.stx);
  }
  s.stp = Math.max(s.stp, stpmin);
  s.stp = Math.min(s.stp, stpmax);
  if (
    (s.brackt && (s.stp <= s.stmin || s.stp >= s.stmax)) ||
    (s.brackt && s.stmax - s.stmin <= xtol * s.stmax)
  ) {
    s.stp = s.stx;
  }
  s.task = "fg";
}

/** The interval/step variables dcstep reads and writes. */
export interface StepState {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  stp: number;
  brackt: boolean;
}

/** dcstep: safeguarded cubic/quadratic step and interval update (in place on the solver's own state). */
export function dcstep(s: StepState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, dx, sty, fy, dy, stp } = s;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;
  if (fp > fx) {
    const theta = (3.0 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
    let gamma = sc * Math.sqrt(sq(theta / sc) - (dx / sc) * (dp / sc));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const r = p / q;
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2.0) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
    s.brackt = true;
  } else if (sgnd < 0.0) {
    const theta = (3.0 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
    let gamma = sc * Math.sqrt(sq(theta / sc) - (dx / sc) * (dp / sc));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const r = p / q;
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    const theta = (3.0 * (fx - fp)) / (stp - stx) + dx + dp;
    const sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
    let gamma = sc * Math.sqrt(Math.max(0.0, sq(theta / sc) - (dx / sc) * (dp / sc)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0.0 && gamma !== 0.0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      if (stp > stx) stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
      else stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.min(stpmax, stpf);
      stpf = Math.max(stpmin, stpf);
    }
  } else if (s.brackt) {
    const theta = (3.0 * (fp - fy)) / (sty - stp) + dy + dp;
    const sc = Math.max(Math.abs(theta), Math.max(Math.abs(dy), Math.abs(dp)));
    let gamma = sc * Math.sqrt(sq(theta / sc) - (dy / sc) * (dp / sc));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    const r = p / q;
    stpf = stp + r * (sty - stp);
  } else if (stp > stx) {
    stpf = stpmax;
  } else {
    stpf = stpmin;
  }

  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.dy = dp;
  } else {
    if (sgnd < 0.0) {
      s.sty = stx;
      s.fy = fx;
      s.dy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.dx = dp;
  }
  s.stp = stpf;
}
