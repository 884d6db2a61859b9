// Generates jsfloat_cases.txt: node gen_jsfloat.js > jsfloat_cases.txt
// Line format: <16 hex digits of the f64 bits> <String(x)>
let s = 12345n;
const buf = new DataView(new ArrayBuffer(8));
const out = [];
function next() { s = (s * 6364136223846793005n + 1442695040888963407n) & 0xFFFFFFFFFFFFFFFFn; return s; }
for (let i = 0; i < 3000; i++) {
  let bits = next() ^ (next() >> 29n);
  buf.setBigUint64(0, bits);
  let x = buf.getFloat64(0);
  if (i % 3 === 1) { x = Number((next() % 100000000n)) / 10 ** Number(next() % 30n); buf.setFloat64(0, x); }
  if (i % 3 === 2) { x = Number((next() % 1000n)) * 10 ** (Number(next() % 50n) - 25); buf.setFloat64(0, x); }
  if (!isFinite(x)) continue;
  out.push(buf.getBigUint64(0).toString(16).padStart(16, "0") + " " + String(x));
}
console.log(out.join("\n"));
