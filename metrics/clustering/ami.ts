/** Adjusted mutual information (arithmetic); reproduces scikit-learn 1.9.1 sklearn/metrics/cluster/_supervised.py adjusted_mutual_info_score and _expected_mutual_info_fast.pyx (fdlibm lgamma). */
import { EmbevalError } from "../errors.js";
import { type Contingency, contingencyMatrix, type Label } from "./contingency.js";
import { entropyFromCounts, mutualInfoFromContingency } from "./v-measure.js";

const EPS = 2.220446049250313e-16;
const A = [
  0.07721566490153287, 0.3224670334241136, 0.06735230105312927, 0.020580808432516733, 0.007385550860814029,
  0.0028905138367341563, 0.0011927076318336207, 0.0005100697921535113, 0.00022086279071390839,
  0.00010801156724758394, 2.5214456545125733e-5, 4.4864094961891516e-5,
];
const TC = 1.4616321449683622;
const TF = -0.12148629053584961;
const TT = -3.638676997039505e-18;
const T = [
  0.48383612272381005, -0.1475877229945939, 0.06462494023913339, -0.032788541075985965, 0.01797067508118204,
  -0.010314224129834144, 0.006100538702462913, -0.0036845201678113826, 0.0022596478090061247,
  -0.0014034646998923284, 0.000881081882437654, -0.0005385953053567405, 0.00031563207090362595,
  -0.00031275416837512086, 0.0003355291926355191,
];
const U = [
  -0.07721566490153287, 0.6328270640250934, 1.4549225013723477, 0.9777175279633727, 0.22896372806469245,
  0.013381091853678766,
];
const V = [
  0, 2.4559779371304113, 2.128489763798934, 0.7692851504566728, 0.10422264559336913, 0.003217092422824239,
];
const S = [
  -0.07721566490153287, 0.21498241596060885, 0.325778796408931, 0.14635047265246445, 0.02664227030336386,
  0.0018402845140733772, 3.194753265841009e-5,
];
const R = [
  0, 1.3920053346762105, 0.7219355475671381, 0.17193386563280308, 0.01864591917156529, 0.0007779424963818936,
  7.326684307446256e-6,
];
const W = [
  0.4189385332046727, 0.08333333333333297, -0.0027777777772877554, 0.0007936505586430196,
  -0.00059518755745034, 0.0008363399189962821, -0.0016309293409657527,
];

/**
 * ln Γ(x) for x > 0: the fdlibm / glibc `__ieee754_lgamma_r` algorithm (what C `lgamma` and scipy `gammaln`
 * give to ~1 ulp). The interval switches use decimal forms of fdlibm's high-word thresholds, exact for the
 * integer arguments the expected mutual information needs.
 */
export function lgamma(x: number): number {
  if (!(x > 0)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `lgamma is implemented for x > 0 only, got ${x}`, {
      hint: "pass a positive argument",
    });
  }
  if (x === 1 || x === 2) return 0;
  if (x < 2) {
    let r: number;
    let y: number;
    let i: number;
    if (x <= 0.9) {
      r = -Math.log(x);
      if (x >= 0.7316) {
        y = 1 - x;
        i = 0;
      } else if (x >= 0.23164) {
        y = x - (TC - 1);
        i = 1;
      } else {
        y = x;
        i = 2;
      }
    } else {
      r = 0;
      if (x >= 1.7316) {
        y = 2 - x;
        i = 0;
      } else if (x >= 1.23164) {
        y = x - TC;
        i = 1;
      } else {
        y = x - 1;
        i = 2;
      }
    }
    if (i === 0) {
      const z = y * y;
      const p1 = A[0] + z * (A[2] + z * (A[4] + z * (A[6] + z * (A[8] + z * A[10]))));
      const p2 = z * (A[1] + z * (A[3] + z * (A[5] + z * (A[7] + z * (A[9] + z * A[11])))));
      const p = y * p1 + p2;
      return r + (p - 0.5 * y);
    }
    if (i === 1) {
      const z = y * y;
      const w = z * y;
      const p1 = T[0] + w * (T[3] + w * (T[6] + w * (T[9] + w * T[12])));
      const p2 = T[1] + w * (T[4] + w * (T[7] + w * (T[10] + w * T[13])));
      const p3 = T[2] + w * (T[5] + w * (T[8] + w * (T[11] + w * T[14])));
      const p = z * p1 - (TT - w * (p2 + y * p3));
      return r + (TF + p);
    }
    const p1 = y * (U[0] + y * (U[1] + y * (U[2] + y * (U[3] + y * (U[4] + y * U[5])))));
    const p2 = 1 + y * (V[1] + y * (V[2] + y * (V[3] + y * (V[4] + y * V[5]))));
    return r + (-0.5 * y + p1 / p2);
  }
  if (x < 8) {
    const i = Math.trunc(x);
    const y = x - i;
    const p = y * (S[0] + y * (S[1] + y * (S[2] + y * (S[3] + y * (S[4] + y * (S[5] + y * S[6]))))));
    const q = 1 + y * (R[1] + y * (R[2] + y * (R[3] + y * (R[4] + y * (R[5] + y * R[6])))));
    let r = 0.5 * y + p / q;
    let z = 1;
    if (i >= 7) z *= y + 6;
    if (i >= 6) z *= y + 5;
    if (i >= 5) z *= y + 4;
    if (i >= 4) z *= y + 3;
    if (i >= 3) {
      z *= y + 2;
      r += Math.log(z);
    }
    return r;
  }
  if (x < 2 ** 58) {
    const t = Math.log(x);
    const z = 1 / x;
    const y = z * z;
    const w = W[0] + z * (W[1] + y * (W[2] + y * (W[3] + y * (W[4] + y * (W[5] + y * W[6])))));
    return (x - 0.5) * (t - 1) + w;
  }
  return x * (Math.log(x) - 1);
}

