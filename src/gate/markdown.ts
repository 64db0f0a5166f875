/** The markdown summary of `embeval compare` (stdout and `$GITHUB_STEP_SUMMARY`): verdict, per-task and benchmark tables. */
import type { CompareReport } from "./compare.js";
import type { TaskComparison, TaskStatus } from "./verdict.js";

/** Escapes text for a markdown table cell (pipes, backslashes, markup characters, newlines). */
export function mdCell(text: string): string {
  return text.replace(/[\\|`*_[\]<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function points(v: number | null): string {
  return v === null ? "–" : v.toFixed(2);
}

function signed(v: number | null): string {
  if (v === null) return "–";
  const s = v.toFixed(2);
  return v > 0 && s !== "0.00" ? `+${s}` : s === "-0.00" ? "0.00" : s;
}

function pValue(p: number): string {
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}

const LABEL: Record<TaskStatus, string> = {
  fail: "❌ drop",
  drop: "⚠️ drop, not significant",
  ok: "✅ ok",
  missing: "❌ missing in candidate",
  new: "🆕 new",
};

const ORDER: Record<TaskStatus, number> = { fail: 0, missing: 1, drop: 2, new: 3, ok: 4 };

function statusLabel(t: TaskComparison): string {
  if (t.status === "missing" && !t.failing) return "⚠️ missing in candidate (allowed)";
  return LABEL[t.status];
}

function taskRow(t: TaskComparison): string {
  const ci = t.test ? `[${signed(t.test.ciLow)}, ${signed(t.test.ciHigh)}]` : "–";
  const p = t.test ? pValue(t.test.pValue) : "–";
  const items = t.test ? String(t.test.items) : mdCell(t.testNote ?? "–");
  return `| ${mdCell(t.task)} | ${points(t.baseline)} | ${points(t.candidate)} | ${signed(t.delta)} | ${ci} | ${p} | ${items} | ${statusLabel(t)} |`;
}

function side(label: string, s: CompareReport["baseline"]): string {
  const roots = s.roots.map((r) => `\`${r.replaceAll("`", "'")}\``).join(", ");
  return `- ${label}: ${mdCell(s.model)}${s.revision ? ` @ ${mdCell(s.revision)}` : ""} (${roots})`;
}

/** Renders the report as GitHub-flavoured markdown ending in a newline. */
export function renderCompareMarkdown(report: CompareReport): string {
  const o = report.options;
  const n = report.failing.length;
  const lines: string[] = [];
  lines.push(
    report.pass
      ? "## ✅ embeval compare: pass"
      : `## ❌ embeval compare: fail (${n} task${n === 1 ? "" : "s"}: ${report.failing.slice(0, 5).map(mdCell).join(", ")}${n > 5 ? ", …" : ""})`,
    "",
    side("Baseline", report.baseline),
    side("Candidate", report.candidate),
    `- Rule: fail when a task's main score drops by more than ${o.maxDrop} points (×100) and, where per-item values ` +
      `exist on both sides, a paired bootstrap (${o.resamples} resamples, seed ${o.seed}) gives p < ${o.alpha}` +
      `${o.allowMissing ? "; missing tasks allowed" : "; a task missing in the candidate fails"}.`,
    "",
  );
  if (report.tasks.length === 0) {
    lines.push("No task is scored on either side.", "");
  } else {
    lines.push(
      "| Task | Baseline | Candidate | Δ | 95% CI of Δ | p | Items | Verdict |",
      "|---|---:|---:|---:|---:|---:|---|---|",
    );
    const sorted = [...report.tasks].sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] || (a.delta ?? 0) - (b.delta ?? 0) || (a.task < b.task ? -1 : 1),
    );
    for (const t of sorted) lines.push(taskRow(t));
    lines.push(
      "",
      "Scores are main scores ×100; Δ = candidate − baseline in points; CI and p come from the paired bootstrap " +
        "over per-item values (p = share of resamples where the candidate is not worse).",
      "",
    );
  }
  const b = report.benchmark;
  if (b) {
    lines.push(
      `### ${mdCell(b.benchmark)}`,
      "",
      "| Mean | Baseline | Candidate | Δ |",
      "|---|---:|---:|---:|",
    );
    for (const r of b.rows)
      lines.push(
        `| ${mdCell(r.label)} | ${points(r.baseline)} | ${points(r.candidate)} | ${signed(r.delta)} |`,
      );
    lines.push("");
    const miss = (label: string, names: readonly string[]) => {
      if (names.length === 0) return;
      const shown = names.slice(0, 10).map(mdCell).join(", ");
      lines.push(
        `${label} misses ${names.length} task(s): ${shown}${names.length > 10 ? ", …" : ""}; its means are blank.`,
      );
    };
    miss("Baseline", b.missingBaseline);
    miss("Candidate", b.missingCandidate);
    if (b.missingBaseline.length + b.missingCandidate.length > 0) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
