/** L-BFGS-B port: convergence, scipy's stopping rules and counters, Moré–Thuente line search conditions. */
import { describe, expect, it } from "vitest";
import { minimizeLbfgsb } from "../../../metrics/classification/lbfgsb.js";
import { dcsrch, newDcsrchState } from "../../../metrics/classification/lbfgsb-linesearch.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { rosenbrock } from "../../helpers/objectives.js";

describe("minimizeLbfgsb", () => {
  it("solves Rosenbrock from (-1.2, 1) to the optimum (1, 1)", () => {
    const res = minimizeLbfgsb(rosenbrock, [-1.2, 1], { gtol: 1e-8, ftol: 1e-15 });
    expect(res.status).toBe(0);
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(1, 5);
    expect(res.fun).toBeLessThan(1e-10);
    expect(res.nit).toBeGreaterThan(10);
    expect(res.nfev).toBeGreaterThanOrEqual(res.nit);
  });

  it("stops at maxiter with status 1 and nit == maxiter, as scipy's driver does", () => {
    const res = minimizeLbfgsb(rosenbrock, [-1.2, 1], { maxiter: 5 });
    expect(res.nit).toBe(5);
    expect(res.status).toBe(1);
    expect(res.message).toContain("ITERATIONS");
  });

  it("returns at once (nit 0, one evaluation) when the start is already stationary", () => {
    const res = minimizeLbfgsb(
      (_x, g) => {
        g.fill(0);
        return 3;
      },
      [0, 0, 0],
    );
    expect(res.nit).toBe(0);
    expect(res.nfev).toBe(1);
    expect(res.status).toBe(0);
  });

  it("minimises 0.5‖x − c‖² in at most 3 iterations", () => {
    const c = [3, -4];
    const res = minimizeLbfgsb(
      (x, g) => {
        g[0] = x[0] - c[0];
        g[1] = x[1] - c[1];
        return 0.5 * (g[0] * g[0] + g[1] * g[1]);
      },
      [0, 0],
      { gtol: 1e-10 },
    );
    expect(res.status).toBe(0);
    expect(res.x[0]).toBeCloseTo(3, 9);
    expect(res.x[1]).toBeCloseTo(-4, 9);
    expect(res.nit).toBeLessThanOrEqual(3);
  });

  it("terminates abnormally (status 2) when the gradient points uphill", () => {
    const res = minimizeLbfgsb(
      (x, g) => {
        g[0] = -2 * x[0] - 1;
        return x[0] * x[0] + x[0];
      },
      [0],
    );
    expect(res.status).toBe(2);
    expect(res.x[0]).toBe(0);
  });

  it("converges on a badly scaled 50-d quadratic and stops by the pgtol test", () => {
    const n = 50;
    const scale = Float64Array.from({ length: n }, (_, i) => 1 + i);
    const res = minimizeLbfgsb(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < n; i++) {
          const r = x[i] - 1;
          f += 0.5 * scale[i] * r * r;
          g[i] = scale[i] * r;
        }
        return f;
      },
      new Float64Array(n),
      { gtol: 1e-6, ftol: 0 },
    );
    expect(res.status).toBe(0);
    expect(res.message).toContain("PGTOL");
    for (let i = 0; i < n; i++) expect(Math.abs(res.x[i] - 1)).toBeLessThan(1e-6);
  });

  it("rejects invalid options with EmbevalError", () => {
    expect(() => minimizeLbfgsb(rosenbrock, [])).toThrow();
    try {
      minimizeLbfgsb(rosenbrock, [0, 0], { maxls: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isEmbevalError(e, "E_INVALID_ARGUMENT")).toBe(true);
    }
  });
});

describe("dcsrch (Moré–Thuente)", () => {
  it("finds a step satisfying the strong Wolfe conditions on phi(a) = (a − 3)² − 9", () => {
    const phi = (a: number): [number, number] => [(a - 3) ** 2 - 9, 2 * (a - 3)];
    const [f0, g0] = phi(0);
    const s = newDcsrchState(1);
    let [f, g] = [f0, g0];
    let evals = 0;
    for (;;) {
      dcsrch(s, f, g, 1e-3, 0.9, 0.1, 0, 1e10);
      if (s.task !== "fg") break;
      [f, g] = phi(s.stp);
      evals++;
      expect(evals).toBeLessThan(30);
    }
    expect(s.task).toBe("convergence");
    expect(f).toBeLessThanOrEqual(f0 + 1e-3 * s.stp * g0);
    expect(Math.abs(g)).toBeLessThanOrEqual(0.9 * Math.abs(g0));
  });

  it("reports an error for an ascent direction", () => {
    const s = newDcsrchState(1);
    dcsrch(s, 0, 1, 1e-3, 0.9, 0.1, 0, 10);
    expect(s.task).toBe("error");
  });
});