/** `expected_mutual_information(contingency, n_samples)` (sklearn's exact hypergeometric expectation). */
export function expectedMutualInformation(c: Contingency): number {
  const a = c.rowSums;
  const b = c.colSums;
  if (a.length === 1 || b.length === 1) return 0.0;
  const n = c.n;
  let maxAB = 0;
  for (const v of a) maxAB = Math.max(maxAB, v);
  for (const v of b) maxAB = Math.max(maxAB, v);
  const term1 = new Float64Array(maxAB + 1);
  const logNnij = new Float64Array(maxAB + 1);
  const glnNnij = new Float64Array(maxAB + 1);
  const logN = Math.log(n);
  const glnN1 = lgamma(n + 1);
  for (let k = 0; k <= maxAB; k++) {
    const nij = k === 0 ? 1 : k;
    term1[k] = nij / n;
    logNnij[k] = logN + Math.log(nij);
    glnNnij[k] = lgamma(nij + 1) + glnN1;
  }
  const logA = Array.from(a, Math.log);
  const logB = Array.from(b, Math.log);
  const glnA = Array.from(a, (v) => lgamma(v + 1));
  const glnB = Array.from(b, (v) => lgamma(v + 1));
  const glnNa = Array.from(a, (v) => lgamma(n - v + 1));
  const glnNb = Array.from(b, (v) => lgamma(n - v + 1));
  let emi = 0.0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const start = Math.max(1, a[i] - n + b[j]);
      const end = Math.min(a[i], b[j]) + 1;
      for (let nij = start; nij < end; nij++) {
        const term2 = logNnij[nij] - logA[i] - logB[j];
        const gln =
          glnA[i] +
          glnB[j] +
          glnNa[i] +
          glnNb[j] -
          glnNnij[nij] -
          lgamma(a[i] - nij + 1) -
          lgamma(b[j] - nij + 1) -
          lgamma(n - a[i] - b[j] + nij + 1);
        emi += term1[nij] * term2 * Math.exp(gln);
      }
    }
  }
  return emi;
}

/** `adjusted_mutual_info_score(labels_true, labels_pred, average_method="arithmetic")`. */
export function adjustedMutualInfo(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): number {
  return amiFromContingency(contingencyMatrix(labelsTrue, labelsPred));
}

/** AMI (arithmetic normalisation) from a contingency table. */
export function amiFromContingency(c: Contingency): number {
  if ((c.nRows === 1 && c.nCols === 1) || (c.nRows === 0 && c.nCols === 0)) return 1.0;
  const mi = mutualInfoFromContingency(c);
  const emi = expectedMutualInformation(c);
  const hTrue = entropyFromCounts(c.rowSums);
  const hPred = entropyFromCounts(c.colSums);
  const normalizer = (hTrue + hPred) / 2;
  let denominator = normalizer - emi;
  if (denominator < 0) denominator = Math.min(denominator, -EPS);
  else denominator = Math.max(denominator, EPS);
  return (mi - emi) / denominator;
}
