/** Minimal ONNX protobuf writer (ModelProto/GraphProto/NodeProto/TensorProto/ValueInfoProto of onnx/onnx.proto3), enough to build test models from code. */

/** Tensor element types used here (TensorProto.DataType numbers). */
export type OnnxDataType = "float" | "int64";

const DATA_TYPE: Record<OnnxDataType, number> = { float: 1, int64: 7 };

/** A constant weight stored in the graph. */
export interface OnnxInitializer {
  name: string;
  type: OnnxDataType;
  dims: readonly number[];
  data: Float32Array | BigInt64Array;
}

/** A graph input or output: name, element type, shape (numbers are fixed, strings are symbolic dims). */
export interface OnnxValueInfo {
  name: string;
  type: OnnxDataType;
  shape: readonly (number | string)[];
}

/** A node attribute value, tagged by its protobuf kind. */
export type OnnxAttribute =
  | { i: number }
  | { f: number }
  | { s: string }
  | { ints: readonly number[] }
  | { floats: readonly number[] };

/** One operator in the graph. */
export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attrs?: Record<string, OnnxAttribute>;
}

/** A whole graph. */
export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxInitializer[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

/** Protobuf wire-format writer: varints, length-delimited fields, fixed32. */
class Writer {
  private readonly chunks: number[] = [];

  varint(v: number | bigint): this {
    let x = BigInt.asUintN(64, BigInt(v));
    while (x >= 0x80n) {
      this.chunks.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.chunks.push(Number(x));
    return this;
  }

  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }

  int(field: number, v: number | bigint): this {
    return this.tag(field, 0).varint(v);
  }

  bytes(field: number, b: Uint8Array): this {
    this.tag(field, 2).varint(b.length);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  message(field: number, m: Writer): this {
    return this.bytes(field, m.finish());
  }

  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.tag(field, 5);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

function tensorProto(t: OnnxInitializer): Writer {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  w.int(2, DATA_TYPE[t.type]);
  w.string(8, t.name);
  const raw = new Uint8Array(t.data.byteLength);
  const view = new DataView(raw.buffer);
  t.data.forEach((v: number | bigint, i: number) => {
    if (typeof v === "bigint") view.setBigInt64(i * 8, v, true);
    else view.setFloat32(i * 4, v, true);
  });
  return w.bytes(9, raw);
}

function valueInfo(v: OnnxValueInfo): Writer {
  const shape = new Writer();
  for (const d of v.shape) {
    const dim = new Writer();
    if (typeof d === "number") dim.int(1, d);
    else dim.string(2, d);
    shape.message(1, dim);
  }
  const tensor = new Writer().int(1, DATA_TYPE[v.type]).message(2, shape);
  const type = new Writer().message(1, tensor);
  return new Writer().string(1, v.name).message(2, type);
}

function attribute(name: string, a: OnnxAttribute): Writer {
  const w = new Writer().string(1, name);
  if ("i" in a) return w.int(3, a.i).int(20, 2);
  if ("f" in a) return w.float(2, a.f).int(20, 1);
  if ("s" in a) return w.string(4, a.s).int(20, 3);
  if ("ints" in a) {
    for (const x of a.ints) w.int(8, x);
    return w.int(20, 7);
  }
  for (const x of a.floats) w.float(7, x);
  return w.int(20, 6);
}

function nodeProto(n: OnnxNode, index: number): Writer {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`);
  w.string(4, n.op);
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.message(5, attribute(k, v));
  return w;
}

/** Serialize a graph as an ONNX ModelProto (default IR version 8, default-domain opset 17). */
export function encodeOnnxModel(
  graph: OnnxGraph,
  opts: { opset?: number; irVersion?: number; producer?: string } = {},
): Uint8Array {
  const g = new Writer();
  graph.nodes.forEach((n, i) => {
    g.message(1, nodeProto(n, i));
  });
  g.string(2, graph.name);
  for (const t of graph.initializers) g.message(5, tensorProto(t));
  for (const v of graph.inputs) g.message(11, valueInfo(v));
  for (const v of graph.outputs) g.message(12, valueInfo(v));
  const opset = new Writer().string(1, "").int(2, opts.opset ?? 17);
  return new Writer()
    .int(1, opts.irVersion ?? 8)
    .string(2, opts.producer ?? "embeval build-test-models")
    .message(7, g)
    .message(8, opset)
    .finish();
}
