/** Minimal protobuf wire-format writer for the small ONNX graphs the search kernels build (onnx/onnx.proto3 fields). */

/** Protobuf wire-format bytes (varints and length-delimited fields only; all this graph needs). */
export class Pb {
  private readonly b: number[] = [];
  private varint(v: number): void {
    let x = v;
    while (x >= 0x80) {
      this.b.push((x & 0x7f) | 0x80);
      x = Math.floor(x / 128);
    }
    this.b.push(x);
  }
  int(field: number, v: number): this {
    this.varint(field << 3);
    this.varint(v);
    return this;
  }
  bytes(field: number, data: Uint8Array): this {
    this.varint((field << 3) | 2);
    this.varint(data.length);
    for (const x of data) this.b.push(x);
    return this;
  }
  str(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Pb): this {
    return this.bytes(field, m.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.b);
  }
}

/** A float tensor ValueInfoProto with symbolic dims. */
export function floatInput(name: string, dims: readonly string[], elemType: number): Pb {
  const shape = new Pb();
  for (const d of dims) shape.msg(1, new Pb().str(2, d));
  const tensor = new Pb().int(1, elemType).msg(2, shape);
  return new Pb().str(1, name).msg(2, new Pb().msg(1, tensor));
}
