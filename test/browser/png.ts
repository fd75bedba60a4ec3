import { inflateSync } from "node:zlib";

/** A decoded picture: `channels` bytes a pixel (3 for RGB, 4 for RGBA), row after row. */
export interface Picture {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

const SIGNATURE = "89504e470d0a1a0a";

/**
 * Decodes the PNGs a browser's screenshot gives (8 bits a channel, RGB or RGBA, not interlaced),
 * so that a test can read the colour of a pixel without an image library.
 */
export function decodePng(png: Buffer): Picture {
  if (png.subarray(0, 8).toString("hex") !== SIGNATURE) throw new Error("decodePng: not a PNG");
  let width = 0;
  let height = 0;
  let channels = 0;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, interlace] = [body[8], body[9], body[12]];
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || !channels || interlace !== 0)
        throw new Error(`decodePng: unsupported PNG (depth ${depth}, colour type ${colour})`);
    } else if (type === "IDAT") chunks.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  // Undo PNG's row filters (none, sub, up, average, Paeth): each byte was stored less a prediction
  // from its left (a), upper (b) and upper-left (c) neighbours.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const from = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (data[row + x - channels] ?? 0) : 0;
      const b = y > 0 ? (data[row - stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (data[row - stride + x - channels] ?? 0) : 0;
      let prediction = 0;
      if (filter === 1) prediction = a;
      else if (filter === 2) prediction = b;
      else if (filter === 3) prediction = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        prediction = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[row + x] = ((raw[from + x] ?? 0) + prediction) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** The red, green and blue of one pixel. */
export function rgbAt(picture: Picture, x: number, y: number): [number, number, number] {
  const i = (y * picture.width + x) * picture.channels;
  return [picture.data[i] ?? 0, picture.data[i + 1] ?? 0, picture.data[i + 2] ?? 0];
}
