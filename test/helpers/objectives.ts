/** Test objective for the L-BFGS-B port: the Rosenbrock function with its gradient (minimum 0 at (1, 1)). */
import type { ObjectiveWithGradient } from "../../metrics/classification/lbfgsb.js";

export const rosenbrock: ObjectiveWithGradient = (x, g) => {
  const a = x[0];
  const b = x[1];
  g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
  g[1] = 200 * (b - a * a);
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};
