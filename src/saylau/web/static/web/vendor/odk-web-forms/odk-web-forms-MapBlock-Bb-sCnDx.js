import { _ as Li, d as Vn, i as Ku, c as mt, Q as qu, o as Ju, a as Qu, w as Ct, n as ed, b as Q, e as fe, f as k, g as On, h as ye, u as J, j as ce, k as $e, I as ke, s as Nt, l as tt, t as St, m as td, p as nd, F as nc, r as Ie, q as id, v as at, M as rd, S as xe, x as ic, y as sd, z as Vr, A as Wr, T as od, B as ad, C as Ol, D as ld, E as ya, G as hd, H as cd, J as ud, K as dd, L as gd } from "./odk-web-forms-index-DlGh9P5C.js";
function rc(...i) {
  console.warn(...i);
}
const Ae = { UNKNOWN: 0, INTERSECTING: 1, ABOVE: 2, RIGHT: 4, BELOW: 8, LEFT: 16 };
function qe(i) {
  const e = ct();
  for (let t = 0, n = i.length; t < n; ++t) er(e, i[t]);
  return e;
}
function Pr(i, e, t) {
  return t ? (t[0] = i[0] - e, t[1] = i[1] - e, t[2] = i[2] + e, t[3] = i[3] + e, t) : [i[0] - e, i[1] - e, i[2] + e, i[3] + e];
}
function sc(i, e) {
  return e ? (e[0] = i[0], e[1] = i[1], e[2] = i[2], e[3] = i[3], e) : i.slice();
}
function Wn(i, e, t) {
  let n, r;
  return e < i[0] ? n = i[0] - e : i[2] < e ? n = e - i[2] : n = 0, t < i[1] ? r = i[1] - t : i[3] < t ? r = t - i[3] : r = 0, n * n + r * r;
}
function Ti(i, e) {
  return xa(i, e[0], e[1]);
}
function Xi(i, e) {
  return i[0] <= e[0] && e[2] <= i[2] && i[1] <= e[1] && e[3] <= i[3];
}
function xa(i, e, t) {
  return i[0] <= e && e <= i[2] && i[1] <= t && t <= i[3];
}
function Vo(i, e) {
  const t = i[0], n = i[1], r = i[2], s = i[3], o = e[0], a = e[1];
  let l = Ae.UNKNOWN;
  return o < t ? l = l | Ae.LEFT : o > r && (l = l | Ae.RIGHT), a < n ? l = l | Ae.BELOW : a > s && (l = l | Ae.ABOVE), l === Ae.UNKNOWN && (l = Ae.INTERSECTING), l;
}
function ct() {
  return [1 / 0, 1 / 0, -1 / 0, -1 / 0];
}
function Cn(i, e, t, n, r) {
  return r ? (r[0] = i, r[1] = e, r[2] = t, r[3] = n, r) : [i, e, t, n];
}
function Ar(i) {
  return Cn(1 / 0, 1 / 0, -1 / 0, -1 / 0, i);
}
function Qi(i, e) {
  const t = i[0], n = i[1];
  return Cn(t, n, t, n, e);
}
function va(i, e, t, n, r) {
  const s = Ar(r);
  return ac(s, i, e, t, n);
}
function wi(i, e) {
  return i[0] == e[0] && i[2] == e[2] && i[1] == e[1] && i[3] == e[3];
}
function oc(i, e) {
  return e[0] < i[0] && (i[0] = e[0]), e[2] > i[2] && (i[2] = e[2]), e[1] < i[1] && (i[1] = e[1]), e[3] > i[3] && (i[3] = e[3]), i;
}
function er(i, e) {
  e[0] < i[0] && (i[0] = e[0]), e[0] > i[2] && (i[2] = e[0]), e[1] < i[1] && (i[1] = e[1]), e[1] > i[3] && (i[3] = e[1]);
}
function ac(i, e, t, n, r) {
  for (; t < n; t += r) fd(i, e[t], e[t + 1]);
  return i;
}
function fd(i, e, t) {
  i[0] = Math.min(i[0], e), i[1] = Math.min(i[1], t), i[2] = Math.max(i[2], e), i[3] = Math.max(i[3], t);
}
function lc(i, e) {
  let t;
  return t = e(Ls(i)), t || (t = e(Ms(i)), t) || (t = e(Ds(i)), t) || (t = e(jn(i)), t) ? t : !1;
}
function Wo(i) {
  let e = 0;
  return Ri(i) || (e = ae(i) * Ze(i)), e;
}
function Ls(i) {
  return [i[0], i[1]];
}
function Ms(i) {
  return [i[2], i[1]];
}
function Ut(i) {
  return [(i[0] + i[2]) / 2, (i[1] + i[3]) / 2];
}
function _d(i, e) {
  let t;
  if (e === "bottom-left") t = Ls(i);
  else if (e === "bottom-right") t = Ms(i);
  else if (e === "top-left") t = jn(i);
  else if (e === "top-right") t = Ds(i);
  else throw new Error("Invalid corner");
  return t;
}
function jo(i, e, t, n, r) {
  const [s, o, a, l, h, c, u, d] = hc(i, e, t, n);
  return Cn(Math.min(s, a, h, u), Math.min(o, l, c, d), Math.max(s, a, h, u), Math.max(o, l, c, d), r);
}
function hc(i, e, t, n) {
  const r = e * n[0] / 2, s = e * n[1] / 2, o = Math.cos(t), a = Math.sin(t), l = r * o, h = r * a, c = s * o, u = s * a, d = i[0], g = i[1];
  return [d - l + u, g - h - c, d - l - u, g - h + c, d + l - u, g + h + c, d + l + u, g + h - c, d - l + u, g - h - c];
}
function Ze(i) {
  return i[3] - i[1];
}
function kn(i, e, t) {
  const n = t || ct();
  return Ye(i, e) ? (i[0] > e[0] ? n[0] = i[0] : n[0] = e[0], i[1] > e[1] ? n[1] = i[1] : n[1] = e[1], i[2] < e[2] ? n[2] = i[2] : n[2] = e[2], i[3] < e[3] ? n[3] = i[3] : n[3] = e[3]) : Ar(n), n;
}
function jn(i) {
  return [i[0], i[3]];
}
function Ds(i) {
  return [i[2], i[3]];
}
function ae(i) {
  return i[2] - i[0];
}
function Ye(i, e) {
  return i[0] <= e[2] && i[2] >= e[0] && i[1] <= e[3] && i[3] >= e[1];
}
function Ri(i) {
  return i[2] < i[0] || i[3] < i[1];
}
function pd(i, e) {
  return e ? (e[0] = i[0], e[1] = i[1], e[2] = i[2], e[3] = i[3], e) : i;
}
function md(i, e, t) {
  let n = !1;
  const r = Vo(i, e), s = Vo(i, t);
  if (r === Ae.INTERSECTING || s === Ae.INTERSECTING) n = !0;
  else {
    const o = i[0], a = i[1], l = i[2], h = i[3], c = e[0], u = e[1], d = t[0], g = t[1], f = (g - u) / (d - c);
    let p, _;
    s & Ae.ABOVE && !(r & Ae.ABOVE) && (p = d - (g - h) / f, n = p >= o && p <= l), !n && s & Ae.RIGHT && !(r & Ae.RIGHT) && (_ = g - (d - l) * f, n = _ >= a && _ <= h), !n && s & Ae.BELOW && !(r & Ae.BELOW) && (p = d - (g - a) / f, n = p >= o && p <= l), !n && s & Ae.LEFT && !(r & Ae.LEFT) && (_ = g - (d - o) * f, n = _ >= a && _ <= h);
  }
  return n;
}
function cc(i, e) {
  const t = e.getExtent(), n = Ut(i);
  if (e.canWrapX() && (n[0] < t[0] || n[0] >= t[2])) {
    const r = ae(t), s = Math.floor((n[0] - t[0]) / r) * r;
    i[0] -= s, i[2] -= s;
  }
  return i;
}
function uc(i, e, t) {
  if (e.canWrapX()) {
    const n = e.getExtent();
    if (!isFinite(i[0]) || !isFinite(i[2])) return [[n[0], i[1], n[2], i[3]]];
    cc(i, e);
    const r = ae(n);
    if (ae(i) > r && !t) return [[n[0], i[1], n[2], i[3]]];
    if (i[0] < n[0]) return [[i[0] + r, i[1], n[2], i[3]], [n[0], i[1], i[2], i[3]]];
    if (i[2] > n[2]) return [[i[0], i[1], n[2], i[3]], [n[0], i[1], i[2] - r, i[3]]];
  }
  return [i];
}
function de(i, e, t) {
  return Math.min(Math.max(i, e), t);
}
function yd(i, e, t, n, r, s) {
  const o = r - t, a = s - n;
  if (o !== 0 || a !== 0) {
    const l = ((i - t) * o + (e - n) * a) / (o * o + a * a);
    l > 1 ? (t = r, n = s) : l > 0 && (t += o * l, n += a * l);
  }
  return en(i, e, t, n);
}
function en(i, e, t, n) {
  const r = t - i, s = n - e;
  return r * r + s * s;
}
function xd(i) {
  const e = i.length;
  for (let n = 0; n < e; n++) {
    let r = n, s = Math.abs(i[n][n]);
    for (let a = n + 1; a < e; a++) {
      const l = Math.abs(i[a][n]);
      l > s && (s = l, r = a);
    }
    if (s === 0) return null;
    const o = i[r];
    i[r] = i[n], i[n] = o;
    for (let a = n + 1; a < e; a++) {
      const l = -i[a][n] / i[n][n];
      for (let h = n; h < e + 1; h++) n == h ? i[a][h] = 0 : i[a][h] += l * i[n][h];
    }
  }
  const t = new Array(e);
  for (let n = e - 1; n >= 0; n--) {
    t[n] = i[n][e] / i[n][n];
    for (let r = n - 1; r >= 0; r--) i[r][e] -= i[r][n] * t[n];
  }
  return t;
}
function kl(i) {
  return i * 180 / Math.PI;
}
function vn(i) {
  return i * Math.PI / 180;
}
function Nn(i, e) {
  const t = i % e;
  return t * e < 0 ? t + e : t;
}
function ot(i, e, t) {
  return i + t * (e - i);
}
function Ir(i, e) {
  const t = Math.pow(10, e);
  return Math.round(i * t) / t;
}
function jr(i, e) {
  return Math.floor(Ir(i, e));
}
function Xr(i, e) {
  return Math.ceil(Ir(i, e));
}
function Xo(i, e, t) {
  if (i >= e && i < t) return i;
  const n = t - e;
  return ((i - e) % n + n) % n + e;
}
function vd(i, e) {
  return i[0] += +e[0], i[1] += +e[1], i;
}
function Ea(i, e) {
  const t = i[0], n = i[1], r = e[0], s = e[1], o = r[0], a = r[1], l = s[0], h = s[1], c = l - o, u = h - a, d = c === 0 && u === 0 ? 0 : (c * (t - o) + u * (n - a)) / (c * c + u * u || 0);
  let g, f;
  return d <= 0 ? (g = o, f = a) : d >= 1 ? (g = l, f = h) : (g = o + d * c, f = a + d * u), [g, f];
}
function Xe(i, e) {
  let t = !0;
  for (let n = i.length - 1; n >= 0; --n) if (i[n] != e[n]) {
    t = !1;
    break;
  }
  return t;
}
function Ca(i, e) {
  const t = Math.cos(e), n = Math.sin(e), r = i[0] * t - i[1] * n, s = i[1] * t + i[0] * n;
  return i[0] = r, i[1] = s, i;
}
function Ed(i, e) {
  return i[0] *= e, i[1] *= e, i;
}
function or(i, e) {
  const t = i[0] - e[0], n = i[1] - e[1];
  return t * t + n * n;
}
function Yi(i, e) {
  return Math.sqrt(or(i, e));
}
function Cd(i, e) {
  return or(i, Ea(i, e));
}
function dc(i, e) {
  if (e.canWrapX()) {
    const t = ae(e.getExtent()), n = Sd(i, e, t);
    n && (i[0] -= n * t);
  }
  return i;
}
function Sd(i, e, t) {
  const n = e.getExtent();
  let r = 0;
  return e.canWrapX() && (i[0] < n[0] || i[0] > n[2]) && (t = t || ae(n), r = Math.floor((i[0] - n[0]) / t)), r;
}
const ar = { radians: 6370997 / (2 * Math.PI), degrees: 2 * Math.PI * 6370997 / 360, ft: 0.3048, m: 1, "us-ft": 1200 / 3937 };
class Sa {
  constructor(e) {
    this.code_ = e.code, this.units_ = e.units, this.extent_ = e.extent !== void 0 ? e.extent : null, this.worldExtent_ = e.worldExtent !== void 0 ? e.worldExtent : null, this.axisOrientation_ = e.axisOrientation !== void 0 ? e.axisOrientation : "enu", this.global_ = e.global !== void 0 ? e.global : !1, this.canWrapX_ = !!(this.global_ && this.extent_), this.getPointResolutionFunc_ = e.getPointResolution, this.defaultTileGrid_ = null, this.metersPerUnit_ = e.metersPerUnit;
  }
  canWrapX() {
    return this.canWrapX_;
  }
  getCode() {
    return this.code_;
  }
  getExtent() {
    return this.extent_;
  }
  getUnits() {
    return this.units_;
  }
  getMetersPerUnit() {
    return this.metersPerUnit_ || ar[this.units_];
  }
  getWorldExtent() {
    return this.worldExtent_;
  }
  getAxisOrientation() {
    return this.axisOrientation_;
  }
  isGlobal() {
    return this.global_;
  }
  setGlobal(e) {
    this.global_ = e, this.canWrapX_ = !!(e && this.extent_);
  }
  getDefaultTileGrid() {
    return this.defaultTileGrid_;
  }
  setDefaultTileGrid(e) {
    this.defaultTileGrid_ = e;
  }
  setExtent(e) {
    this.extent_ = e, this.canWrapX_ = !!(this.global_ && e);
  }
  setWorldExtent(e) {
    this.worldExtent_ = e;
  }
  setGetPointResolution(e) {
    this.getPointResolutionFunc_ = e;
  }
  getPointResolutionFunc() {
    return this.getPointResolutionFunc_;
  }
}
const Fr = 6378137, pi = Math.PI * Fr, Td = [-pi, -pi, pi, pi], wd = [-180, -85, 180, 85], Yr = Fr * Math.log(Math.tan(Math.PI / 2));
class ei extends Sa {
  constructor(e) {
    super({ code: e, units: "m", extent: Td, global: !0, worldExtent: wd, getPointResolution: function(t, n) {
      return t / Math.cosh(n[1] / Fr);
    } });
  }
}
const Nl = [new ei("EPSG:3857"), new ei("EPSG:102100"), new ei("EPSG:102113"), new ei("EPSG:900913"), new ei("http://www.opengis.net/def/crs/EPSG/0/3857"), new ei("http://www.opengis.net/gml/srs/epsg.xml#3857")];
function Rd(i, e, t, n) {
  const r = i.length;
  t = t > 1 ? t : 2, n = n ?? t, e === void 0 && (t > 2 ? e = i.slice() : e = new Array(r));
  for (let s = 0; s < r; s += n) {
    e[s] = pi * i[s] / 180;
    let o = Fr * Math.log(Math.tan(Math.PI * (+i[s + 1] + 90) / 360));
    o > Yr ? o = Yr : o < -Yr && (o = -Yr), e[s + 1] = o;
  }
  return e;
}
function bd(i, e, t, n) {
  const r = i.length;
  t = t > 1 ? t : 2, n = n ?? t, e === void 0 && (t > 2 ? e = i.slice() : e = new Array(r));
  for (let s = 0; s < r; s += n) e[s] = 180 * i[s] / pi, e[s + 1] = 360 * Math.atan(Math.exp(i[s + 1] / Fr)) / Math.PI - 90;
  return e;
}
const Pd = 6378137, Gl = [-180, -90, 180, 90], Ad = Math.PI * Pd / 180;
class bn extends Sa {
  constructor(e, t) {
    super({ code: e, units: "degrees", extent: Gl, axisOrientation: t, global: !0, metersPerUnit: Ad, worldExtent: Gl });
  }
}
const Bl = [new bn("CRS:84"), new bn("EPSG:4326", "neu"), new bn("urn:ogc:def:crs:OGC:1.3:CRS84"), new bn("urn:ogc:def:crs:OGC:2:84"), new bn("http://www.opengis.net/def/crs/OGC/1.3/CRS84"), new bn("http://www.opengis.net/gml/srs/epsg.xml#4326", "neu"), new bn("http://www.opengis.net/def/crs/EPSG/0/4326", "neu")];
let Yo = {};
function Id(i) {
  return Yo[i] || Yo[i.replace(/urn:(x-)?ogc:def:crs:EPSG:(.*:)?(\w+)$/, "EPSG:$3")] || null;
}
function Fd(i, e) {
  Yo[i] = e;
}
function Mi(i) {
  for (const e in i) delete i[e];
}
function Bn(i) {
  let e;
  for (e in i) return !1;
  return !e;
}
let xi = {};
function lr(i, e, t) {
  const n = i.getCode(), r = e.getCode();
  n in xi || (xi[n] = {}), xi[n][r] = t;
}
function ro(i, e) {
  return i in xi && e in xi[i] ? xi[i][e] : null;
}
const fs = 0.9996, xt = 669438e-8, Os = xt * xt, ks = Os * xt, Fn = xt / (1 - xt), Ul = Math.sqrt(1 - xt), bi = (1 - Ul) / (1 + Ul), gc = bi * bi, Ta = gc * bi, wa = Ta * bi, fc = wa * bi, _c = 1 - xt / 4 - 3 * Os / 64 - 5 * ks / 256, Ld = 3 * xt / 8 + 3 * Os / 32 + 45 * ks / 1024, Md = 15 * Os / 256 + 45 * ks / 1024, Dd = 35 * ks / 3072, Od = 3 / 2 * bi - 27 / 32 * Ta + 269 / 512 * fc, kd = 21 / 16 * gc - 55 / 32 * wa, Nd = 151 / 96 * Ta - 417 / 128 * fc, Gd = 1097 / 512 * wa, _s = 6378137;
function Bd(i, e, t) {
  const n = i - 5e5, r = (t.north ? e : e - 1e7) / fs / (_s * _c), s = r + Od * Math.sin(2 * r) + kd * Math.sin(4 * r) + Nd * Math.sin(6 * r) + Gd * Math.sin(8 * r), o = Math.sin(s), a = o * o, l = Math.cos(s), h = o / l, c = h * h, u = c * c, d = 1 - xt * a, g = Math.sqrt(1 - xt * a), f = _s / g, p = (1 - xt) / d, _ = Fn * l ** 2, y = _ * _, x = n / (f * fs), E = x * x, v = E * x, m = v * x, S = m * x, T = S * x, w = s - h / p * (E / 2 - m / 24 * (5 + 3 * c + 10 * _ - 4 * y - 9 * Fn)) + T / 720 * (61 + 90 * c + 298 * _ + 45 * u - 252 * Fn - 3 * y);
  let b = (x - v / 6 * (1 + 2 * c + _) + S / 120 * (5 - 2 * _ + 28 * c - 3 * y + 8 * Fn + 24 * u)) / l;
  return b = Xo(b + vn(pc(t.number)), -Math.PI, Math.PI), [kl(b), kl(w)];
}
const zl = -80, $l = 84, Ud = -180, zd = 180;
function $d(i, e, t) {
  i = Xo(i, Ud, zd), e < zl ? e = zl : e > $l && (e = $l);
  const n = vn(e), r = Math.sin(n), s = Math.cos(n), o = r / s, a = o * o, l = a * a, h = vn(i), c = pc(t.number), u = vn(c), d = _s / Math.sqrt(1 - xt * r ** 2), g = Fn * s ** 2, f = s * Xo(h - u, -Math.PI, Math.PI), p = f * f, _ = p * f, y = _ * f, x = y * f, E = x * f, v = _s * (_c * n - Ld * Math.sin(2 * n) + Md * Math.sin(4 * n) - Dd * Math.sin(6 * n)), m = fs * d * (f + _ / 6 * (1 - a + g) + x / 120 * (5 - 18 * a + l + 72 * g - 58 * Fn)) + 5e5;
  let S = fs * (v + d * o * (p / 2 + y / 24 * (5 - a + 9 * g + 4 * g ** 2) + E / 720 * (61 - 58 * a + l + 600 * g - 330 * Fn)));
  return t.north || (S += 1e7), [m, S];
}
function pc(i) {
  return (i - 1) * 6 - 180 + 3;
}
const Vd = [/^EPSG:(\d+)$/, /^urn:ogc:def:crs:EPSG::(\d+)$/, /^http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d+)$/];
function mc(i) {
  let e = 0;
  for (const r of Vd) {
    const s = i.match(r);
    if (s) {
      e = parseInt(s[1]);
      break;
    }
  }
  if (!e) return null;
  let t = 0, n = !1;
  return e > 32700 && e < 32761 ? t = e - 32700 : e > 32600 && e < 32661 && (n = !0, t = e - 32600), t ? { number: t, north: n } : null;
}
function Vl(i, e) {
  return function(t, n, r, s) {
    const o = t.length;
    r = r > 1 ? r : 2, s = s ?? r, n || (r > 2 ? n = t.slice() : n = new Array(o));
    for (let a = 0; a < o; a += s) {
      const l = t[a], h = t[a + 1], c = i(l, h, e);
      n[a] = c[0], n[a + 1] = c[1];
    }
    return n;
  };
}
function Wd(i) {
  return mc(i) ? new Sa({ code: i, units: "m" }) : null;
}
function jd(i) {
  const e = mc(i.getCode());
  return e ? { forward: Vl($d, e), inverse: Vl(Bd, e) } : null;
}
const Xd = 63710088e-1;
function Zo(i, e, t) {
  t = t || Xd;
  const n = vn(i[1]), r = vn(e[1]), s = (r - n) / 2, o = vn(e[0] - i[0]) / 2, a = Math.sin(s) * Math.sin(s) + Math.sin(o) * Math.sin(o) * Math.cos(n) * Math.cos(r);
  return 2 * t * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}
const Yd = [jd], Zd = [Wd];
let Ho = !0;
function yc(i) {
  Ho = !1;
}
function Ra(i, e) {
  if (e !== void 0) {
    for (let t = 0, n = i.length; t < n; ++t) e[t] = i[t];
    e = e;
  } else e = i.slice();
  return e;
}
function Ko(i) {
  Fd(i.getCode(), i), lr(i, i, Ra);
}
function Hd(i) {
  i.forEach(Ko);
}
function _e(i) {
  if (typeof i != "string") return i;
  const e = Id(i);
  if (e) return e;
  for (const t of Zd) {
    const n = t(i);
    if (n) return n;
  }
  return null;
}
function qo(i, e, t, n) {
  i = _e(i);
  let r;
  const s = i.getPointResolutionFunc();
  if (s) {
    if (r = s(e, t), n && n !== i.getUnits()) {
      const o = i.getMetersPerUnit();
      o && (r = r * o / ar[n]);
    }
  } else {
    const o = i.getUnits();
    if (o == "degrees" && !n || n == "degrees") r = e;
    else {
      const a = Pa(i, _e("EPSG:4326"));
      if (!a && o !== "degrees") r = e * i.getMetersPerUnit();
      else {
        let h = [t[0] - e / 2, t[1], t[0] + e / 2, t[1], t[0], t[1] - e / 2, t[0], t[1] + e / 2];
        h = a(h, h, 2);
        const c = Zo(h.slice(0, 2), h.slice(2, 4)), u = Zo(h.slice(4, 6), h.slice(6, 8));
        r = (c + u) / 2;
      }
      const l = n ? ar[n] : i.getMetersPerUnit();
      l !== void 0 && (r /= l);
    }
  }
  return r;
}
function Wl(i) {
  Hd(i), i.forEach(function(e) {
    i.forEach(function(t) {
      e !== t && lr(e, t, Ra);
    });
  });
}
function Kd(i, e, t, n) {
  i.forEach(function(r) {
    e.forEach(function(s) {
      lr(r, s, t), lr(s, r, n);
    });
  });
}
function ba(i, e) {
  return i ? typeof i == "string" ? _e(i) : i : _e(e);
}
function qd(i) {
  return (function(e, t, n, r) {
    const s = e.length;
    n = n !== void 0 ? n : 2, r = r ?? n, t = t !== void 0 ? t : new Array(s);
    for (let o = 0; o < s; o += r) {
      const a = i(e.slice(o, o + n)), l = a.length;
      for (let h = 0, c = r; h < c; ++h) t[o + h] = h >= l ? e[o + h] : a[h];
    }
    return t;
  });
}
function hr(i, e) {
  return yc(), Ns(i, "EPSG:4326", "EPSG:3857");
}
function cr(i, e) {
  const t = Ns(i, "EPSG:3857", "EPSG:4326"), n = t[0];
  return (n < -180 || n > 180) && (t[0] = Nn(n + 180, 360) - 180), t;
}
function tr(i, e) {
  if (i === e) return !0;
  const t = i.getUnits() === e.getUnits();
  return (i.getCode() === e.getCode() || Pa(i, e) === Ra) && t;
}
function Pa(i, e) {
  const t = i.getCode(), n = e.getCode();
  let r = ro(t, n);
  if (r) return r;
  let s = null, o = null;
  for (const l of Yd) s || (s = l(i)), o || (o = l(e));
  if (!s && !o) return null;
  const a = "EPSG:4326";
  if (o) if (s) r = so(s.inverse, o.forward);
  else {
    const l = ro(t, a);
    l && (r = so(l, o.forward));
  }
  else {
    const l = ro(a, n);
    l && (r = so(s.inverse, l));
  }
  return r && (Ko(i), Ko(e), lr(i, e, r)), r;
}
function so(i, e) {
  return function(t, n, r, s) {
    return n = i(t, n, r, s), e(n, n, r, s);
  };
}
function ur(i, e) {
  const t = _e(i), n = _e(e);
  return Pa(t, n);
}
function Ns(i, e, t) {
  const n = ur(e, t);
  if (!n) {
    const r = _e(e).getCode(), s = _e(t).getCode();
    throw new Error(`No transform available between ${r} and ${s}`);
  }
  return n(i, void 0, i.length);
}
function Un(i, e) {
  return i;
}
function ge(i, e) {
  return Ho && !Xe(i, [0, 0]) && i[0] >= -180 && i[0] <= 180 && i[1] >= -90 && i[1] <= 90 && (Ho = !1, rc("Call useGeographic() from ol/proj once to work with [longitude, latitude] coordinates.")), i;
}
function Aa(i, e) {
  return i;
}
function Qt(i, e) {
  return i;
}
function Jd() {
  Wl(Nl), Wl(Bl), Kd(Bl, Nl, Rd, bd);
}
Jd();
const Qd = { key: 0, class: "advanced-panel" }, eg = { class: "fields-container" }, tg = { class: "input-wrap" }, ng = ["disabled"], ig = { class: "input-wrap" }, rg = ["disabled"], sg = { class: "field-set" }, og = { class: "input-wrap" }, ag = ["disabled"], lg = { class: "field-set" }, hg = { class: "input-wrap" }, cg = ["disabled"], ug = Vn({ __name: "MapAdvancedPanel", props: { isOpen: { type: Boolean }, coordinates: {} }, emits: ["open-paste-dialog", "save"], setup(i, { emit: e }) {
  const t = i, n = e, r = Ie(), s = Ie(), o = Ie(), a = Ie(), l = mt(() => !t.coordinates?.length), h = mt(() => ad(r.value) && !Ol(r.value, s.value)), c = mt(() => ld(s.value) && !Ol(r.value, s.value));
  Ct(() => t.coordinates, (d) => {
    if (d) {
      [s.value, r.value, a.value, o.value] = d;
      return;
    }
    o.value = void 0, r.value = void 0, a.value = void 0, s.value = void 0;
  }, { immediate: !0 });
  const u = () => {
    if (!h.value || !c.value) return;
    const d = ya(Number(s.value), Number(r.value), Number(a.value), Number(o.value));
    d.length && n("save", hr(d));
  };
  return (d, g) => (Q(), tt(od, { name: "panel" }, { default: $e(() => [i.isOpen ? (Q(), fe("div", Qd, [k("div", eg, [k("div", { class: On([{ "field-error": !l.value && !c.value }, "field-set"]) }, [k("div", tg, [g[5] || (g[5] = k("label", { for: "longitude" }, "Longitude", -1)), Vr(k("input", { id: "longitude", "onUpdate:modelValue": g[0] || (g[0] = (f) => s.value = f), type: "number", disabled: l.value, onChange: u }, null, 40, ng), [[Wr, s.value]])]), g[6] || (g[6] = k("p", { class: "field-error-message" }, " Longitude is invalid ", -1))], 2), k("div", { class: On([{ "field-error": !l.value && !h.value }, "field-set"]) }, [k("div", ig, [g[7] || (g[7] = k("label", { for: "latitude" }, "Latitude", -1)), Vr(k("input", { id: "latitude", "onUpdate:modelValue": g[1] || (g[1] = (f) => r.value = f), type: "number", disabled: l.value, onChange: u }, null, 40, rg), [[Wr, r.value]])]), g[8] || (g[8] = k("p", { class: "field-error-message" }, " Latitude is invalid ", -1))], 2), k("div", sg, [k("div", og, [g[9] || (g[9] = k("label", { for: "altitude" }, "Altitude", -1)), Vr(k("input", { id: "altitude", "onUpdate:modelValue": g[2] || (g[2] = (f) => a.value = f), type: "number", disabled: l.value, onChange: u }, null, 40, ag), [[Wr, a.value]])])]), k("div", lg, [k("div", hg, [g[10] || (g[10] = k("label", { for: "accuracy" }, "Accuracy", -1)), Vr(k("input", { id: "accuracy", "onUpdate:modelValue": g[3] || (g[3] = (f) => o.value = f), type: "number", disabled: l.value, onChange: u }, null, 40, cg), [[Wr, o.value]])])])]), k("a", { class: "paste-location", onClick: g[4] || (g[4] = (f) => n("open-paste-dialog")) }, [ce(ke, { name: "mdiFileOutline", size: "sm" }), g[11] || (g[11] = k("strong", null, "Import data to replace location", -1))])])) : ye("", !0)]), _: 1 }));
} }), dg = Li(ug, [["__scopeId", "data-v-61c2293c"]]), gg = { key: 0 }, fg = { key: 1 }, _g = { key: 0 }, pg = { key: 1 }, mg = Vn({ __name: "MapConfirmDialog", props: { singleFeatureType: {}, visible: { type: Boolean } }, emits: ["update:visible", "deleteFeature"], setup(i, { emit: e }) {
  const t = e;
  return (n, r) => (Q(), tt(J(ic), { visible: i.visible, modal: "", class: "map-block-dialog", draggable: !1, "onUpdate:visible": r[1] || (r[1] = (s) => t("update:visible", s)) }, { header: $e(() => [i.singleFeatureType === J(xe).SHAPE ? (Q(), fe("strong", gg, "Delete entire shape?")) : (Q(), fe("strong", fg, "Delete entire trace?"))]), default: $e(() => [i.singleFeatureType === J(xe).SHAPE ? (Q(), fe("p", _g, " Are you sure you want to delete this entire shape and start over? ")) : (Q(), fe("p", pg, " Are you sure you want to delete this entire trace and start over? "))]), footer: $e(() => [ce(J(Nt), { label: "Delete", onClick: r[0] || (r[0] = (s) => t("deleteFeature")) })]), _: 1 }, 8, ["visible"]));
} }), yg = { class: "control-bar-vertical" }, xg = ["disabled"], vg = { key: 0, class: "control-bar-horizontal" }, Eg = ["disabled"], Cg = ["disabled"], Sg = Vn({ __name: "MapControls", props: { isFullScreen: { type: Boolean }, disableFitAllFeatures: { type: Boolean }, disableUndo: { type: Boolean }, disableDelete: { type: Boolean }, showSecondaryControls: { type: Boolean } }, emits: ["toggleFullScreen", "fitAllFeatures", "watchCurrentLocation", "triggerDelete", "undoLastChange"], setup(i, { emit: e }) {
  const t = e;
  return (n, r) => (Q(), fe("div", { class: On(["control-bar", { "full-screen-active": i.isFullScreen }]) }, [k("div", yg, [k("button", { title: "Full Screen", onClick: r[0] || (r[0] = (s) => t("toggleFullScreen")) }, [i.isFullScreen ? (Q(), tt(ke, { key: 0, name: "mdiArrowCollapse" })) : (Q(), tt(ke, { key: 1, name: "mdiArrowExpand" }))]), k("button", { class: "zoom-fit-all", title: "Zoom to fit", disabled: i.disableFitAllFeatures, onClick: r[1] || (r[1] = (s) => t("fitAllFeatures")) }, [ce(ke, { name: "mdiFullscreen" })], 8, xg), k("button", { class: "zoom-current-location", title: "Zoom to current location", onClick: r[2] || (r[2] = (s) => t("watchCurrentLocation")) }, [ce(ke, { name: "mdiCrosshairsGps", size: "sm" })])]), i.showSecondaryControls ? (Q(), fe("div", vg, [k("button", { title: "Delete", disabled: i.disableDelete, onClick: r[3] || (r[3] = (s) => t("triggerDelete")) }, [ce(ke, { name: "mdiTrashCanOutline" })], 8, Eg), k("button", { title: "Undo last change", disabled: i.disableUndo, onClick: r[4] || (r[4] = (s) => t("undoLastChange")) }, [ce(ke, { name: "mdiArrowULeftTop" })], 8, Cg)])) : ye("", !0)], 2));
} }), Tg = Li(Sg, [["__scopeId", "data-v-b324b2c9"]]);
function X() {
  throw new Error("Unimplemented abstract method.");
}
let wg = 0;
function z(i) {
  return i.ol_uid || (i.ol_uid = String(++wg));
}
const Pi = { PROPERTYCHANGE: "propertychange" }, Y = { CHANGE: "change", ERROR: "error", CONTEXTMENU: "contextmenu", CLICK: "click", DBLCLICK: "dblclick", KEYDOWN: "keydown", KEYPRESS: "keypress", LOAD: "load", TOUCHMOVE: "touchmove", WHEEL: "wheel" };
class Lr {
  constructor() {
    this.disposed = !1;
  }
  dispose() {
    this.disposed || (this.disposed = !0, this.disposeInternal());
  }
  disposeInternal() {
  }
}
function Rg(i, e, t) {
  let n, r;
  t = t || tn;
  let s = 0, o = i.length, a = !1;
  for (; s < o; ) n = s + (o - s >> 1), r = +t(i[n], e), r < 0 ? s = n + 1 : (o = n, a = !r);
  return a ? s : ~s;
}
function tn(i, e) {
  return i > e ? 1 : i < e ? -1 : 0;
}
function bg(i, e) {
  return i < e ? 1 : i > e ? -1 : 0;
}
function Ia(i, e, t) {
  if (i[0] <= e) return 0;
  const n = i.length;
  if (e <= i[n - 1]) return n - 1;
  if (typeof t == "function") {
    for (let r = 1; r < n; ++r) {
      const s = i[r];
      if (s === e) return r;
      if (s < e) return t(e, i[r - 1], s) > 0 ? r - 1 : r;
    }
    return n - 1;
  }
  if (t > 0) {
    for (let r = 1; r < n; ++r) if (i[r] < e) return r - 1;
    return n - 1;
  }
  if (t < 0) {
    for (let r = 1; r < n; ++r) if (i[r] <= e) return r;
    return n - 1;
  }
  for (let r = 1; r < n; ++r) {
    if (i[r] == e) return r;
    if (i[r] < e) return i[r - 1] - e < e - i[r] ? r - 1 : r;
  }
  return n - 1;
}
function Pg(i, e, t) {
  for (; e < t; ) {
    const n = i[e];
    i[e] = i[t], i[t] = n, ++e, --t;
  }
}
function Gt(i, e) {
  const t = Array.isArray(e) ? e : [e], n = t.length;
  for (let r = 0; r < n; r++) i[i.length] = t[r];
}
function zt(i, e) {
  const t = i.length;
  if (t !== e.length) return !1;
  for (let n = 0; n < t; n++) if (i[n] !== e[n]) return !1;
  return !0;
}
function Ag(i, e, t) {
  const n = e || tn;
  return i.every(function(r, s) {
    if (s === 0) return !0;
    const o = n(i[s - 1], r);
    return !(o > 0 || o === 0);
  });
}
function zn() {
  return !0;
}
function Mr() {
  return !1;
}
function dr() {
}
function xc(i) {
  let e, t, n;
  return function() {
    const r = Array.prototype.slice.call(arguments);
    return (!t || this !== n || !zt(r, t)) && (n = this, t = r, e = i.apply(this, arguments)), e;
  };
}
function Ig(i) {
  function e() {
    let t;
    try {
      t = i();
    } catch (n) {
      return Promise.reject(n);
    }
    return t instanceof Promise ? t : Promise.resolve(t);
  }
  return e();
}
class Pt {
  constructor(e) {
    this.propagationStopped, this.defaultPrevented, this.type = e, this.target = null;
  }
  preventDefault() {
    this.defaultPrevented = !0;
  }
  stopPropagation() {
    this.propagationStopped = !0;
  }
}
class Gs extends Lr {
  constructor(e) {
    super(), this.eventTarget_ = e, this.pendingRemovals_ = null, this.dispatching_ = null, this.listeners_ = null;
  }
  addEventListener(e, t) {
    if (!e || !t) return;
    const n = this.listeners_ || (this.listeners_ = {}), r = n[e] || (n[e] = []);
    r.includes(t) || r.push(t);
  }
  dispatchEvent(e) {
    const t = typeof e == "string", n = t ? e : e.type, r = this.listeners_ && this.listeners_[n];
    if (!r) return;
    const s = t ? new Pt(e) : e;
    s.target || (s.target = this.eventTarget_ || this);
    const o = this.dispatching_ || (this.dispatching_ = {}), a = this.pendingRemovals_ || (this.pendingRemovals_ = {});
    n in o || (o[n] = 0, a[n] = 0), ++o[n];
    let l;
    for (let h = 0, c = r.length; h < c; ++h) if ("handleEvent" in r[h] ? l = r[h].handleEvent(s) : l = r[h].call(this, s), l === !1 || s.propagationStopped) {
      l = !1;
      break;
    }
    if (--o[n] === 0) {
      let h = a[n];
      for (delete a[n]; h--; ) this.removeEventListener(n, dr);
      delete o[n];
    }
    return l;
  }
  disposeInternal() {
    this.listeners_ && Mi(this.listeners_);
  }
  getListeners(e) {
    return this.listeners_ && this.listeners_[e] || void 0;
  }
  hasListener(e) {
    return this.listeners_ ? e ? e in this.listeners_ : Object.keys(this.listeners_).length > 0 : !1;
  }
  removeEventListener(e, t) {
    if (!this.listeners_) return;
    const n = this.listeners_[e];
    if (!n) return;
    const r = n.indexOf(t);
    r !== -1 && (this.pendingRemovals_ && e in this.pendingRemovals_ ? (n[r] = dr, ++this.pendingRemovals_[e]) : (n.splice(r, 1), n.length === 0 && delete this.listeners_[e]));
  }
}
function ee(i, e, t, n, r) {
  if (r) {
    const o = t;
    t = function(a) {
      return i.removeEventListener(e, t), o.call(n ?? this, a);
    };
  } else n && n !== i && (t = t.bind(n));
  const s = { target: i, type: e, listener: t };
  return i.addEventListener(e, t), s;
}
function ps(i, e, t, n) {
  return ee(i, e, t, n, !0);
}
function he(i) {
  i && i.target && (i.target.removeEventListener(i.type, i.listener), Mi(i));
}
class nr extends Gs {
  constructor() {
    super(), this.on = this.onInternal, this.once = this.onceInternal, this.un = this.unInternal, this.revision_ = 0;
  }
  changed() {
    ++this.revision_, this.dispatchEvent(Y.CHANGE);
  }
  getRevision() {
    return this.revision_;
  }
  onInternal(e, t) {
    if (Array.isArray(e)) {
      const n = e.length, r = new Array(n);
      for (let s = 0; s < n; ++s) r[s] = ee(this, e[s], t);
      return r;
    }
    return ee(this, e, t);
  }
  onceInternal(e, t) {
    let n;
    if (Array.isArray(e)) {
      const r = e.length;
      n = new Array(r);
      for (let s = 0; s < r; ++s) n[s] = ps(this, e[s], t);
    } else n = ps(this, e, t);
    return t.ol_key = n, n;
  }
  unInternal(e, t) {
    const n = t.ol_key;
    if (n) Fg(n);
    else if (Array.isArray(e)) for (let r = 0, s = e.length; r < s; ++r) this.removeEventListener(e[r], t);
    else this.removeEventListener(e, t);
  }
}
nr.prototype.on, nr.prototype.once, nr.prototype.un;
function Fg(i) {
  if (Array.isArray(i)) for (let e = 0, t = i.length; e < t; ++e) he(i[e]);
  else he(i);
}
class jl extends Pt {
  constructor(e, t, n) {
    super(e), this.key = t, this.oldValue = n;
  }
}
class $t extends nr {
  constructor(e) {
    super(), this.on, this.once, this.un, z(this), this.values_ = null, e !== void 0 && this.setProperties(e);
  }
  get(e) {
    let t;
    return this.values_ && this.values_.hasOwnProperty(e) && (t = this.values_[e]), t;
  }
  getKeys() {
    return this.values_ && Object.keys(this.values_) || [];
  }
  getProperties() {
    return this.values_ && Object.assign({}, this.values_) || {};
  }
  getPropertiesInternal() {
    return this.values_;
  }
  hasProperties() {
    return !!this.values_;
  }
  notify(e, t) {
    let n;
    n = `change:${e}`, this.hasListener(n) && this.dispatchEvent(new jl(n, e, t)), n = Pi.PROPERTYCHANGE, this.hasListener(n) && this.dispatchEvent(new jl(n, e, t));
  }
  addChangeListener(e, t) {
    this.addEventListener(`change:${e}`, t);
  }
  removeChangeListener(e, t) {
    this.removeEventListener(`change:${e}`, t);
  }
  set(e, t, n) {
    const r = this.values_ || (this.values_ = {});
    if (n) r[e] = t;
    else {
      const s = r[e];
      r[e] = t, s !== t && this.notify(e, s);
    }
  }
  setProperties(e, t) {
    for (const n in e) this.set(n, e[n], t);
  }
  applyProperties(e) {
    e.values_ && Object.assign(this.values_ || (this.values_ = {}), e.values_);
  }
  unset(e, t) {
    if (this.values_ && e in this.values_) {
      const n = this.values_[e];
      delete this.values_[e], Bn(this.values_) && (this.values_ = null), t || this.notify(e, n);
    }
  }
}
function ne(i, e) {
  if (!i) throw new Error(e);
}
const Lg = new Array(6);
function we() {
  return [1, 0, 0, 1, 0, 0];
}
function vc(i, e) {
  const t = i[0], n = i[1], r = i[2], s = i[3], o = i[4], a = i[5], l = e[0], h = e[1], c = e[2], u = e[3], d = e[4], g = e[5];
  return i[0] = t * l + r * h, i[1] = n * l + s * h, i[2] = t * c + r * u, i[3] = n * c + s * u, i[4] = t * d + r * g + o, i[5] = n * d + s * g + a, i;
}
function Mg(i, e, t, n, r, s, o) {
  return i[0] = e, i[1] = t, i[2] = n, i[3] = r, i[4] = s, i[5] = o, i;
}
function Ec(i, e) {
  return i[0] = e[0], i[1] = e[1], i[2] = e[2], i[3] = e[3], i[4] = e[4], i[5] = e[5], i;
}
function me(i, e) {
  const t = e[0], n = e[1];
  return e[0] = i[0] * t + i[2] * n + i[4], e[1] = i[1] * t + i[3] * n + i[5], e;
}
function Dg(i, e, t) {
  return vc(i, Mg(Lg, 1, 0, 0, 1, e, t));
}
function wt(i, e, t, n, r, s, o, a) {
  const l = Math.sin(s), h = Math.cos(s);
  return i[0] = n * h, i[1] = r * l, i[2] = -n * l, i[3] = r * h, i[4] = o * n * h - a * n * l + e, i[5] = o * r * l + a * r * h + t, i;
}
function gr(i, e) {
  const t = Og(e);
  ne(t !== 0, "Transformation matrix cannot be inverted");
  const n = e[0], r = e[1], s = e[2], o = e[3], a = e[4], l = e[5];
  return i[0] = o / t, i[1] = -r / t, i[2] = -s / t, i[3] = n / t, i[4] = (s * l - o * a) / t, i[5] = -(n * l - r * a) / t, i;
}
function Og(i) {
  return i[0] * i[3] - i[1] * i[2];
}
const kg = [1e5, 1e5, 1e5, 1e5, 2, 2];
function Ng(i) {
  return "matrix(" + i.join(", ") + ")";
}
function Jo(i) {
  return i.substring(7, i.length - 1).split(",").map(parseFloat);
}
function Gg(i, e) {
  const t = Jo(i), n = Jo(e);
  for (let r = 0; r < 6; ++r) if (Math.round((t[r] - n[r]) * kg[r]) !== 0) return !1;
  return !0;
}
function Bt(i, e, t, n, r, s, o) {
  s = s || [], o = o || 2;
  let a = 0;
  for (let l = e; l < t; l += n) {
    const h = i[l], c = i[l + 1];
    s[a++] = r[0] * h + r[2] * c + r[4], s[a++] = r[1] * h + r[3] * c + r[5];
    for (let u = 2; u < o; u++) s[a++] = i[l + u];
  }
  return s && s.length != a && (s.length = a), s;
}
function Cc(i, e, t, n, r, s, o) {
  o = o || [];
  const a = Math.cos(r), l = Math.sin(r), h = s[0], c = s[1];
  let u = 0;
  for (let d = e; d < t; d += n) {
    const g = i[d] - h, f = i[d + 1] - c;
    o[u++] = h + g * a - f * l, o[u++] = c + g * l + f * a;
    for (let p = d + 2; p < d + n; ++p) o[u++] = i[p];
  }
  return o && o.length != u && (o.length = u), o;
}
function Bg(i, e, t, n, r, s, o, a) {
  a = a || [];
  const l = o[0], h = o[1];
  let c = 0;
  for (let u = e; u < t; u += n) {
    const d = i[u] - l, g = i[u + 1] - h;
    a[c++] = l + r * d, a[c++] = h + s * g;
    for (let f = u + 2; f < u + n; ++f) a[c++] = i[f];
  }
  return a && a.length != c && (a.length = c), a;
}
function Ug(i, e, t, n, r, s, o) {
  o = o || [];
  let a = 0;
  for (let l = e; l < t; l += n) {
    o[a++] = i[l] + r, o[a++] = i[l + 1] + s;
    for (let h = l + 2; h < l + n; ++h) o[a++] = i[h];
  }
  return o && o.length != a && (o.length = a), o;
}
const Xl = we(), zg = [NaN, NaN];
class Sc extends $t {
  constructor() {
    super(), this.extent_ = ct(), this.extentRevision_ = -1, this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = 0, this.simplifyTransformedInternal = xc((e, t, n) => {
      if (!n) return this.getSimplifiedGeometry(t);
      const r = this.clone();
      return r.applyTransform(n), r.getSimplifiedGeometry(t);
    });
  }
  simplifyTransformed(e, t) {
    return this.simplifyTransformedInternal(this.getRevision(), e, t);
  }
  clone() {
    return X();
  }
  closestPointXY(e, t, n, r) {
    return X();
  }
  containsXY(e, t) {
    return this.closestPointXY(e, t, zg, Number.MIN_VALUE) === 0;
  }
  getClosestPoint(e, t) {
    return t = t || [NaN, NaN], this.closestPointXY(e[0], e[1], t, 1 / 0), t;
  }
  intersectsCoordinate(e) {
    return this.containsXY(e[0], e[1]);
  }
  computeExtent(e) {
    return X();
  }
  getExtent(e) {
    if (this.extentRevision_ != this.getRevision()) {
      const t = this.computeExtent(this.extent_);
      (isNaN(t[0]) || isNaN(t[1])) && Ar(t), this.extentRevision_ = this.getRevision();
    }
    return pd(this.extent_, e);
  }
  rotate(e, t) {
    X();
  }
  scale(e, t, n) {
    X();
  }
  simplify(e) {
    return this.getSimplifiedGeometry(e * e);
  }
  getSimplifiedGeometry(e) {
    return X();
  }
  getType() {
    return X();
  }
  applyTransform(e) {
    X();
  }
  intersectsExtent(e) {
    return X();
  }
  translate(e, t) {
    X();
  }
  transform(e, t) {
    const n = _e(e), r = n.getUnits() == "tile-pixels" ? function(s, o, a) {
      const l = n.getExtent(), h = n.getWorldExtent(), c = Ze(h) / Ze(l);
      wt(Xl, h[0], h[3], c, -c, 0, 0, 0);
      const u = Bt(s, 0, s.length, a, Xl, o), d = ur(n, t);
      return d ? d(u, u, a) : u;
    } : ur(n, t);
    return this.applyTransform(r), this;
  }
}
class Xn extends Sc {
  constructor() {
    super(), this.layout = "XY", this.stride = 2, this.flatCoordinates;
  }
  computeExtent(e) {
    return va(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e);
  }
  getCoordinates() {
    return X();
  }
  getFirstCoordinate() {
    return this.flatCoordinates.slice(0, this.stride);
  }
  getFlatCoordinates() {
    return this.flatCoordinates;
  }
  getLastCoordinate() {
    return this.flatCoordinates.slice(this.flatCoordinates.length - this.stride);
  }
  getLayout() {
    return this.layout;
  }
  getSimplifiedGeometry(e) {
    if (this.simplifiedGeometryRevision !== this.getRevision() && (this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = this.getRevision()), e < 0 || this.simplifiedGeometryMaxMinSquaredTolerance !== 0 && e <= this.simplifiedGeometryMaxMinSquaredTolerance) return this;
    const t = this.getSimplifiedGeometryInternal(e);
    return t.getFlatCoordinates().length < this.flatCoordinates.length ? t : (this.simplifiedGeometryMaxMinSquaredTolerance = e, this);
  }
  getSimplifiedGeometryInternal(e) {
    return this;
  }
  getStride() {
    return this.stride;
  }
  setFlatCoordinates(e, t) {
    this.stride = Yl(e), this.layout = e, this.flatCoordinates = t;
  }
  setCoordinates(e, t) {
    X();
  }
  setLayout(e, t, n) {
    let r;
    if (e) r = Yl(e);
    else {
      for (let s = 0; s < n; ++s) {
        if (t.length === 0) {
          this.layout = "XY", this.stride = 2;
          return;
        }
        t = t[0];
      }
      r = t.length, e = Yn(r);
    }
    this.layout = e, this.stride = r;
  }
  applyTransform(e) {
    this.flatCoordinates && (e(this.flatCoordinates, this.flatCoordinates, this.layout.startsWith("XYZ") ? 3 : 2, this.stride), this.changed());
  }
  rotate(e, t) {
    const n = this.getFlatCoordinates();
    if (n) {
      const r = this.getStride();
      Cc(n, 0, n.length, r, e, t, n), this.changed();
    }
  }
  scale(e, t, n) {
    t === void 0 && (t = e), n || (n = Ut(this.getExtent()));
    const r = this.getFlatCoordinates();
    if (r) {
      const s = this.getStride();
      Bg(r, 0, r.length, s, e, t, n, r), this.changed();
    }
  }
  translate(e, t) {
    const n = this.getFlatCoordinates();
    if (n) {
      const r = this.getStride();
      Ug(n, 0, n.length, r, e, t, n), this.changed();
    }
  }
}
function Yn(i) {
  let e;
  return i == 2 ? e = "XY" : i == 3 ? e = "XYZ" : i == 4 && (e = "XYZM"), e;
}
function Yl(i) {
  let e;
  return i == "XY" ? e = 2 : i == "XYZ" || i == "XYM" ? e = 3 : i == "XYZM" && (e = 4), e;
}
function $g(i, e, t) {
  const n = i.getFlatCoordinates();
  if (!n) return null;
  const r = i.getStride();
  return Bt(n, 0, n.length, r, e, t);
}
function Vg(i, e, t, n) {
  for (let r = 0, s = t.length; r < s; ++r) i[e++] = t[r];
  return e;
}
function Bs(i, e, t, n) {
  for (let r = 0, s = t.length; r < s; ++r) {
    const o = t[r];
    for (let a = 0; a < n; ++a) i[e++] = o[a];
  }
  return e;
}
function Dr(i, e, t, n, r) {
  r = r || [];
  let s = 0;
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = Bs(i, e, t[o], n);
    r[s++] = l, e = l;
  }
  return r.length = s, r;
}
function Tc(i, e, t, n, r) {
  r = r || [];
  let s = 0;
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = Dr(i, e, t[o], n, r[s]);
    l.length === 0 && (l[0] = e), r[s++] = l, e = l[l.length - 1];
  }
  return r.length = s, r;
}
class fr extends Sc {
  constructor(e) {
    super(), this.geometries_ = e, this.changeEventsKeys_ = [], this.listenGeometriesChange_();
  }
  unlistenGeometriesChange_() {
    this.changeEventsKeys_.forEach(he), this.changeEventsKeys_.length = 0;
  }
  listenGeometriesChange_() {
    const e = this.geometries_;
    for (let t = 0, n = e.length; t < n; ++t) this.changeEventsKeys_.push(ee(e[t], Y.CHANGE, this.changed, this));
  }
  clone() {
    const e = new fr(oo(this.geometries_));
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    if (r < Wn(this.getExtent(), e, t)) return r;
    const s = this.geometries_;
    for (let o = 0, a = s.length; o < a; ++o) r = s[o].closestPointXY(e, t, n, r);
    return r;
  }
  containsXY(e, t) {
    const n = this.geometries_;
    for (let r = 0, s = n.length; r < s; ++r) if (n[r].containsXY(e, t)) return !0;
    return !1;
  }
  computeExtent(e) {
    Ar(e);
    const t = this.geometries_;
    for (let n = 0, r = t.length; n < r; ++n) oc(e, t[n].getExtent());
    return e;
  }
  getGeometries() {
    return oo(this.geometries_);
  }
  getGeometriesArray() {
    return this.geometries_;
  }
  getGeometriesArrayRecursive() {
    let e = [];
    const t = this.geometries_;
    for (let n = 0, r = t.length; n < r; ++n) t[n].getType() === this.getType() ? e = e.concat(t[n].getGeometriesArrayRecursive()) : e.push(t[n]);
    return e;
  }
  getSimplifiedGeometry(e) {
    if (this.simplifiedGeometryRevision !== this.getRevision() && (this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = this.getRevision()), e < 0 || this.simplifiedGeometryMaxMinSquaredTolerance !== 0 && e < this.simplifiedGeometryMaxMinSquaredTolerance) return this;
    const t = [], n = this.geometries_;
    let r = !1;
    for (let s = 0, o = n.length; s < o; ++s) {
      const a = n[s], l = a.getSimplifiedGeometry(e);
      t.push(l), l !== a && (r = !0);
    }
    return r ? new fr(t) : (this.simplifiedGeometryMaxMinSquaredTolerance = e, this);
  }
  getType() {
    return "GeometryCollection";
  }
  intersectsExtent(e) {
    const t = this.geometries_;
    for (let n = 0, r = t.length; n < r; ++n) if (t[n].intersectsExtent(e)) return !0;
    return !1;
  }
  isEmpty() {
    return this.geometries_.length === 0;
  }
  rotate(e, t) {
    const n = this.geometries_;
    for (let r = 0, s = n.length; r < s; ++r) n[r].rotate(e, t);
    this.changed();
  }
  scale(e, t, n) {
    n || (n = Ut(this.getExtent()));
    const r = this.geometries_;
    for (let s = 0, o = r.length; s < o; ++s) r[s].scale(e, t, n);
    this.changed();
  }
  setGeometries(e) {
    this.setGeometriesArray(oo(e));
  }
  setGeometriesArray(e) {
    this.unlistenGeometriesChange_(), this.geometries_ = e, this.listenGeometriesChange_(), this.changed();
  }
  applyTransform(e) {
    const t = this.geometries_;
    for (let n = 0, r = t.length; n < r; ++n) t[n].applyTransform(e);
    this.changed();
  }
  translate(e, t) {
    const n = this.geometries_;
    for (let r = 0, s = n.length; r < s; ++r) n[r].translate(e, t);
    this.changed();
  }
  disposeInternal() {
    this.unlistenGeometriesChange_(), super.disposeInternal();
  }
}
function oo(i) {
  return i.map((e) => e.clone());
}
function wc(i, e, t, n) {
  let r = 0;
  const s = i[t - n], o = i[t - n + 1];
  let a = 0, l = 0;
  for (; e < t; e += n) {
    const h = i[e] - s, c = i[e + 1] - o;
    r += l * h - a * c, a = h, l = c;
  }
  return r / 2;
}
function Rc(i, e, t, n) {
  let r = 0;
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    r += wc(i, e, a, n), e = a;
  }
  return r;
}
function Wg(i, e, t, n) {
  let r = 0;
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    r += Rc(i, e, a, n), e = a[a.length - 1];
  }
  return r;
}
function Zl(i, e, t, n, r, s, o) {
  const a = i[e], l = i[e + 1], h = i[t] - a, c = i[t + 1] - l;
  let u;
  if (h === 0 && c === 0) u = e;
  else {
    const d = ((r - a) * h + (s - l) * c) / (h * h + c * c);
    if (d > 1) u = t;
    else if (d > 0) {
      for (let g = 0; g < n; ++g) o[g] = ot(i[e + g], i[t + g], d);
      o.length = n;
      return;
    } else u = e;
  }
  for (let d = 0; d < n; ++d) o[d] = i[u + d];
  o.length = n;
}
function Fa(i, e, t, n, r) {
  let s = i[e], o = i[e + 1];
  for (e += n; e < t; e += n) {
    const a = i[e], l = i[e + 1], h = en(s, o, a, l);
    h > r && (r = h), s = a, o = l;
  }
  return r;
}
function La(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    r = Fa(i, e, a, n, r), e = a;
  }
  return r;
}
function jg(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    r = La(i, e, a, n, r), e = a[a.length - 1];
  }
  return r;
}
function Ma(i, e, t, n, r, s, o, a, l, h, c) {
  if (e == t) return h;
  let u, d;
  if (r === 0) {
    if (d = en(o, a, i[e], i[e + 1]), d < h) {
      for (u = 0; u < n; ++u) l[u] = i[e + u];
      return l.length = n, d;
    }
    return h;
  }
  c = c || [NaN, NaN];
  let g = e + n;
  for (; g < t; ) if (Zl(i, g - n, g, n, o, a, c), d = en(o, a, c[0], c[1]), d < h) {
    for (h = d, u = 0; u < n; ++u) l[u] = c[u];
    l.length = n, g += n;
  } else g += n * Math.max((Math.sqrt(d) - Math.sqrt(h)) / r | 0, 1);
  if (s && (Zl(i, t - n, e, n, o, a, c), d = en(o, a, c[0], c[1]), d < h)) {
    for (h = d, u = 0; u < n; ++u) l[u] = c[u];
    l.length = n;
  }
  return h;
}
function Da(i, e, t, n, r, s, o, a, l, h, c) {
  c = c || [NaN, NaN];
  for (let u = 0, d = t.length; u < d; ++u) {
    const g = t[u];
    h = Ma(i, e, g, n, r, s, o, a, l, h, c), e = g;
  }
  return h;
}
function Xg(i, e, t, n, r, s, o, a, l, h, c) {
  c = c || [NaN, NaN];
  for (let u = 0, d = t.length; u < d; ++u) {
    const g = t[u];
    h = Da(i, e, g, n, r, s, o, a, l, h, c), e = g[g.length - 1];
  }
  return h;
}
function mn(i, e, t, n, r) {
  r = r !== void 0 ? r : [];
  let s = 0;
  for (let o = e; o < t; o += n) r[s++] = i.slice(o, o + n);
  return r.length = s, r;
}
function _r(i, e, t, n, r) {
  r = r !== void 0 ? r : [];
  let s = 0;
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = t[o];
    r[s++] = mn(i, e, l, n, r[s]), e = l;
  }
  return r.length = s, r;
}
function Qo(i, e, t, n, r) {
  r = r !== void 0 ? r : [];
  let s = 0;
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = t[o];
    r[s++] = l.length === 1 && l[0] === e ? [] : _r(i, e, l, n, r[s]), e = l[l.length - 1];
  }
  return r.length = s, r;
}
function Us(i, e, t, n, r, s, o) {
  const a = (t - e) / n;
  if (a < 3) {
    for (; e < t; e += n) s[o++] = i[e], s[o++] = i[e + 1];
    return o;
  }
  const l = new Array(a);
  l[0] = 1, l[a - 1] = 1;
  const h = [e, t - n];
  let c = 0;
  for (; h.length > 0; ) {
    const u = h.pop(), d = h.pop();
    let g = 0;
    const f = i[d], p = i[d + 1], _ = i[u], y = i[u + 1];
    for (let x = d + n; x < u; x += n) {
      const E = i[x], v = i[x + 1], m = yd(E, v, f, p, _, y);
      m > g && (c = x, g = m);
    }
    g > r && (l[(c - e) / n] = 1, d + n < c && h.push(d, c), c + n < u && h.push(c, u));
  }
  for (let u = 0; u < a; ++u) l[u] && (s[o++] = i[e + u * n], s[o++] = i[e + u * n + 1]);
  return o;
}
function bc(i, e, t, n, r, s, o, a) {
  for (let l = 0, h = t.length; l < h; ++l) {
    const c = t[l];
    o = Us(i, e, c, n, r, s, o), a.push(o), e = c;
  }
  return o;
}
function An(i, e) {
  return e * Math.round(i / e);
}
function Yg(i, e, t, n, r, s, o) {
  if (e == t) return o;
  let a = An(i[e], r), l = An(i[e + 1], r);
  e += n, s[o++] = a, s[o++] = l;
  let h, c;
  do
    if (h = An(i[e], r), c = An(i[e + 1], r), e += n, e == t) return s[o++] = h, s[o++] = c, o;
  while (h == a && c == l);
  for (; e < t; ) {
    const u = An(i[e], r), d = An(i[e + 1], r);
    if (e += n, u == h && d == c) continue;
    const g = h - a, f = c - l, p = u - a, _ = d - l;
    if (g * _ == f * p && (g < 0 && p < g || g == p || g > 0 && p > g) && (f < 0 && _ < f || f == _ || f > 0 && _ > f)) {
      h = u, c = d;
      continue;
    }
    s[o++] = h, s[o++] = c, a = h, l = c, h = u, c = d;
  }
  return s[o++] = h, s[o++] = c, o;
}
function Oa(i, e, t, n, r, s, o, a) {
  for (let l = 0, h = t.length; l < h; ++l) {
    const c = t[l];
    o = Yg(i, e, c, n, r, s, o), a.push(o), e = c;
  }
  return o;
}
function Zg(i, e, t, n, r, s, o, a) {
  for (let l = 0, h = t.length; l < h; ++l) {
    const c = t[l], u = [];
    o = Oa(i, e, c, n, r, s, o, u), a.push(u), e = c[c.length - 1];
  }
  return o;
}
class pr extends Xn {
  constructor(e, t) {
    super(), this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, t !== void 0 && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
  }
  clone() {
    return new pr(this.flatCoordinates.slice(), this.layout);
  }
  closestPointXY(e, t, n, r) {
    return r < Wn(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(Fa(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Ma(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, this.maxDelta_, !0, e, t, n, r));
  }
  getArea() {
    return wc(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
  }
  getCoordinates() {
    return mn(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
  }
  getSimplifiedGeometryInternal(e) {
    const t = [];
    return t.length = Us(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t, 0), new pr(t, "XY");
  }
  getType() {
    return "LinearRing";
  }
  intersectsExtent(e) {
    return !1;
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 1), this.flatCoordinates || (this.flatCoordinates = []), this.flatCoordinates.length = Bs(this.flatCoordinates, 0, e, this.stride), this.changed();
  }
}
function ms(i, e, t, n, r, s, o) {
  let a, l;
  const h = (t - e) / n;
  if (h === 1) a = e;
  else if (h === 2) a = e, l = r;
  else if (h !== 0) {
    let c = i[e], u = i[e + 1], d = 0;
    const g = [0];
    for (let _ = e + n; _ < t; _ += n) {
      const y = i[_], x = i[_ + 1];
      d += Math.sqrt((y - c) * (y - c) + (x - u) * (x - u)), g.push(d), c = y, u = x;
    }
    const f = r * d, p = Rg(g, f);
    p < 0 ? (l = (f - g[-p - 2]) / (g[-p - 1] - g[-p - 2]), a = e + (-p - 2) * n) : a = e + p * n;
  }
  o = o > 1 ? o : 2, s = s || new Array(o);
  for (let c = 0; c < o; ++c) s[c] = a === void 0 ? NaN : l === void 0 ? i[a + c] : ot(i[a + c], i[a + n + c], l);
  return s;
}
function ea(i, e, t, n, r, s) {
  if (t == e) return null;
  let o;
  if (r < i[e + n - 1]) return s ? (o = i.slice(e, e + n), o[n - 1] = r, o) : null;
  if (i[t - 1] < r) return s ? (o = i.slice(t - n, t), o[n - 1] = r, o) : null;
  if (r == i[e + n - 1]) return i.slice(e, e + n);
  let a = e / n, l = t / n;
  for (; a < l; ) {
    const d = a + l >> 1;
    r < i[(d + 1) * n - 1] ? l = d : a = d + 1;
  }
  const h = i[a * n - 1];
  if (r == h) return i.slice((a - 1) * n, (a - 1) * n + n);
  const c = i[(a + 1) * n - 1], u = (r - h) / (c - h);
  o = [];
  for (let d = 0; d < n - 1; ++d) o.push(ot(i[(a - 1) * n + d], i[a * n + d], u));
  return o.push(r), o;
}
function Hg(i, e, t, n, r, s, o) {
  if (o) return ea(i, e, t[t.length - 1], n, r, s);
  let a;
  if (r < i[n - 1]) return s ? (a = i.slice(0, n), a[n - 1] = r, a) : null;
  if (i[i.length - 1] < r) return s ? (a = i.slice(i.length - n), a[n - 1] = r, a) : null;
  for (let l = 0, h = t.length; l < h; ++l) {
    const c = t[l];
    if (e != c) {
      if (r < i[e + n - 1]) return null;
      if (r <= i[c - 1]) return ea(i, e, c, n, r, !1);
      e = c;
    }
  }
  return null;
}
function Kg(i, e, t, n, r) {
  return !lc(r, function(s) {
    return !Ln(i, e, t, n, s[0], s[1]);
  });
}
function Ln(i, e, t, n, r, s) {
  let o = 0, a = i[t - n], l = i[t - n + 1];
  for (; e < t; e += n) {
    const h = i[e], c = i[e + 1];
    l <= s ? c > s && (h - a) * (s - l) - (r - a) * (c - l) > 0 && o++ : c <= s && (h - a) * (s - l) - (r - a) * (c - l) < 0 && o--, a = h, l = c;
  }
  return o !== 0;
}
function ka(i, e, t, n, r, s) {
  if (t.length === 0 || !Ln(i, e, t[0], n, r, s)) return !1;
  for (let o = 1, a = t.length; o < a; ++o) if (Ln(i, t[o - 1], t[o], n, r, s)) return !1;
  return !0;
}
function qg(i, e, t, n, r, s) {
  if (t.length === 0) return !1;
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = t[o];
    if (ka(i, e, l, n, r, s)) return !0;
    e = l[l.length - 1];
  }
  return !1;
}
function Pc(i, e, t, n, r) {
  let s;
  for (e += n; e < t; e += n) if (s = r(i.slice(e - n, e), i.slice(e, e + n)), s) return s;
  return !1;
}
function zs(i, e, t, n, r, s) {
  return s = s ?? ac(ct(), i, e, t, n), Ye(r, s) ? s[0] >= r[0] && s[2] <= r[2] || s[1] >= r[1] && s[3] <= r[3] ? !0 : Pc(i, e, t, n, function(o, a) {
    return md(r, o, a);
  }) : !1;
}
function Jg(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) {
    if (zs(i, e, t[s], n, r)) return !0;
    e = t[s];
  }
  return !1;
}
function Ac(i, e, t, n, r) {
  return !!(zs(i, e, t, n, r) || Ln(i, e, t, n, r[0], r[1]) || Ln(i, e, t, n, r[0], r[3]) || Ln(i, e, t, n, r[2], r[1]) || Ln(i, e, t, n, r[2], r[3]));
}
function Ic(i, e, t, n, r) {
  if (!Ac(i, e, t[0], n, r)) return !1;
  if (t.length === 1) return !0;
  for (let s = 1, o = t.length; s < o; ++s) if (Kg(i, t[s - 1], t[s], n, r) && !zs(i, t[s - 1], t[s], n, r)) return !1;
  return !0;
}
function Qg(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    if (Ic(i, e, a, n, r)) return !0;
    e = a[a.length - 1];
  }
  return !1;
}
function Na(i, e, t, n) {
  let r = i[e], s = i[e + 1], o = 0;
  for (let a = e + n; a < t; a += n) {
    const l = i[a], h = i[a + 1];
    o += Math.sqrt((l - r) * (l - r) + (h - s) * (h - s)), r = l, s = h;
  }
  return o;
}
class Ve extends Xn {
  constructor(e, t) {
    super(), this.flatMidpoint_ = null, this.flatMidpointRevision_ = -1, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, t !== void 0 && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
  }
  appendCoordinate(e) {
    Gt(this.flatCoordinates, e), this.changed();
  }
  clone() {
    const e = new Ve(this.flatCoordinates.slice(), this.layout);
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    return r < Wn(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(Fa(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Ma(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, this.maxDelta_, !1, e, t, n, r));
  }
  forEachSegment(e) {
    return Pc(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e);
  }
  getCoordinateAtM(e, t) {
    return this.layout != "XYM" && this.layout != "XYZM" ? null : (t = t !== void 0 ? t : !1, ea(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t));
  }
  getCoordinates() {
    return mn(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
  }
  getCoordinateAt(e, t) {
    return ms(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t, this.stride);
  }
  getLength() {
    return Na(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
  }
  getFlatMidpoint() {
    return this.flatMidpointRevision_ != this.getRevision() && (this.flatMidpoint_ = this.getCoordinateAt(0.5, this.flatMidpoint_ ?? void 0), this.flatMidpointRevision_ = this.getRevision()), this.flatMidpoint_;
  }
  getSimplifiedGeometryInternal(e) {
    const t = [];
    return t.length = Us(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t, 0), new Ve(t, "XY");
  }
  getType() {
    return "LineString";
  }
  intersectsExtent(e) {
    return zs(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, this.getExtent());
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 1), this.flatCoordinates || (this.flatCoordinates = []), this.flatCoordinates.length = Bs(this.flatCoordinates, 0, e, this.stride), this.changed();
  }
}
class mr extends Xn {
  constructor(e, t, n) {
    if (super(), this.ends_ = [], this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, Array.isArray(e[0])) this.setCoordinates(e, t);
    else if (t !== void 0 && n) this.setFlatCoordinates(t, e), this.ends_ = n;
    else {
      const r = e, s = [], o = [];
      for (let l = 0, h = r.length; l < h; ++l) {
        const c = r[l];
        Gt(s, c.getFlatCoordinates()), o.push(s.length);
      }
      const a = r.length === 0 ? this.getLayout() : r[0].getLayout();
      this.setFlatCoordinates(a, s), this.ends_ = o;
    }
  }
  appendLineString(e) {
    Gt(this.flatCoordinates, e.getFlatCoordinates().slice()), this.ends_.push(this.flatCoordinates.length), this.changed();
  }
  clone() {
    const e = new mr(this.flatCoordinates.slice(), this.layout, this.ends_.slice());
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    return r < Wn(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(La(this.flatCoordinates, 0, this.ends_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Da(this.flatCoordinates, 0, this.ends_, this.stride, this.maxDelta_, !1, e, t, n, r));
  }
  getCoordinateAtM(e, t, n) {
    return this.layout != "XYM" && this.layout != "XYZM" || this.flatCoordinates.length === 0 ? null : (t = t !== void 0 ? t : !1, n = n !== void 0 ? n : !1, Hg(this.flatCoordinates, 0, this.ends_, this.stride, e, t, n));
  }
  getCoordinates() {
    return _r(this.flatCoordinates, 0, this.ends_, this.stride);
  }
  getEnds() {
    return this.ends_;
  }
  getLineString(e) {
    return e < 0 || this.ends_.length <= e ? null : new Ve(this.flatCoordinates.slice(e === 0 ? 0 : this.ends_[e - 1], this.ends_[e]), this.layout);
  }
  getLineStrings() {
    const e = this.flatCoordinates, t = this.ends_, n = this.layout, r = [];
    let s = 0;
    for (let o = 0, a = t.length; o < a; ++o) {
      const l = t[o], h = new Ve(e.slice(s, l), n);
      r.push(h), s = l;
    }
    return r;
  }
  getLength() {
    const e = this.ends_;
    let t = 0, n = 0;
    for (let r = 0, s = e.length; r < s; ++r) n += Na(this.flatCoordinates, t, e[r], this.stride), t = e[r];
    return n;
  }
  getFlatMidpoints() {
    const e = [], t = this.flatCoordinates;
    let n = 0;
    const r = this.ends_, s = this.stride;
    for (let o = 0, a = r.length; o < a; ++o) {
      const l = r[o], h = ms(t, n, l, s, 0.5);
      Gt(e, h), n = l;
    }
    return e;
  }
  getSimplifiedGeometryInternal(e) {
    const t = [], n = [];
    return t.length = bc(this.flatCoordinates, 0, this.ends_, this.stride, e, t, 0, n), new mr(t, "XY", n);
  }
  getType() {
    return "MultiLineString";
  }
  intersectsExtent(e) {
    return Jg(this.flatCoordinates, 0, this.ends_, this.stride, e);
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 2), this.flatCoordinates || (this.flatCoordinates = []);
    const n = Dr(this.flatCoordinates, 0, e, this.stride, this.ends_);
    this.flatCoordinates.length = n.length === 0 ? 0 : n[n.length - 1], this.changed();
  }
}
class Ke extends Xn {
  constructor(e, t) {
    super(), this.setCoordinates(e, t);
  }
  clone() {
    const e = new Ke(this.flatCoordinates.slice(), this.layout);
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    const s = this.flatCoordinates, o = en(e, t, s[0], s[1]);
    if (o < r) {
      const a = this.stride;
      for (let l = 0; l < a; ++l) n[l] = s[l];
      return n.length = a, o;
    }
    return r;
  }
  getCoordinates() {
    return this.flatCoordinates.slice();
  }
  computeExtent(e) {
    return Qi(this.flatCoordinates, e);
  }
  getType() {
    return "Point";
  }
  intersectsExtent(e) {
    return xa(e, this.flatCoordinates[0], this.flatCoordinates[1]);
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 0), this.flatCoordinates || (this.flatCoordinates = []), this.flatCoordinates.length = Vg(this.flatCoordinates, 0, e, this.stride), this.changed();
  }
}
class Or extends Xn {
  constructor(e, t) {
    super(), t && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
  }
  appendPoint(e) {
    Gt(this.flatCoordinates, e.getFlatCoordinates()), this.changed();
  }
  clone() {
    const e = new Or(this.flatCoordinates.slice(), this.layout);
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    if (r < Wn(this.getExtent(), e, t)) return r;
    const s = this.flatCoordinates, o = this.stride;
    for (let a = 0, l = s.length; a < l; a += o) {
      const h = en(e, t, s[a], s[a + 1]);
      if (h < r) {
        r = h;
        for (let c = 0; c < o; ++c) n[c] = s[a + c];
        n.length = o;
      }
    }
    return r;
  }
  getCoordinates() {
    return mn(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
  }
  getPoint(e) {
    const t = this.flatCoordinates.length / this.stride;
    return e < 0 || t <= e ? null : new Ke(this.flatCoordinates.slice(e * this.stride, (e + 1) * this.stride), this.layout);
  }
  getPoints() {
    const e = this.flatCoordinates, t = this.layout, n = this.stride, r = [];
    for (let s = 0, o = e.length; s < o; s += n) {
      const a = new Ke(e.slice(s, s + n), t);
      r.push(a);
    }
    return r;
  }
  getType() {
    return "MultiPoint";
  }
  intersectsExtent(e) {
    const t = this.flatCoordinates, n = this.stride;
    for (let r = 0, s = t.length; r < s; r += n) {
      const o = t[r], a = t[r + 1];
      if (xa(e, o, a)) return !0;
    }
    return !1;
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 1), this.flatCoordinates || (this.flatCoordinates = []), this.flatCoordinates.length = Bs(this.flatCoordinates, 0, e, this.stride), this.changed();
  }
}
function Ga(i, e, t, n, r, s, o) {
  let a, l, h, c, u, d, g;
  const f = r[s + 1], p = [];
  for (let x = 0, E = t.length; x < E; ++x) {
    const v = t[x];
    for (c = i[v - n], d = i[v - n + 1], a = e; a < v; a += n) u = i[a], g = i[a + 1], (f <= d && g <= f || d <= f && f <= g) && (h = (f - d) / (g - d) * (u - c) + c, p.push(h)), c = u, d = g;
  }
  let _ = NaN, y = -1 / 0;
  for (p.sort(tn), c = p[0], a = 1, l = p.length; a < l; ++a) {
    u = p[a];
    const x = Math.abs(u - c);
    x > y && (h = (c + u) / 2, ka(i, e, t, n, h, f) && (_ = h, y = x)), c = u;
  }
  return isNaN(_) && (_ = r[s]), o ? (o.push(_, f, y), o) : [_, f, y];
}
function Fc(i, e, t, n, r) {
  let s = [];
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = t[o];
    s = Ga(i, e, l, n, r, 2 * o, s), e = l[l.length - 1];
  }
  return s;
}
function ef(i, e, t, n) {
  for (; e < t - n; ) {
    for (let r = 0; r < n; ++r) {
      const s = i[e + r];
      i[e + r] = i[t - n + r], i[t - n + r] = s;
    }
    e += n, t -= n;
  }
}
function Ba(i, e, t, n) {
  let r = 0, s = i[t - n], o = i[t - n + 1];
  for (; e < t; e += n) {
    const a = i[e], l = i[e + 1];
    r += (a - s) * (l + o), s = a, o = l;
  }
  return r === 0 ? void 0 : r > 0;
}
function Ua(i, e, t, n, r) {
  r = r !== void 0 ? r : !1;
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s], l = Ba(i, e, a, n);
    if (s === 0) {
      if (r && l || !r && !l) return !1;
    } else if (r && !l || !r && l) return !1;
    e = a;
  }
  return !0;
}
function Lc(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s];
    if (!Ua(i, e, a, n, r)) return !1;
    a.length && (e = a[a.length - 1]);
  }
  return !0;
}
function ys(i, e, t, n, r) {
  r = r !== void 0 ? r : !1;
  for (let s = 0, o = t.length; s < o; ++s) {
    const a = t[s], l = Ba(i, e, a, n);
    (s === 0 ? r && l || !r && !l : r && !l || !r && l) && ef(i, e, a, n), e = a;
  }
  return e;
}
function ta(i, e, t, n, r) {
  for (let s = 0, o = t.length; s < o; ++s) e = ys(i, e, t[s], n, r);
  return e;
}
function Mc(i, e) {
  const t = [];
  let n = 0, r = 0, s;
  for (let o = 0, a = e.length; o < a; ++o) {
    const l = e[o], h = Ba(i, n, l, 2);
    if (s === void 0 && (s = h), h === s) t.push(e.slice(r, o + 1));
    else {
      if (t.length === 0) continue;
      t[t.length - 1].push(e[r]);
    }
    r = o + 1, n = l;
  }
  return t;
}
class it extends Xn {
  constructor(e, t, n) {
    super(), this.ends_ = [], this.flatInteriorPointRevision_ = -1, this.flatInteriorPoint_ = null, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, this.orientedRevision_ = -1, this.orientedFlatCoordinates_ = null, t !== void 0 && n ? (this.setFlatCoordinates(t, e), this.ends_ = n) : this.setCoordinates(e, t);
  }
  appendLinearRing(e) {
    this.flatCoordinates ? Gt(this.flatCoordinates, e.getFlatCoordinates()) : this.flatCoordinates = e.getFlatCoordinates().slice(), this.ends_.push(this.flatCoordinates.length), this.changed();
  }
  clone() {
    const e = new it(this.flatCoordinates.slice(), this.layout, this.ends_.slice());
    return e.applyProperties(this), e;
  }
  closestPointXY(e, t, n, r) {
    return r < Wn(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(La(this.flatCoordinates, 0, this.ends_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Da(this.flatCoordinates, 0, this.ends_, this.stride, this.maxDelta_, !0, e, t, n, r));
  }
  containsXY(e, t) {
    return ka(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e, t);
  }
  getArea() {
    return Rc(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride);
  }
  getCoordinates(e) {
    let t;
    return e !== void 0 ? (t = this.getOrientedFlatCoordinates().slice(), ys(t, 0, this.ends_, this.stride, e)) : t = this.flatCoordinates, _r(t, 0, this.ends_, this.stride);
  }
  getEnds() {
    return this.ends_;
  }
  getFlatInteriorPoint() {
    if (this.flatInteriorPointRevision_ != this.getRevision()) {
      const e = Ut(this.getExtent());
      this.flatInteriorPoint_ = Ga(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e, 0), this.flatInteriorPointRevision_ = this.getRevision();
    }
    return this.flatInteriorPoint_;
  }
  getInteriorPoint() {
    return new Ke(this.getFlatInteriorPoint(), "XYM");
  }
  getLinearRingCount() {
    return this.ends_.length;
  }
  getLinearRing(e) {
    return e < 0 || this.ends_.length <= e ? null : new pr(this.flatCoordinates.slice(e === 0 ? 0 : this.ends_[e - 1], this.ends_[e]), this.layout);
  }
  getLinearRings() {
    const e = this.layout, t = this.flatCoordinates, n = this.ends_, r = [];
    let s = 0;
    for (let o = 0, a = n.length; o < a; ++o) {
      const l = n[o], h = new pr(t.slice(s, l), e);
      r.push(h), s = l;
    }
    return r;
  }
  getOrientedFlatCoordinates() {
    if (this.orientedRevision_ != this.getRevision()) {
      const e = this.flatCoordinates;
      Ua(e, 0, this.ends_, this.stride) ? this.orientedFlatCoordinates_ = e : (this.orientedFlatCoordinates_ = e.slice(), this.orientedFlatCoordinates_.length = ys(this.orientedFlatCoordinates_, 0, this.ends_, this.stride)), this.orientedRevision_ = this.getRevision();
    }
    return this.orientedFlatCoordinates_;
  }
  getSimplifiedGeometryInternal(e) {
    const t = [], n = [];
    return t.length = Oa(this.flatCoordinates, 0, this.ends_, this.stride, Math.sqrt(e), t, 0, n), new it(t, "XY", n);
  }
  getType() {
    return "Polygon";
  }
  intersectsExtent(e) {
    return Ic(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e);
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 2), this.flatCoordinates || (this.flatCoordinates = []);
    const n = Dr(this.flatCoordinates, 0, e, this.stride, this.ends_);
    this.flatCoordinates.length = n.length === 0 ? 0 : n[n.length - 1], this.changed();
  }
}
function Hl(i) {
  if (Ri(i)) throw new Error("Cannot create polygon from empty extent");
  const e = i[0], t = i[1], n = i[2], r = i[3], s = [e, t, e, r, n, r, n, t, e, t];
  return new it(s, "XY", [s.length]);
}
function Dc(i, e, t, n) {
  const r = [];
  let s = ct();
  for (let o = 0, a = t.length; o < a; ++o) {
    const l = t[o];
    s = va(i, e, l[0], n), r.push((s[0] + s[2]) / 2, (s[1] + s[3]) / 2), e = l[l.length - 1];
  }
  return r;
}
class yr extends Xn {
  constructor(e, t, n) {
    if (super(), this.endss_ = [], this.flatInteriorPointsRevision_ = -1, this.flatInteriorPoints_ = null, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, this.orientedRevision_ = -1, this.orientedFlatCoordinates_ = null, !n && !Array.isArray(e[0])) {
      const r = e, s = [], o = [];
      for (let a = 0, l = r.length; a < l; ++a) {
        const h = r[a], c = s.length, u = h.getEnds();
        for (let d = 0, g = u.length; d < g; ++d) u[d] += c;
        Gt(s, h.getFlatCoordinates()), o.push(u);
      }
      t = r.length === 0 ? this.getLayout() : r[0].getLayout(), e = s, n = o;
    }
    t !== void 0 && n ? (this.setFlatCoordinates(t, e), this.endss_ = n) : this.setCoordinates(e, t);
  }
  appendPolygon(e) {
    let t;
    if (!this.flatCoordinates) this.flatCoordinates = e.getFlatCoordinates().slice(), t = e.getEnds().slice(), this.endss_.push();
    else {
      const n = this.flatCoordinates.length;
      Gt(this.flatCoordinates, e.getFlatCoordinates()), t = e.getEnds().slice();
      for (let r = 0, s = t.length; r < s; ++r) t[r] += n;
    }
    this.endss_.push(t), this.changed();
  }
  clone() {
    const e = this.endss_.length, t = new Array(e);
    for (let r = 0; r < e; ++r) t[r] = this.endss_[r].slice();
    const n = new yr(this.flatCoordinates.slice(), this.layout, t);
    return n.applyProperties(this), n;
  }
  closestPointXY(e, t, n, r) {
    return r < Wn(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(jg(this.flatCoordinates, 0, this.endss_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Xg(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, this.maxDelta_, !0, e, t, n, r));
  }
  containsXY(e, t) {
    return qg(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e, t);
  }
  getArea() {
    return Wg(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride);
  }
  getCoordinates(e) {
    let t;
    return e !== void 0 ? (t = this.getOrientedFlatCoordinates().slice(), ta(t, 0, this.endss_, this.stride, e)) : t = this.flatCoordinates, Qo(t, 0, this.endss_, this.stride);
  }
  getEndss() {
    return this.endss_;
  }
  getFlatInteriorPoints() {
    if (this.flatInteriorPointsRevision_ != this.getRevision()) {
      const e = Dc(this.flatCoordinates, 0, this.endss_, this.stride);
      this.flatInteriorPoints_ = Fc(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e), this.flatInteriorPointsRevision_ = this.getRevision();
    }
    return this.flatInteriorPoints_;
  }
  getInteriorPoints() {
    return new Or(this.getFlatInteriorPoints().slice(), "XYM");
  }
  getOrientedFlatCoordinates() {
    if (this.orientedRevision_ != this.getRevision()) {
      const e = this.flatCoordinates;
      Lc(e, 0, this.endss_, this.stride) ? this.orientedFlatCoordinates_ = e : (this.orientedFlatCoordinates_ = e.slice(), this.orientedFlatCoordinates_.length = ta(this.orientedFlatCoordinates_, 0, this.endss_, this.stride)), this.orientedRevision_ = this.getRevision();
    }
    return this.orientedFlatCoordinates_;
  }
  getSimplifiedGeometryInternal(e) {
    const t = [], n = [];
    return t.length = Zg(this.flatCoordinates, 0, this.endss_, this.stride, Math.sqrt(e), t, 0, n), new yr(t, "XY", n);
  }
  getPolygon(e) {
    if (e < 0 || this.endss_.length <= e) return null;
    let t;
    if (e === 0) t = 0;
    else {
      const s = this.endss_[e - 1];
      t = s[s.length - 1];
    }
    const n = this.endss_[e].slice(), r = n[n.length - 1];
    if (t !== 0) for (let s = 0, o = n.length; s < o; ++s) n[s] -= t;
    return new it(this.flatCoordinates.slice(t, r), this.layout, n);
  }
  getPolygons() {
    const e = this.layout, t = this.flatCoordinates, n = this.endss_, r = [];
    let s = 0;
    for (let o = 0, a = n.length; o < a; ++o) {
      const l = n[o].slice(), h = l[l.length - 1];
      if (s !== 0) for (let u = 0, d = l.length; u < d; ++u) l[u] -= s;
      const c = new it(t.slice(s, h), e, l);
      r.push(c), s = h;
    }
    return r;
  }
  getType() {
    return "MultiPolygon";
  }
  intersectsExtent(e) {
    return Qg(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e);
  }
  setCoordinates(e, t) {
    this.setLayout(t, e, 3), this.flatCoordinates || (this.flatCoordinates = []);
    const n = Tc(this.flatCoordinates, 0, e, this.stride, this.endss_);
    if (n.length === 0) this.flatCoordinates.length = 0;
    else {
      const r = n[n.length - 1];
      this.flatCoordinates.length = r.length === 0 ? 0 : r[r.length - 1];
    }
    this.changed();
  }
}
const K = { IDLE: 0, LOADING: 1, LOADED: 2, ERROR: 3 }, $n = typeof navigator < "u" && typeof navigator.userAgent < "u" ? navigator.userAgent.toLowerCase() : "", tf = $n.includes("safari") && !$n.includes("chrom"), nf = tf && ($n.includes("version/15.4") || /cpu (os|iphone os) 15_4 like mac os x/.test($n)), rf = $n.includes("webkit") && !$n.includes("edge"), Oc = $n.includes("macintosh"), sf = typeof devicePixelRatio < "u" ? devicePixelRatio : 1, lt = typeof WorkerGlobalScope < "u" && typeof OffscreenCanvas < "u" && self instanceof WorkerGlobalScope, kc = typeof Image < "u" && Image.prototype.decode, Nc = (function() {
  let i = !1;
  try {
    const e = Object.defineProperty({}, "passive", { get: function() {
      i = !0;
    } });
    window.addEventListener("_", null, e), window.removeEventListener("_", null, e);
  } catch {
  }
  return i;
})();
function Re(i, e, t, n) {
  let r;
  return t && t.length ? r = t.shift() : lt ? r = new class extends OffscreenCanvas {
    style = {};
  }(i ?? 300, e ?? 150) : r = document.createElement("canvas"), i && (r.width = i), e && (r.height = e), r.getContext("2d", n);
}
let ao;
function xs() {
  return ao || (ao = Re(1, 1)), ao;
}
function $s(i) {
  const e = i.canvas;
  e.width = 1, e.height = 1, i.clearRect(0, 0, 1, 1);
}
function Kl(i, e) {
  const t = e.parentNode;
  t && t.replaceChild(i, e);
}
function of(i) {
  for (; i.lastChild; ) i.lastChild.remove();
}
function af(i, e) {
  const t = i.childNodes;
  for (let n = 0; ; ++n) {
    const r = t[n], s = e[n];
    if (!r && !s) break;
    if (r !== s) {
      if (!r) {
        i.appendChild(s);
        continue;
      }
      if (!s) {
        i.removeChild(r), --n;
        continue;
      }
      i.insertBefore(s, r);
    }
  }
}
function Gc() {
  return new Proxy({ childNodes: [], appendChild: function(i) {
    return this.childNodes.push(i), i;
  }, remove: function() {
  }, removeChild: function(i) {
    const e = this.childNodes.indexOf(i);
    if (e === -1) throw new Error("Node to remove was not found");
    return this.childNodes.splice(e, 1), i;
  }, insertBefore: function(i, e) {
    const t = this.childNodes.indexOf(e);
    if (t === -1) throw new Error("Reference node not found");
    return this.childNodes.splice(t, 0, i), i;
  }, style: {} }, { get(i, e, t) {
    return e === "firstElementChild" ? i.childNodes.length > 0 ? i.childNodes[0] : null : Reflect.get(i, e, t);
  } });
}
function yn(i) {
  return typeof HTMLCanvasElement < "u" && i instanceof HTMLCanvasElement || typeof OffscreenCanvas < "u" && i instanceof OffscreenCanvas;
}
const za = [NaN, NaN, NaN, 0];
let lo;
function lf() {
  return lo || (lo = Re(1, 1, void 0, { willReadFrequently: !0, desynchronized: !0 })), lo;
}
const hf = /^rgba?\(\s*(\d+%?)\s+(\d+%?)\s+(\d+%?)(?:\s*\/\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, cf = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)(?:\s*,\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, uf = /^rgba?\(\s*(\d+%)\s*,\s*(\d+%)\s*,\s*(\d+%)(?:\s*,\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, df = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
function Zr(i, e) {
  return i.endsWith("%") ? Number(i.substring(0, i.length - 1)) / e : Number(i);
}
function ir(i) {
  throw new Error('failed to parse "' + i + '" as color');
}
function Bc(i) {
  if (i.toLowerCase().startsWith("rgb")) {
    const s = i.match(cf) || i.match(hf) || i.match(uf);
    if (s) {
      const o = s[4], a = 100 / 255;
      return [de(Zr(s[1], a) + 0.5 | 0, 0, 255), de(Zr(s[2], a) + 0.5 | 0, 0, 255), de(Zr(s[3], a) + 0.5 | 0, 0, 255), o !== void 0 ? de(Zr(o, 100), 0, 1) : 1];
    }
    ir(i);
  }
  if (i.startsWith("#")) {
    if (df.test(i)) {
      const s = i.substring(1), o = s.length <= 4 ? 1 : 2, a = [0, 0, 0, 255];
      for (let l = 0, h = s.length; l < h; l += o) {
        let c = parseInt(s.substring(l, l + o), 16);
        o === 1 && (c += c << 4), a[l / o] = c;
      }
      return a[3] = a[3] / 255, a;
    }
    ir(i);
  }
  const e = lf();
  e.fillStyle = "#abcdef";
  let t = e.fillStyle;
  e.fillStyle = i, e.fillStyle === t && (e.fillStyle = "#fedcba", t = e.fillStyle, e.fillStyle = i, e.fillStyle === t && ir(i));
  const n = e.fillStyle;
  if (n.startsWith("#") || n.startsWith("rgba")) return Bc(n);
  e.clearRect(0, 0, 1, 1), e.fillRect(0, 0, 1, 1);
  const r = Array.from(e.getImageData(0, 0, 1, 1).data);
  return r[3] = Ir(r[3] / 255, 3), r;
}
function gf(i) {
  return typeof i == "string" ? i : Va(i);
}
const ff = 1024, Ui = {};
let ho = 0;
function _f(i) {
  if (i.length === 4) return i;
  const e = i.slice();
  return e[3] = 1, e;
}
function co(i) {
  return i > 31308e-7 ? Math.pow(i, 1 / 2.4) * 269.025 - 14.025 : i * 3294.6;
}
function uo(i) {
  return i > 0.2068965 ? Math.pow(i, 3) : (i - 4 / 29) * (108 / 841);
}
function go(i) {
  return i > 10.314724 ? Math.pow((i + 14.025) / 269.025, 2.4) : i / 3294.6;
}
function fo(i) {
  return i > 88564e-7 ? Math.pow(i, 1 / 3) : i / (108 / 841) + 4 / 29;
}
function ql(i) {
  const e = go(i[0]), t = go(i[1]), n = go(i[2]), r = fo(e * 0.222488403 + t * 0.716873169 + n * 0.06060791), s = 500 * (fo(e * 0.452247074 + t * 0.399439023 + n * 0.148375274) - r), o = 200 * (r - fo(e * 0.016863605 + t * 0.117638439 + n * 0.865350722)), a = Math.atan2(o, s) * (180 / Math.PI);
  return [116 * r - 16, Math.sqrt(s * s + o * o), a < 0 ? a + 360 : a, i[3]];
}
function pf(i) {
  const e = (i[0] + 16) / 116, t = i[1], n = i[2] * Math.PI / 180, r = uo(e), s = uo(e + t / 500 * Math.cos(n)), o = uo(e - t / 200 * Math.sin(n)), a = co(s * 3.021973625 - r * 1.617392459 - o * 0.404875592), l = co(s * -0.943766287 + r * 1.916279586 + o * 0.027607165), h = co(s * 0.069407491 - r * 0.22898585 + o * 1.159737864);
  return [de(a + 0.5 | 0, 0, 255), de(l + 0.5 | 0, 0, 255), de(h + 0.5 | 0, 0, 255), i[3]];
}
function $a(i) {
  if (i === "none") return za;
  if (Ui.hasOwnProperty(i)) return Ui[i];
  if (ho >= ff) {
    let t = 0;
    for (const n in Ui) (t++ & 3) === 0 && (delete Ui[n], --ho);
  }
  const e = Bc(i);
  e.length !== 4 && ir(i);
  for (const t of e) isNaN(t) && ir(i);
  return Ui[i] = e, ++ho, e;
}
function Rt(i) {
  return Array.isArray(i) ? i : $a(i);
}
function Va(i) {
  let e = i[0];
  e != (e | 0) && (e = e + 0.5 | 0);
  let t = i[1];
  t != (t | 0) && (t = t + 0.5 | 0);
  let n = i[2];
  n != (n | 0) && (n = n + 0.5 | 0);
  const r = i[3] === void 0 ? 1 : Math.round(i[3] * 1e3) / 1e3;
  return "rgba(" + e + "," + t + "," + n + "," + r + ")";
}
function mf(i, e, t) {
  const n = i;
  let r = !0, s = !1, o = !1;
  const a = [ps(n, Y.LOAD, function() {
    o = !0, s || e();
  })];
  return n.src && kc ? (s = !0, n.decode().then(function() {
    r && e();
  }).catch(function(l) {
    r && (o ? e() : t());
  })) : a.push(ps(n, Y.ERROR, t)), function() {
    r = !1, a.forEach(he);
  };
}
function yf(i, e) {
  return new Promise((t, n) => {
    function r() {
      o(), t(i);
    }
    function s() {
      o(), n(new Error("Image load error"));
    }
    function o() {
      i.removeEventListener("load", r), i.removeEventListener("error", s);
    }
    i.addEventListener("load", r), i.addEventListener("error", s);
  });
}
function xf(i, e) {
  return e && (i.src = e), i.src && kc ? new Promise((t, n) => i.decode().then(() => t(i)).catch((r) => i.complete && i.width ? t(i) : n(r))) : yf(i);
}
class vf {
  constructor() {
    this.cache_ = {}, this.patternCache_ = {}, this.cacheSize_ = 0, this.maxCacheSize_ = 1024;
  }
  clear() {
    this.cache_ = {}, this.patternCache_ = {}, this.cacheSize_ = 0;
  }
  canExpireCache() {
    return this.cacheSize_ > this.maxCacheSize_;
  }
  expire() {
    if (this.canExpireCache()) {
      let e = 0;
      for (const t in this.cache_) {
        const n = this.cache_[t];
        (e++ & 3) === 0 && !n.hasListener() && (delete this.cache_[t], delete this.patternCache_[t], --this.cacheSize_);
      }
    }
  }
  get(e, t, n) {
    const r = _o(e, t, n);
    return r in this.cache_ ? this.cache_[r] : null;
  }
  getPattern(e, t, n) {
    const r = _o(e, t, n);
    return r in this.patternCache_ ? this.patternCache_[r] : null;
  }
  set(e, t, n, r, s) {
    const o = _o(e, t, n), a = o in this.cache_;
    this.cache_[o] = r, s && (r.getImageState() === K.IDLE && r.load(), r.getImageState() === K.LOADING ? r.ready().then(() => {
      this.patternCache_[o] = xs().createPattern(r.getImage(1), "repeat");
    }) : this.patternCache_[o] = xs().createPattern(r.getImage(1), "repeat")), a || ++this.cacheSize_;
  }
  setSize(e) {
    this.maxCacheSize_ = e, this.expire();
  }
}
function _o(i, e, t) {
  const n = t ? Rt(t) : "null";
  return e + ":" + i + ":" + n;
}
const ht = new vf();
let zi = null;
class Uc extends Gs {
  constructor(e, t, n, r, s) {
    super(), this.hitDetectionImage_ = null, this.image_ = e, this.crossOrigin_ = n, this.canvas_ = {}, this.color_ = s, this.imageState_ = r === void 0 ? K.IDLE : r, this.size_ = e && e.width && e.height ? [e.width, e.height] : null, this.src_ = t, this.tainted_, this.ready_ = null;
  }
  initializeImage_() {
    this.image_ = new Image(), this.crossOrigin_ !== null && (this.image_.crossOrigin = this.crossOrigin_);
  }
  isTainted_() {
    if (this.tainted_ === void 0 && this.imageState_ === K.LOADED) {
      zi || (zi = Re(1, 1, void 0, { willReadFrequently: !0 })), zi.drawImage(this.image_, 0, 0);
      try {
        zi.getImageData(0, 0, 1, 1), this.tainted_ = !1;
      } catch {
        zi = null, this.tainted_ = !0;
      }
    }
    return this.tainted_ === !0;
  }
  dispatchChangeEvent_() {
    this.dispatchEvent(Y.CHANGE);
  }
  handleImageError_() {
    this.imageState_ = K.ERROR, this.dispatchChangeEvent_();
  }
  handleImageLoad_() {
    this.imageState_ = K.LOADED, this.size_ = [this.image_.width, this.image_.height], this.dispatchChangeEvent_();
  }
  getImage(e) {
    return this.image_ || this.initializeImage_(), this.replaceColor_(e), this.canvas_[e] ? this.canvas_[e] : this.image_;
  }
  getPixelRatio(e) {
    return this.replaceColor_(e), this.canvas_[e] ? e : 1;
  }
  getImageState() {
    return this.imageState_;
  }
  getHitDetectionImage() {
    if (this.image_ || this.initializeImage_(), !this.hitDetectionImage_) if (this.isTainted_()) {
      const e = this.size_[0], t = this.size_[1], n = Re(e, t);
      n.fillRect(0, 0, e, t), this.hitDetectionImage_ = n.canvas;
    } else this.hitDetectionImage_ = this.image_;
    return this.hitDetectionImage_;
  }
  getSize() {
    return this.size_;
  }
  getSrc() {
    return this.src_;
  }
  load() {
    if (this.imageState_ === K.IDLE) {
      this.image_ || this.initializeImage_(), this.imageState_ = K.LOADING;
      try {
        this.src_ !== void 0 && (this.image_.src = this.src_);
      } catch {
        this.handleImageError_();
      }
      this.image_ instanceof HTMLImageElement && xf(this.image_, this.src_).then((e) => {
        this.image_ = e, this.handleImageLoad_();
      }).catch(this.handleImageError_.bind(this));
    }
  }
  replaceColor_(e) {
    if (!this.color_ || this.canvas_[e] || this.imageState_ !== K.LOADED) return;
    const t = this.image_, n = Re(Math.ceil(t.width * e), Math.ceil(t.height * e)), r = n.canvas;
    n.scale(e, e), n.drawImage(t, 0, 0), n.globalCompositeOperation = "multiply", n.fillStyle = gf(this.color_), n.fillRect(0, 0, r.width / e, r.height / e), n.globalCompositeOperation = "destination-in", n.drawImage(t, 0, 0), this.canvas_[e] = r;
  }
  ready() {
    return this.ready_ || (this.ready_ = new Promise((e) => {
      if (this.imageState_ === K.LOADED || this.imageState_ === K.ERROR) e();
      else {
        const t = () => {
          (this.imageState_ === K.LOADED || this.imageState_ === K.ERROR) && (this.removeEventListener(Y.CHANGE, t), e());
        };
        this.addEventListener(Y.CHANGE, t);
      }
    })), this.ready_;
  }
}
function vs(i, e, t, n, r, s) {
  let o = e === void 0 ? void 0 : ht.get(e, t, r);
  return o || (o = new Uc(i, i && "src" in i ? i.src || void 0 : e, t, n, r), ht.set(e, t, r, o, s)), s && o && !ht.getPattern(e, t, r) && ht.set(e, t, r, o, s), o;
}
function kt(i) {
  return i ? Array.isArray(i) ? Va(i) : typeof i == "object" && "src" in i ? Ef(i) : i : null;
}
function Ef(i) {
  if (!i.offset || !i.size) return ht.getPattern(i.src, "anonymous", i.color);
  const e = i.src + ":" + i.offset, t = ht.getPattern(e, void 0, i.color);
  if (t) return t;
  const n = ht.get(i.src, "anonymous", null);
  if (n.getImageState() !== K.LOADED) return null;
  const r = Re(i.size[0], i.size[1]);
  return r.drawImage(n.getImage(1), i.offset[0], i.offset[1], i.size[0], i.size[1], 0, 0, i.size[0], i.size[1]), vs(r.canvas, e, void 0, K.LOADED, i.color, !0), ht.getPattern(e, void 0, i.color);
}
const Hr = "ol-hidden", Vs = "ol-unselectable", Wa = "ol-control", Jl = "ol-collapsed", Cf = new RegExp(["^\\s*(?=(?:(?:[-a-z]+\\s*){0,2}(italic|oblique))?)", "(?=(?:(?:[-a-z]+\\s*){0,2}(small-caps))?)", "(?=(?:(?:[-a-z]+\\s*){0,2}(bold(?:er)?|lighter|[1-9]00 ))?)", "(?:(?:normal|\\1|\\2|\\3)\\s*){0,3}((?:xx?-)?", "(?:small|large)|medium|smaller|larger|[\\.\\d]+(?:\\%|in|[cem]m|ex|p[ctx]))", "(?:\\s*\\/\\s*(normal|[\\.\\d]+(?:\\%|in|[cem]m|ex|p[ctx])?))", `?\\s*([-,\\"\\'\\sa-z0-9]+?)\\s*$`].join(""), "i"), Ql = ["style", "variant", "weight", "size", "lineHeight", "family"], na = { normal: 400, bold: 700 }, ia = function(i) {
  const e = i.match(Cf);
  if (!e) return null;
  const t = { lineHeight: "normal", size: "1.2em", style: "normal", weight: "400", variant: "normal" };
  for (let n = 0, r = Ql.length; n < r; ++n) {
    const s = e[n + 1];
    s !== void 0 && (t[Ql[n]] = typeof s == "string" ? s.trim() : s);
  }
  return isNaN(Number(t.weight)) && t.weight in na && (t.weight = na[t.weight]), t.families = t.family.split(/,\s?/).map((n) => n.trim().replace(/^['"]|['"]$/g, "")), t;
}, zc = "10px sans-serif", Je = "#000", Ai = "round", nn = [], rn = 0, Ii = "round", xr = 10, vr = "#000", Er = "center", Es = "middle", Mn = [0, 0, 0, 0], Cr = 1, ui = new $t();
let $i = null, eh;
const ra = {}, Sf = /* @__PURE__ */ new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math", "fangsong"]);
function Tf(i, e, t) {
  return `${i} ${e} 16px "${t}"`;
}
const wf = /* @__PURE__ */ (function() {
  let i, e;
  async function t(r) {
    await e.ready;
    const s = await e.load(r);
    if (s.length === 0) return !1;
    const o = ia(r), a = o.families[0].toLowerCase(), l = o.weight;
    return s.some((h) => {
      const c = h.family.replace(/^['"]|['"]$/g, "").toLowerCase(), u = na[h.weight] || h.weight;
      return c === a && h.style === o.style && u == l;
    });
  }
  async function n() {
    await e.ready;
    let r = !0;
    const s = ui.getProperties(), o = Object.keys(s).filter((a) => s[a] < 100);
    for (let a = o.length - 1; a >= 0; --a) {
      const l = o[a];
      let h = s[l];
      h < 100 && (await t(l) ? (Mi(ra), ui.set(l, 100)) : (h += 10, ui.set(l, h, !0), h < 100 && (r = !1)));
    }
    i = void 0, r || (i = setTimeout(n, 100));
  }
  return async function(r) {
    e || (e = lt ? self.fonts : document.fonts);
    const s = ia(r);
    if (!s) return;
    const o = s.families;
    let a = !1;
    for (const l of o) {
      if (Sf.has(l)) continue;
      const h = Tf(s.style, s.weight, l);
      ui.get(h) === void 0 && (ui.set(h, 0, !0), a = !0);
    }
    a && (clearTimeout(i), i = setTimeout(n, 100));
  };
})(), Rf = /* @__PURE__ */ (function() {
  let i;
  return function(e) {
    let t = ra[e];
    if (t == null) {
      if (lt) {
        const n = ia(e), r = $c(e, "Žg");
        t = (isNaN(Number(n.lineHeight)) ? 1.2 : Number(n.lineHeight)) * (r.actualBoundingBoxAscent + r.actualBoundingBoxDescent);
      } else i || (i = document.createElement("div"), i.innerHTML = "M", i.style.minHeight = "0", i.style.maxHeight = "none", i.style.height = "auto", i.style.padding = "0", i.style.border = "none", i.style.position = "absolute", i.style.display = "block", i.style.left = "-99999px"), i.style.font = e, document.body.appendChild(i), t = i.offsetHeight, document.body.removeChild(i);
      ra[e] = t;
    }
    return t;
  };
})();
function $c(i, e) {
  return $i || ($i = Re(1, 1)), i != eh && ($i.font = i, eh = $i.font), $i.measureText(e);
}
function Vc(i, e) {
  return $c(i, e).width;
}
function th(i, e, t) {
  if (e in t) return t[e];
  const n = e.split(`
`).reduce((r, s) => Math.max(r, Vc(i, s)), 0);
  return t[e] = n, n;
}
function bf(i, e) {
  const t = [], n = [], r = [];
  let s = 0, o = 0, a = 0, l = 0;
  for (let h = 0, c = e.length; h <= c; h += 2) {
    const u = e[h];
    if (u === `
` || h === c) {
      s = Math.max(s, o), r.push(o), o = 0, a += l, l = 0;
      continue;
    }
    const d = e[h + 1] || i.font, g = Vc(d, u);
    t.push(g), o += g;
    const f = Rf(d);
    n.push(f), l = Math.max(l, f);
  }
  return { width: s, height: a, widths: t, heights: n, lineWidths: r };
}
function Pf(i, e, t, n, r, s, o, a, l, h, c) {
  i.save(), t !== 1 && (i.globalAlpha === void 0 ? i.globalAlpha = (u) => u.globalAlpha *= t : i.globalAlpha *= t), e && i.transform.apply(i, e), n.contextInstructions ? (i.translate(l, h), i.scale(c[0], c[1]), Af(n, i)) : c[0] < 0 || c[1] < 0 ? (i.translate(l, h), i.scale(c[0], c[1]), i.drawImage(n, r, s, o, a, 0, 0, o, a)) : i.drawImage(n, r, s, o, a, l, h, o * c[0], a * c[1]), i.restore();
}
function Af(i, e) {
  const t = i.contextInstructions;
  for (let n = 0, r = t.length; n < r; n += 2) Array.isArray(t[n + 1]) ? e[t[n]].apply(e, t[n + 1]) : e[t[n]] = t[n + 1];
}
function nh(i) {
  return i[0] > 0 && i[1] > 0;
}
function If(i, e, t) {
  return t === void 0 && (t = [0, 0]), t[0] = i[0] * e + 0.5 | 0, t[1] = i[1] * e + 0.5 | 0, t;
}
function He(i, e) {
  return Array.isArray(i) ? i : (e === void 0 ? e = [i, i] : (e[0] = i, e[1] = i), e);
}
class Ws {
  constructor(e) {
    this.opacity_ = e.opacity, this.rotateWithView_ = e.rotateWithView, this.rotation_ = e.rotation, this.scale_ = e.scale, this.scaleArray_ = He(e.scale), this.displacement_ = e.displacement, this.declutterMode_ = e.declutterMode;
  }
  clone() {
    const e = this.getScale();
    return new Ws({ opacity: this.getOpacity(), scale: Array.isArray(e) ? e.slice() : e, rotation: this.getRotation(), rotateWithView: this.getRotateWithView(), displacement: this.getDisplacement().slice(), declutterMode: this.getDeclutterMode() });
  }
  getOpacity() {
    return this.opacity_;
  }
  getRotateWithView() {
    return this.rotateWithView_;
  }
  getRotation() {
    return this.rotation_;
  }
  getScale() {
    return this.scale_;
  }
  getScaleArray() {
    return this.scaleArray_;
  }
  getDisplacement() {
    return this.displacement_;
  }
  getDeclutterMode() {
    return this.declutterMode_;
  }
  getAnchor() {
    return X();
  }
  getImage(e) {
    return X();
  }
  getHitDetectionImage() {
    return X();
  }
  getPixelRatio(e) {
    return 1;
  }
  getImageState() {
    return X();
  }
  getImageSize() {
    return X();
  }
  getOrigin() {
    return X();
  }
  getSize() {
    return X();
  }
  setDisplacement(e) {
    this.displacement_ = e;
  }
  setOpacity(e) {
    this.opacity_ = e;
  }
  setRotateWithView(e) {
    this.rotateWithView_ = e;
  }
  setRotation(e) {
    this.rotation_ = e;
  }
  setScale(e) {
    this.scale_ = e, this.scaleArray_ = He(e);
  }
  listenImageChange(e) {
    X();
  }
  load() {
    X();
  }
  unlistenImageChange(e) {
    X();
  }
  ready() {
    return Promise.resolve();
  }
}
class js extends Ws {
  constructor(e) {
    super({ opacity: 1, rotateWithView: e.rotateWithView !== void 0 ? e.rotateWithView : !1, rotation: e.rotation !== void 0 ? e.rotation : 0, scale: e.scale !== void 0 ? e.scale : 1, displacement: e.displacement !== void 0 ? e.displacement : [0, 0], declutterMode: e.declutterMode }), this.hitDetectionCanvas_ = null, this.fill_ = e.fill !== void 0 ? e.fill : null, this.origin_ = [0, 0], this.points_ = e.points, this.radius = e.radius, this.radius2_ = e.radius2, this.angle_ = e.angle !== void 0 ? e.angle : 0, this.stroke_ = e.stroke !== void 0 ? e.stroke : null, this.size_, this.renderOptions_, this.imageState_ = this.fill_ && this.fill_.loading() ? K.LOADING : K.LOADED, this.imageState_ === K.LOADING && this.ready().then(() => this.imageState_ = K.LOADED), this.render();
  }
  clone() {
    const e = this.getScale(), t = new js({ fill: this.getFill() ? this.getFill().clone() : void 0, points: this.getPoints(), radius: this.getRadius(), radius2: this.getRadius2(), angle: this.getAngle(), stroke: this.getStroke() ? this.getStroke().clone() : void 0, rotation: this.getRotation(), rotateWithView: this.getRotateWithView(), scale: Array.isArray(e) ? e.slice() : e, displacement: this.getDisplacement().slice(), declutterMode: this.getDeclutterMode() });
    return t.setOpacity(this.getOpacity()), t;
  }
  getAnchor() {
    const e = this.size_, t = this.getDisplacement(), n = this.getScaleArray();
    return [e[0] / 2 - t[0] / n[0], e[1] / 2 + t[1] / n[1]];
  }
  getAngle() {
    return this.angle_;
  }
  getFill() {
    return this.fill_;
  }
  setFill(e) {
    this.fill_ = e, this.render();
  }
  getHitDetectionImage() {
    return this.hitDetectionCanvas_ || (this.hitDetectionCanvas_ = this.createHitDetectionCanvas_(this.renderOptions_)), this.hitDetectionCanvas_;
  }
  getImage(e) {
    const t = this.fill_?.getKey(), n = `${e},${this.angle_},${this.radius},${this.radius2_},${this.points_},${t}` + Object.values(this.renderOptions_).join(",");
    let r = ht.get(n, null, null)?.getImage(1);
    if (!r) {
      const s = this.renderOptions_, o = Math.ceil(s.size * e), a = Re(o, o);
      this.draw_(s, a, e), r = a.canvas, ht.set(n, null, null, new Uc(r, void 0, null, K.LOADED, null));
    }
    return r;
  }
  getPixelRatio(e) {
    return e;
  }
  getImageSize() {
    return this.size_;
  }
  getImageState() {
    return this.imageState_;
  }
  getOrigin() {
    return this.origin_;
  }
  getPoints() {
    return this.points_;
  }
  getRadius() {
    return this.radius;
  }
  getRadius2() {
    return this.radius2_;
  }
  getSize() {
    return this.size_;
  }
  getStroke() {
    return this.stroke_;
  }
  setStroke(e) {
    this.stroke_ = e, this.render();
  }
  listenImageChange(e) {
  }
  load() {
  }
  unlistenImageChange(e) {
  }
  calculateLineJoinSize_(e, t, n) {
    if (t === 0 || this.points_ === 1 / 0 || e !== "bevel" && e !== "miter") return t;
    let r = this.radius, s = this.radius2_ === void 0 ? r : this.radius2_;
    if (r < s) {
      const v = r;
      r = s, s = v;
    }
    const o = this.radius2_ === void 0 ? this.points_ : this.points_ * 2, a = 2 * Math.PI / o, l = s * Math.sin(a), h = Math.sqrt(s * s - l * l), c = r - h, u = Math.sqrt(l * l + c * c), d = u / l;
    if (e === "miter" && d <= n) return d * t;
    const g = t / 2 / d, f = t / 2 * (c / u), p = Math.sqrt((r + g) * (r + g) + f * f) - r;
    if (this.radius2_ === void 0 || e === "bevel") return p * 2;
    const _ = r * Math.sin(a), y = Math.sqrt(r * r - _ * _), x = s - y, E = Math.sqrt(_ * _ + x * x) / _;
    if (E <= n) {
      const v = E * t / 2 - s - r;
      return 2 * Math.max(p, v);
    }
    return p * 2;
  }
  createRenderOptions() {
    let e = Ai, t = Ii, n = 0, r = null, s = 0, o, a = 0;
    this.stroke_ && (o = kt(this.stroke_.getColor() ?? vr), a = this.stroke_.getWidth() ?? Cr, r = this.stroke_.getLineDash(), s = this.stroke_.getLineDashOffset() ?? 0, t = this.stroke_.getLineJoin() ?? Ii, e = this.stroke_.getLineCap() ?? Ai, n = this.stroke_.getMiterLimit() ?? xr);
    const l = this.calculateLineJoinSize_(t, a, n), h = Math.max(this.radius, this.radius2_ || 0), c = Math.ceil(2 * h + l);
    return { strokeStyle: o, strokeWidth: a, size: c, lineCap: e, lineDash: r, lineDashOffset: s, lineJoin: t, miterLimit: n };
  }
  render() {
    this.renderOptions_ = this.createRenderOptions();
    const e = this.renderOptions_.size;
    this.hitDetectionCanvas_ = null, this.size_ = [e, e];
  }
  draw_(e, t, n) {
    if (t.scale(n, n), t.translate(e.size / 2, e.size / 2), this.createPath_(t), this.fill_) {
      let r = this.fill_.getColor();
      r === null && (r = Je), t.fillStyle = kt(r), t.fill();
    }
    e.strokeStyle && (t.strokeStyle = e.strokeStyle, t.lineWidth = e.strokeWidth, e.lineDash && (t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset), t.lineCap = e.lineCap, t.lineJoin = e.lineJoin, t.miterLimit = e.miterLimit, t.stroke());
  }
  createHitDetectionCanvas_(e) {
    let t;
    if (this.fill_) {
      let n = this.fill_.getColor(), r = 0;
      typeof n == "string" && (n = Rt(n)), n === null ? r = 1 : Array.isArray(n) && (r = n.length === 4 ? n[3] : 1), r === 0 && (t = Re(e.size, e.size), this.drawHitDetectionCanvas_(e, t));
    }
    return t ? t.canvas : this.getImage(1);
  }
  createPath_(e) {
    let t = this.points_;
    const n = this.radius;
    if (t === 1 / 0) e.arc(0, 0, n, 0, 2 * Math.PI);
    else {
      const r = this.radius2_ === void 0 ? n : this.radius2_;
      this.radius2_ !== void 0 && (t *= 2);
      const s = this.angle_ - Math.PI / 2, o = 2 * Math.PI / t;
      for (let a = 0; a < t; a++) {
        const l = s + a * o, h = a % 2 === 0 ? n : r;
        e.lineTo(h * Math.cos(l), h * Math.sin(l));
      }
      e.closePath();
    }
  }
  drawHitDetectionCanvas_(e, t) {
    t.translate(e.size / 2, e.size / 2), this.createPath_(t), t.fillStyle = Je, t.fill(), e.strokeStyle && (t.strokeStyle = e.strokeStyle, t.lineWidth = e.strokeWidth, e.lineDash && (t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset), t.lineJoin = e.lineJoin, t.miterLimit = e.miterLimit, t.stroke());
  }
  ready() {
    return this.fill_ ? this.fill_.ready() : Promise.resolve();
  }
}
class Sn extends js {
  constructor(e) {
    e = e || { radius: 5 }, super({ points: 1 / 0, fill: e.fill, radius: e.radius, stroke: e.stroke, scale: e.scale !== void 0 ? e.scale : 1, rotation: e.rotation !== void 0 ? e.rotation : 0, rotateWithView: e.rotateWithView !== void 0 ? e.rotateWithView : !1, displacement: e.displacement !== void 0 ? e.displacement : [0, 0], declutterMode: e.declutterMode });
  }
  clone() {
    const e = this.getScale(), t = new Sn({ fill: this.getFill() ? this.getFill().clone() : void 0, stroke: this.getStroke() ? this.getStroke().clone() : void 0, radius: this.getRadius(), scale: Array.isArray(e) ? e.slice() : e, rotation: this.getRotation(), rotateWithView: this.getRotateWithView(), displacement: this.getDisplacement().slice(), declutterMode: this.getDeclutterMode() });
    return t.setOpacity(this.getOpacity()), t;
  }
  setRadius(e) {
    this.radius = e, this.render();
  }
}
class vt {
  constructor(e) {
    e = e || {}, this.patternImage_ = null, this.color_ = null, e.color !== void 0 && this.setColor(e.color);
  }
  clone() {
    const e = this.getColor();
    return new vt({ color: Array.isArray(e) ? e.slice() : e || void 0 });
  }
  getColor() {
    return this.color_;
  }
  setColor(e) {
    if (e !== null && typeof e == "object" && "src" in e) {
      const t = vs(null, e.src, "anonymous", void 0, e.offset ? null : e.color ? e.color : null, !(e.offset && e.size));
      t.ready().then(() => {
        this.patternImage_ = null;
      }), t.getImageState() === K.IDLE && t.load(), t.getImageState() === K.LOADING && (this.patternImage_ = t);
    }
    this.color_ = e;
  }
  getKey() {
    const e = this.getColor();
    return e ? e instanceof CanvasPattern || e instanceof CanvasGradient ? z(e) : typeof e == "object" && "src" in e ? e.src + ":" + e.offset : Rt(e).toString() : "";
  }
  loading() {
    return !!this.patternImage_;
  }
  ready() {
    return this.patternImage_ ? this.patternImage_.ready() : Promise.resolve();
  }
}
function ih(i, e, t, n) {
  return t !== void 0 && n !== void 0 ? [t / i, n / e] : t !== void 0 ? t / i : n !== void 0 ? n / e : 1;
}
class Xs extends Ws {
  constructor(e) {
    e = e || {};
    const t = e.opacity !== void 0 ? e.opacity : 1, n = e.rotation !== void 0 ? e.rotation : 0, r = e.scale !== void 0 ? e.scale : 1, s = e.rotateWithView !== void 0 ? e.rotateWithView : !1;
    super({ opacity: t, rotation: n, scale: r, displacement: e.displacement !== void 0 ? e.displacement : [0, 0], rotateWithView: s, declutterMode: e.declutterMode }), this.anchor_ = e.anchor !== void 0 ? e.anchor : [0.5, 0.5], this.normalizedAnchor_ = null, this.anchorOrigin_ = e.anchorOrigin !== void 0 ? e.anchorOrigin : "top-left", this.anchorXUnits_ = e.anchorXUnits !== void 0 ? e.anchorXUnits : "fraction", this.anchorYUnits_ = e.anchorYUnits !== void 0 ? e.anchorYUnits : "fraction", this.crossOrigin_ = e.crossOrigin !== void 0 ? e.crossOrigin : null;
    const o = e.img !== void 0 ? e.img : null;
    let a = e.src;
    ne(!(a !== void 0 && o), "`image` and `src` cannot be provided at the same time"), (a === void 0 || a.length === 0) && o && (a = o.src || z(o)), ne(a !== void 0 && a.length > 0, "A defined and non-empty `src` or `image` must be provided"), ne(!((e.width !== void 0 || e.height !== void 0) && e.scale !== void 0), "`width` or `height` cannot be provided together with `scale`");
    let l;
    if (e.src !== void 0 ? l = K.IDLE : o !== void 0 && ("complete" in o ? o.complete ? l = o.src ? K.LOADED : K.IDLE : l = K.LOADING : l = K.LOADED), this.color_ = e.color !== void 0 ? Rt(e.color) : null, this.iconImage_ = vs(o, a, this.crossOrigin_, l, this.color_), this.offset_ = e.offset !== void 0 ? e.offset : [0, 0], this.offsetOrigin_ = e.offsetOrigin !== void 0 ? e.offsetOrigin : "top-left", this.origin_ = null, this.size_ = e.size !== void 0 ? e.size : null, this.initialOptions_, e.width !== void 0 || e.height !== void 0) {
      let h, c;
      if (e.size) [h, c] = e.size;
      else {
        const u = this.getImage(1);
        if (u.width && u.height) h = u.width, c = u.height;
        else if (u instanceof HTMLImageElement) {
          this.initialOptions_ = e;
          const d = () => {
            if (this.unlistenImageChange(d), !this.initialOptions_) return;
            const g = this.iconImage_.getSize();
            this.setScale(ih(g[0], g[1], e.width, e.height));
          };
          this.listenImageChange(d);
          return;
        }
      }
      h !== void 0 && this.setScale(ih(h, c, e.width, e.height));
    }
  }
  clone() {
    let e, t, n;
    return this.initialOptions_ ? (t = this.initialOptions_.width, n = this.initialOptions_.height) : (e = this.getScale(), e = Array.isArray(e) ? e.slice() : e), new Xs({ anchor: this.anchor_.slice(), anchorOrigin: this.anchorOrigin_, anchorXUnits: this.anchorXUnits_, anchorYUnits: this.anchorYUnits_, color: this.color_ && this.color_.slice ? this.color_.slice() : this.color_ || void 0, crossOrigin: this.crossOrigin_, offset: this.offset_.slice(), offsetOrigin: this.offsetOrigin_, opacity: this.getOpacity(), rotateWithView: this.getRotateWithView(), rotation: this.getRotation(), scale: e, width: t, height: n, size: this.size_ !== null ? this.size_.slice() : void 0, src: this.getSrc(), displacement: this.getDisplacement().slice(), declutterMode: this.getDeclutterMode() });
  }
  getAnchor() {
    let e = this.normalizedAnchor_;
    if (!e) {
      e = this.anchor_;
      const r = this.getSize();
      if (this.anchorXUnits_ == "fraction" || this.anchorYUnits_ == "fraction") {
        if (!r) return null;
        e = this.anchor_.slice(), this.anchorXUnits_ == "fraction" && (e[0] *= r[0]), this.anchorYUnits_ == "fraction" && (e[1] *= r[1]);
      }
      if (this.anchorOrigin_ != "top-left") {
        if (!r) return null;
        e === this.anchor_ && (e = this.anchor_.slice()), (this.anchorOrigin_ == "top-right" || this.anchorOrigin_ == "bottom-right") && (e[0] = -e[0] + r[0]), (this.anchorOrigin_ == "bottom-left" || this.anchorOrigin_ == "bottom-right") && (e[1] = -e[1] + r[1]);
      }
      this.normalizedAnchor_ = e;
    }
    const t = this.getDisplacement(), n = this.getScaleArray();
    return [e[0] - t[0] / n[0], e[1] + t[1] / n[1]];
  }
  setAnchor(e) {
    this.anchor_ = e, this.normalizedAnchor_ = null;
  }
  getColor() {
    return this.color_;
  }
  getImage(e) {
    return this.iconImage_.getImage(e);
  }
  getPixelRatio(e) {
    return this.iconImage_.getPixelRatio(e);
  }
  getImageSize() {
    return this.iconImage_.getSize();
  }
  getImageState() {
    return this.iconImage_.getImageState();
  }
  getHitDetectionImage() {
    return this.iconImage_.getHitDetectionImage();
  }
  getOrigin() {
    if (this.origin_) return this.origin_;
    let e = this.offset_;
    if (this.offsetOrigin_ != "top-left") {
      const t = this.getSize(), n = this.iconImage_.getSize();
      if (!t || !n) return null;
      e = e.slice(), (this.offsetOrigin_ == "top-right" || this.offsetOrigin_ == "bottom-right") && (e[0] = n[0] - t[0] - e[0]), (this.offsetOrigin_ == "bottom-left" || this.offsetOrigin_ == "bottom-right") && (e[1] = n[1] - t[1] - e[1]);
    }
    return this.origin_ = e, this.origin_;
  }
  getSrc() {
    return this.iconImage_.getSrc();
  }
  setSrc(e) {
    this.iconImage_ = vs(null, e, this.crossOrigin_, K.IDLE, this.color_);
  }
  getSize() {
    return this.size_ ? this.size_ : this.iconImage_.getSize();
  }
  getWidth() {
    const e = this.getScaleArray();
    if (this.size_) return this.size_[0] * e[0];
    if (this.iconImage_.getImageState() == K.LOADED) return this.iconImage_.getSize()[0] * e[0];
  }
  getHeight() {
    const e = this.getScaleArray();
    if (this.size_) return this.size_[1] * e[1];
    if (this.iconImage_.getImageState() == K.LOADED) return this.iconImage_.getSize()[1] * e[1];
  }
  setScale(e) {
    delete this.initialOptions_, super.setScale(e);
  }
  listenImageChange(e) {
    this.iconImage_.addEventListener(Y.CHANGE, e);
  }
  load() {
    this.iconImage_.load();
  }
  unlistenImageChange(e) {
    this.iconImage_.removeEventListener(Y.CHANGE, e);
  }
  ready() {
    return this.iconImage_.ready();
  }
}
class Tt {
  constructor(e) {
    e = e || {}, this.color_ = e.color !== void 0 ? e.color : null, this.lineCap_ = e.lineCap, this.lineDash_ = e.lineDash !== void 0 ? e.lineDash : null, this.lineDashOffset_ = e.lineDashOffset, this.lineJoin_ = e.lineJoin, this.miterLimit_ = e.miterLimit, this.width_ = e.width;
  }
  clone() {
    const e = this.getColor();
    return new Tt({ color: Array.isArray(e) ? e.slice() : e || void 0, lineCap: this.getLineCap(), lineDash: this.getLineDash() ? this.getLineDash().slice() : void 0, lineDashOffset: this.getLineDashOffset(), lineJoin: this.getLineJoin(), miterLimit: this.getMiterLimit(), width: this.getWidth() });
  }
  getColor() {
    return this.color_;
  }
  getLineCap() {
    return this.lineCap_;
  }
  getLineDash() {
    return this.lineDash_;
  }
  getLineDashOffset() {
    return this.lineDashOffset_;
  }
  getLineJoin() {
    return this.lineJoin_;
  }
  getMiterLimit() {
    return this.miterLimit_;
  }
  getWidth() {
    return this.width_;
  }
  setColor(e) {
    this.color_ = e;
  }
  setLineCap(e) {
    this.lineCap_ = e;
  }
  setLineDash(e) {
    this.lineDash_ = e;
  }
  setLineDashOffset(e) {
    this.lineDashOffset_ = e;
  }
  setLineJoin(e) {
    this.lineJoin_ = e;
  }
  setMiterLimit(e) {
    this.miterLimit_ = e;
  }
  setWidth(e) {
    this.width_ = e;
  }
}
class Me {
  constructor(e) {
    e = e || {}, this.geometry_ = null, this.geometryFunction_ = rh, e.geometry !== void 0 && this.setGeometry(e.geometry), this.fill_ = e.fill !== void 0 ? e.fill : null, this.image_ = e.image !== void 0 ? e.image : null, this.renderer_ = e.renderer !== void 0 ? e.renderer : null, this.hitDetectionRenderer_ = e.hitDetectionRenderer !== void 0 ? e.hitDetectionRenderer : null, this.stroke_ = e.stroke !== void 0 ? e.stroke : null, this.text_ = e.text !== void 0 ? e.text : null, this.zIndex_ = e.zIndex;
  }
  clone() {
    let e = this.getGeometry();
    return e && typeof e == "object" && (e = e.clone()), new Me({ geometry: e ?? void 0, fill: this.getFill() ? this.getFill().clone() : void 0, image: this.getImage() ? this.getImage().clone() : void 0, renderer: this.getRenderer() ?? void 0, stroke: this.getStroke() ? this.getStroke().clone() : void 0, text: this.getText() ? this.getText().clone() : void 0, zIndex: this.getZIndex() });
  }
  getRenderer() {
    return this.renderer_;
  }
  setRenderer(e) {
    this.renderer_ = e;
  }
  setHitDetectionRenderer(e) {
    this.hitDetectionRenderer_ = e;
  }
  getHitDetectionRenderer() {
    return this.hitDetectionRenderer_;
  }
  getGeometry() {
    return this.geometry_;
  }
  getGeometryFunction() {
    return this.geometryFunction_;
  }
  getFill() {
    return this.fill_;
  }
  setFill(e) {
    this.fill_ = e;
  }
  getImage() {
    return this.image_;
  }
  setImage(e) {
    this.image_ = e;
  }
  getStroke() {
    return this.stroke_;
  }
  setStroke(e) {
    this.stroke_ = e;
  }
  getText() {
    return this.text_;
  }
  setText(e) {
    this.text_ = e;
  }
  getZIndex() {
    return this.zIndex_;
  }
  setGeometry(e) {
    typeof e == "function" ? this.geometryFunction_ = e : typeof e == "string" ? this.geometryFunction_ = function(t) {
      return t.get(e);
    } : e ? e !== void 0 && (this.geometryFunction_ = function() {
      return e;
    }) : this.geometryFunction_ = rh, this.geometry_ = e;
  }
  setZIndex(e) {
    this.zIndex_ = e;
  }
}
function Ff(i) {
  let e;
  if (typeof i == "function") e = i;
  else {
    let t;
    Array.isArray(i) ? t = i : (ne(typeof i.getZIndex == "function", "Expected an `Style` or an array of `Style`"), t = [i]), e = function() {
      return t;
    };
  }
  return e;
}
let po = null;
function Wc(i, e) {
  if (!po) {
    const t = new vt({ color: "rgba(255,255,255,0.4)" }), n = new Tt({ color: "#3399CC", width: 1.25 });
    po = [new Me({ image: new Sn({ fill: t, stroke: n, radius: 5 }), fill: t, stroke: n })];
  }
  return po;
}
function Lf() {
  const i = {}, e = [255, 255, 255, 1], t = [0, 153, 255, 1], n = 3;
  return i.Polygon = [new Me({ fill: new vt({ color: [255, 255, 255, 0.5] }) })], i.MultiPolygon = i.Polygon, i.LineString = [new Me({ stroke: new Tt({ color: e, width: n + 2 }) }), new Me({ stroke: new Tt({ color: t, width: n }) })], i.MultiLineString = i.LineString, i.Circle = i.Polygon.concat(i.LineString), i.Point = [new Me({ image: new Sn({ radius: n * 2, fill: new vt({ color: t }), stroke: new Tt({ color: e, width: n / 2 }) }), zIndex: 1 / 0 })], i.MultiPoint = i.Point, i.GeometryCollection = i.Polygon.concat(i.LineString, i.Point), i;
}
function rh(i) {
  return i.getGeometry();
}
const Mf = "#333";
class ja {
  constructor(e) {
    e = e || {}, this.font_ = e.font, this.rotation_ = e.rotation, this.rotateWithView_ = e.rotateWithView, this.keepUpright_ = e.keepUpright, this.scale_ = e.scale, this.scaleArray_ = He(e.scale !== void 0 ? e.scale : 1), this.text_ = e.text, this.textAlign_ = e.textAlign, this.justify_ = e.justify, this.repeat_ = e.repeat, this.textBaseline_ = e.textBaseline, this.fill_ = e.fill !== void 0 ? e.fill : new vt({ color: Mf }), this.maxAngle_ = e.maxAngle !== void 0 ? e.maxAngle : Math.PI / 4, this.placement_ = e.placement !== void 0 ? e.placement : "point", this.overflow_ = !!e.overflow, this.stroke_ = e.stroke !== void 0 ? e.stroke : null, this.offsetX_ = e.offsetX !== void 0 ? e.offsetX : 0, this.offsetY_ = e.offsetY !== void 0 ? e.offsetY : 0, this.backgroundFill_ = e.backgroundFill ? e.backgroundFill : null, this.backgroundStroke_ = e.backgroundStroke ? e.backgroundStroke : null, this.padding_ = e.padding === void 0 ? null : e.padding, this.declutterMode_ = e.declutterMode;
  }
  clone() {
    const e = this.getScale();
    return new ja({ font: this.getFont(), placement: this.getPlacement(), repeat: this.getRepeat(), maxAngle: this.getMaxAngle(), overflow: this.getOverflow(), rotation: this.getRotation(), rotateWithView: this.getRotateWithView(), keepUpright: this.getKeepUpright(), scale: Array.isArray(e) ? e.slice() : e, text: this.getText(), textAlign: this.getTextAlign(), justify: this.getJustify(), textBaseline: this.getTextBaseline(), fill: this.getFill() instanceof vt ? this.getFill().clone() : this.getFill(), stroke: this.getStroke() ? this.getStroke().clone() : void 0, offsetX: this.getOffsetX(), offsetY: this.getOffsetY(), backgroundFill: this.getBackgroundFill() ? this.getBackgroundFill().clone() : void 0, backgroundStroke: this.getBackgroundStroke() ? this.getBackgroundStroke().clone() : void 0, padding: this.getPadding() || void 0, declutterMode: this.getDeclutterMode() });
  }
  getOverflow() {
    return this.overflow_;
  }
  getFont() {
    return this.font_;
  }
  getMaxAngle() {
    return this.maxAngle_;
  }
  getPlacement() {
    return this.placement_;
  }
  getRepeat() {
    return this.repeat_;
  }
  getOffsetX() {
    return this.offsetX_;
  }
  getOffsetY() {
    return this.offsetY_;
  }
  getFill() {
    return this.fill_;
  }
  getRotateWithView() {
    return this.rotateWithView_;
  }
  getKeepUpright() {
    return this.keepUpright_;
  }
  getRotation() {
    return this.rotation_;
  }
  getScale() {
    return this.scale_;
  }
  getScaleArray() {
    return this.scaleArray_;
  }
  getStroke() {
    return this.stroke_;
  }
  getText() {
    return this.text_;
  }
  getTextAlign() {
    return this.textAlign_;
  }
  getJustify() {
    return this.justify_;
  }
  getTextBaseline() {
    return this.textBaseline_;
  }
  getBackgroundFill() {
    return this.backgroundFill_;
  }
  getBackgroundStroke() {
    return this.backgroundStroke_;
  }
  getPadding() {
    return this.padding_;
  }
  getDeclutterMode() {
    return this.declutterMode_;
  }
  setOverflow(e) {
    this.overflow_ = e;
  }
  setFont(e) {
    this.font_ = e;
  }
  setMaxAngle(e) {
    this.maxAngle_ = e;
  }
  setOffsetX(e) {
    this.offsetX_ = e;
  }
  setOffsetY(e) {
    this.offsetY_ = e;
  }
  setPlacement(e) {
    this.placement_ = e;
  }
  setRepeat(e) {
    this.repeat_ = e;
  }
  setRotateWithView(e) {
    this.rotateWithView_ = e;
  }
  setKeepUpright(e) {
    this.keepUpright_ = e;
  }
  setFill(e) {
    this.fill_ = e;
  }
  setRotation(e) {
    this.rotation_ = e;
  }
  setScale(e) {
    this.scale_ = e, this.scaleArray_ = He(e !== void 0 ? e : 1);
  }
  setStroke(e) {
    this.stroke_ = e;
  }
  setText(e) {
    this.text_ = e;
  }
  setTextAlign(e) {
    this.textAlign_ = e;
  }
  setJustify(e) {
    this.justify_ = e;
  }
  setTextBaseline(e) {
    this.textBaseline_ = e;
  }
  setBackgroundFill(e) {
    this.backgroundFill_ = e;
  }
  setBackgroundStroke(e) {
    this.backgroundStroke_ = e;
  }
  setPadding(e) {
    this.padding_ = e;
  }
}
const Df = "data:image/svg+xml,%3csvg%20width='86'%20height='84'%20viewBox='0%200%2086%2084'%20fill='none'%20xmlns='http://www.w3.org/2000/svg'%3e%3cg%20clip-path='url(%23clip0_3080_8764)'%3e%3cg%20filter='url(%23filter0_d_3080_8764)'%3e%3cpath%20d='M43.0003%207C29.1328%207%2017.917%2017.955%2017.917%2031.5C17.917%2049.875%2043.0003%2077%2043.0003%2077C43.0003%2077%2068.0837%2049.875%2068.0837%2031.5C68.0837%2017.955%2056.8678%207%2043.0003%207ZM43.0003%2040.25C38.0553%2040.25%2034.042%2036.33%2034.042%2031.5C34.042%2026.67%2038.0553%2022.75%2043.0003%2022.75C47.9453%2022.75%2051.9587%2026.67%2051.9587%2031.5C51.9587%2036.33%2047.9453%2040.25%2043.0003%2040.25Z'%20fill='%233E9FCC'/%3e%3c/g%3e%3ccircle%20cx='43'%20cy='32'%20r='10'%20fill='%23E9F8FF'/%3e%3c/g%3e%3cdefs%3e%3cfilter%20id='filter0_d_3080_8764'%20x='13.917'%20y='7'%20width='58.167'%20height='78'%20filterUnits='userSpaceOnUse'%20color-interpolation-filters='sRGB'%3e%3cfeFlood%20flood-opacity='0'%20result='BackgroundImageFix'/%3e%3cfeColorMatrix%20in='SourceAlpha'%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%20127%200'%20result='hardAlpha'/%3e%3cfeOffset%20dy='4'/%3e%3cfeGaussianBlur%20stdDeviation='2'/%3e%3cfeComposite%20in2='hardAlpha'%20operator='out'/%3e%3cfeColorMatrix%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200.25%200'/%3e%3cfeBlend%20mode='normal'%20in2='BackgroundImageFix'%20result='effect1_dropShadow_3080_8764'/%3e%3cfeBlend%20mode='normal'%20in='SourceGraphic'%20in2='effect1_dropShadow_3080_8764'%20result='shape'/%3e%3c/filter%3e%3cclipPath%20id='clip0_3080_8764'%3e%3crect%20width='86'%20height='84'%20fill='white'/%3e%3c/clipPath%3e%3c/defs%3e%3c/svg%3e", jc = "data:image/svg+xml,%3csvg%20width='86'%20height='84'%20viewBox='0%200%2086%2084'%20fill='none'%20xmlns='http://www.w3.org/2000/svg'%3e%3cg%20clip-path='url(%23clip0_3080_8764)'%3e%3cg%20filter='url(%23filter0_d_3080_8764)'%3e%3cpath%20d='M43.0003%207C29.1328%207%2017.917%2017.955%2017.917%2031.5C17.917%2049.875%2043.0003%2077%2043.0003%2077C43.0003%2077%2068.0837%2049.875%2068.0837%2031.5C68.0837%2017.955%2056.8678%207%2043.0003%207ZM43.0003%2040.25C38.0553%2040.25%2034.042%2036.33%2034.042%2031.5C34.042%2026.67%2038.0553%2022.75%2043.0003%2022.75C47.9453%2022.75%2051.9587%2026.67%2051.9587%2031.5C51.9587%2036.33%2047.9453%2040.25%2043.0003%2040.25Z'%20fill='%2322C55E'/%3e%3c/g%3e%3ccircle%20cx='43'%20cy='32'%20r='10'%20fill='%23E9F8FF'/%3e%3c/g%3e%3cdefs%3e%3cfilter%20id='filter0_d_3080_8764'%20x='13.917'%20y='7'%20width='58.167'%20height='78'%20filterUnits='userSpaceOnUse'%20color-interpolation-filters='sRGB'%3e%3cfeFlood%20flood-opacity='0'%20result='BackgroundImageFix'/%3e%3cfeColorMatrix%20in='SourceAlpha'%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%20127%200'%20result='hardAlpha'/%3e%3cfeOffset%20dy='4'/%3e%3cfeGaussianBlur%20stdDeviation='2'/%3e%3cfeComposite%20in2='hardAlpha'%20operator='out'/%3e%3cfeColorMatrix%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200.25%200'/%3e%3cfeBlend%20mode='normal'%20in2='BackgroundImageFix'%20result='effect1_dropShadow_3080_8764'/%3e%3cfeBlend%20mode='normal'%20in='SourceGraphic'%20in2='effect1_dropShadow_3080_8764'%20result='shape'/%3e%3c/filter%3e%3cclipPath%20id='clip0_3080_8764'%3e%3crect%20width='86'%20height='84'%20fill='white'/%3e%3c/clipPath%3e%3c/defs%3e%3c/svg%3e", ze = { ADD: "add", REMOVE: "remove" }, sh = { LENGTH: "length" };
class Kr extends Pt {
  constructor(e, t, n) {
    super(e), this.element = t, this.index = n;
  }
}
class Ne extends $t {
  constructor(e, t) {
    if (super(), this.on, this.once, this.un, t = t || {}, this.unique_ = !!t.unique, this.array_ = e ?? [], this.unique_) for (let n = 1, r = this.array_.length; n < r; ++n) this.assertUnique_(this.array_[n], n);
    this.updateLength_();
  }
  clear() {
    for (; this.getLength() > 0; ) this.pop();
  }
  extend(e) {
    for (let t = 0, n = e.length; t < n; ++t) this.push(e[t]);
    return this;
  }
  forEach(e) {
    const t = this.array_;
    for (let n = 0, r = t.length; n < r; ++n) e(t[n], n, t);
  }
  getArray() {
    return this.array_;
  }
  item(e) {
    return this.array_[e];
  }
  getLength() {
    return this.get(sh.LENGTH);
  }
  insertAt(e, t) {
    if (e < 0 || e > this.getLength()) throw new Error("Index out of bounds: " + e);
    this.unique_ && this.assertUnique_(t), this.array_.splice(e, 0, t), this.updateLength_(), this.dispatchEvent(new Kr(ze.ADD, t, e));
  }
  pop() {
    return this.removeAt(this.getLength() - 1);
  }
  push(e) {
    const t = this.getLength();
    return this.insertAt(t, e), this.getLength();
  }
  remove(e) {
    const t = this.array_;
    for (let n = 0, r = t.length; n < r; ++n) if (t[n] === e) return this.removeAt(n);
  }
  removeAt(e) {
    if (e < 0 || e >= this.getLength()) return;
    const t = this.array_[e];
    return this.array_.splice(e, 1), this.updateLength_(), this.dispatchEvent(new Kr(ze.REMOVE, t, e)), t;
  }
  setAt(e, t) {
    const n = this.getLength();
    if (e >= n) {
      this.insertAt(e, t);
      return;
    }
    if (e < 0) throw new Error("Index out of bounds: " + e);
    this.unique_ && this.assertUnique_(t, e);
    const r = this.array_[e];
    this.array_[e] = t, this.dispatchEvent(new Kr(ze.REMOVE, r, e)), this.dispatchEvent(new Kr(ze.ADD, t, e));
  }
  updateLength_() {
    this.set(sh.LENGTH, this.array_.length);
  }
  assertUnique_(e, t) {
    const n = this.array_;
    for (let r = 0, s = n.length; r < s; ++r) if (n[r] === e && r !== t) throw new Error("Duplicate item added to a unique collection");
  }
}
class nt extends $t {
  constructor(e) {
    if (super(), this.on, this.once, this.un, this.id_ = void 0, this.geometryName_ = "geometry", this.style_ = null, this.styleFunction_ = void 0, this.geometryChangeKey_ = null, this.addChangeListener(this.geometryName_, this.handleGeometryChanged_), e) if (typeof e.getSimplifiedGeometry == "function") {
      const t = e;
      this.setGeometry(t);
    } else {
      const t = e;
      this.setProperties(t);
    }
  }
  clone() {
    const e = new nt(this.hasProperties() ? this.getProperties() : null);
    e.setGeometryName(this.getGeometryName());
    const t = this.getGeometry();
    t && e.setGeometry(t.clone());
    const n = this.getStyle();
    return n && e.setStyle(n), e;
  }
  getGeometry() {
    return this.get(this.geometryName_);
  }
  getId() {
    return this.id_;
  }
  getGeometryName() {
    return this.geometryName_;
  }
  getStyle() {
    return this.style_;
  }
  getStyleFunction() {
    return this.styleFunction_;
  }
  handleGeometryChange_() {
    this.changed();
  }
  handleGeometryChanged_() {
    this.geometryChangeKey_ && (he(this.geometryChangeKey_), this.geometryChangeKey_ = null);
    const e = this.getGeometry();
    e && (this.geometryChangeKey_ = ee(e, Y.CHANGE, this.handleGeometryChange_, this)), this.changed();
  }
  setGeometry(e) {
    this.set(this.geometryName_, e);
  }
  setStyle(e) {
    this.style_ = e, this.styleFunction_ = e ? Of(e) : void 0, this.changed();
  }
  setId(e) {
    this.id_ = e, this.changed();
  }
  setGeometryName(e) {
    this.removeChangeListener(this.geometryName_, this.handleGeometryChanged_), this.geometryName_ = e, this.addChangeListener(this.geometryName_, this.handleGeometryChanged_), this.handleGeometryChanged_();
  }
}
function Of(i) {
  if (typeof i == "function") return i;
  let e;
  return Array.isArray(i) ? e = i : (ne(typeof i.getZIndex == "function", "Expected an `ol/style/Style` or an array of `ol/style/Style.js`"), e = [i]), function() {
    return e;
  };
}
const Le = { PRERENDER: "prerender", POSTRENDER: "postrender", PRECOMPOSE: "precompose", POSTCOMPOSE: "postcompose", RENDERCOMPLETE: "rendercomplete" };
class Xc {
  drawCustom(e, t, n, r, s) {
  }
  drawGeometry(e) {
  }
  setStyle(e) {
  }
  drawCircle(e, t, n) {
  }
  drawFeature(e, t, n) {
  }
  drawGeometryCollection(e, t, n) {
  }
  drawLineString(e, t, n) {
  }
  drawMultiLineString(e, t, n) {
  }
  drawMultiPoint(e, t, n) {
  }
  drawMultiPolygon(e, t, n) {
  }
  drawPoint(e, t, n) {
  }
  drawPolygon(e, t, n) {
  }
  drawText(e, t, n) {
  }
  setFillStrokeStyle(e, t) {
  }
  setImageStyle(e, t) {
  }
  setTextStyle(e, t) {
  }
}
class kf extends Xc {
  constructor(e, t, n, r, s, o, a) {
    super(), this.context_ = e, this.pixelRatio_ = t, this.extent_ = n, this.transform_ = r, this.transformRotation_ = r ? Ir(Math.atan2(r[1], r[0]), 10) : 0, this.viewRotation_ = s, this.squaredTolerance_ = o, this.userTransform_ = a, this.contextFillState_ = null, this.contextStrokeState_ = null, this.contextTextState_ = null, this.fillState_ = null, this.strokeState_ = null, this.image_ = null, this.imageAnchorX_ = 0, this.imageAnchorY_ = 0, this.imageHeight_ = 0, this.imageOpacity_ = 0, this.imageOriginX_ = 0, this.imageOriginY_ = 0, this.imageRotateWithView_ = !1, this.imageRotation_ = 0, this.imageScale_ = [0, 0], this.imageWidth_ = 0, this.text_ = "", this.textOffsetX_ = 0, this.textOffsetY_ = 0, this.textRotateWithView_ = !1, this.textRotation_ = 0, this.textScale_ = [0, 0], this.textFillState_ = null, this.textStrokeState_ = null, this.textState_ = null, this.pixelCoordinates_ = [], this.tmpLocalTransform_ = we();
  }
  drawImages_(e, t, n, r) {
    if (!this.image_) return;
    const s = Bt(e, t, n, r, this.transform_, this.pixelCoordinates_), o = this.context_, a = this.tmpLocalTransform_, l = o.globalAlpha;
    this.imageOpacity_ != 1 && (o.globalAlpha = l * this.imageOpacity_);
    let h = this.imageRotation_;
    this.transformRotation_ === 0 && (h -= this.viewRotation_), this.imageRotateWithView_ && (h += this.viewRotation_);
    for (let c = 0, u = s.length; c < u; c += 2) {
      const d = s[c] - this.imageAnchorX_, g = s[c + 1] - this.imageAnchorY_;
      if (h !== 0 || this.imageScale_[0] != 1 || this.imageScale_[1] != 1) {
        const f = d + this.imageAnchorX_, p = g + this.imageAnchorY_;
        wt(a, f, p, 1, 1, h, -f, -p), o.save(), o.transform.apply(o, a), o.translate(f, p), o.scale(this.imageScale_[0], this.imageScale_[1]), o.drawImage(this.image_, this.imageOriginX_, this.imageOriginY_, this.imageWidth_, this.imageHeight_, -this.imageAnchorX_, -this.imageAnchorY_, this.imageWidth_, this.imageHeight_), o.restore();
      } else o.drawImage(this.image_, this.imageOriginX_, this.imageOriginY_, this.imageWidth_, this.imageHeight_, d, g, this.imageWidth_, this.imageHeight_);
    }
    this.imageOpacity_ != 1 && (o.globalAlpha = l);
  }
  drawText_(e, t, n, r) {
    if (!this.textState_ || this.text_ === "") return;
    this.textFillState_ && this.setContextFillState_(this.textFillState_), this.textStrokeState_ && this.setContextStrokeState_(this.textStrokeState_), this.setContextTextState_(this.textState_);
    const s = Bt(e, t, n, r, this.transform_, this.pixelCoordinates_), o = this.context_;
    let a = this.textRotation_;
    for (this.transformRotation_ === 0 && (a -= this.viewRotation_), this.textRotateWithView_ && (a += this.viewRotation_); t < n; t += r) {
      const l = s[t] + this.textOffsetX_, h = s[t + 1] + this.textOffsetY_;
      a !== 0 || this.textScale_[0] != 1 || this.textScale_[1] != 1 ? (o.save(), o.translate(l - this.textOffsetX_, h - this.textOffsetY_), o.rotate(a), o.translate(this.textOffsetX_, this.textOffsetY_), o.scale(this.textScale_[0], this.textScale_[1]), this.textStrokeState_ && o.strokeText(this.text_, 0, 0), this.textFillState_ && o.fillText(this.text_, 0, 0), o.restore()) : (this.textStrokeState_ && o.strokeText(this.text_, l, h), this.textFillState_ && o.fillText(this.text_, l, h));
    }
  }
  moveToLineTo_(e, t, n, r, s) {
    const o = this.context_, a = Bt(e, t, n, r, this.transform_, this.pixelCoordinates_);
    o.moveTo(a[0], a[1]);
    let l = a.length;
    s && (l -= 2);
    for (let h = 2; h < l; h += 2) o.lineTo(a[h], a[h + 1]);
    return s && o.closePath(), n;
  }
  drawRings_(e, t, n, r) {
    for (let s = 0, o = n.length; s < o; ++s) t = this.moveToLineTo_(e, t, n[s], r, !0);
    return t;
  }
  drawCircle(e) {
    if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), !!Ye(this.extent_, e.getExtent())) {
      if (this.fillState_ || this.strokeState_) {
        this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
        const t = $g(e, this.transform_, this.pixelCoordinates_), n = t[2] - t[0], r = t[3] - t[1], s = Math.sqrt(n * n + r * r), o = this.context_;
        o.beginPath(), o.arc(t[0], t[1], s, 0, 2 * Math.PI), this.fillState_ && o.fill(), this.strokeState_ && o.stroke();
      }
      this.text_ !== "" && this.drawText_(e.getCenter(), 0, 2, 2);
    }
  }
  setStyle(e) {
    this.setFillStrokeStyle(e.getFill(), e.getStroke()), this.setImageStyle(e.getImage()), this.setTextStyle(e.getText());
  }
  setTransform(e) {
    this.transform_ = e;
  }
  drawGeometry(e) {
    switch (e.getType()) {
      case "Point":
        this.drawPoint(e);
        break;
      case "LineString":
        this.drawLineString(e);
        break;
      case "Polygon":
        this.drawPolygon(e);
        break;
      case "MultiPoint":
        this.drawMultiPoint(e);
        break;
      case "MultiLineString":
        this.drawMultiLineString(e);
        break;
      case "MultiPolygon":
        this.drawMultiPolygon(e);
        break;
      case "GeometryCollection":
        this.drawGeometryCollection(e);
        break;
      case "Circle":
        this.drawCircle(e);
        break;
    }
  }
  drawFeature(e, t) {
    const n = t.getGeometryFunction()(e);
    n && (this.setStyle(t), this.drawGeometry(n));
  }
  drawGeometryCollection(e) {
    const t = e.getGeometriesArray();
    for (let n = 0, r = t.length; n < r; ++n) this.drawGeometry(t[n]);
  }
  drawPoint(e) {
    this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
    const t = e.getFlatCoordinates(), n = e.getStride();
    this.image_ && this.drawImages_(t, 0, t.length, n), this.text_ !== "" && this.drawText_(t, 0, t.length, n);
  }
  drawMultiPoint(e) {
    this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
    const t = e.getFlatCoordinates(), n = e.getStride();
    this.image_ && this.drawImages_(t, 0, t.length, n), this.text_ !== "" && this.drawText_(t, 0, t.length, n);
  }
  drawLineString(e) {
    if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), !!Ye(this.extent_, e.getExtent())) {
      if (this.strokeState_) {
        this.setContextStrokeState_(this.strokeState_);
        const t = this.context_, n = e.getFlatCoordinates();
        t.beginPath(), this.moveToLineTo_(n, 0, n.length, e.getStride(), !1), t.stroke();
      }
      if (this.text_ !== "") {
        const t = e.getFlatMidpoint();
        this.drawText_(t, 0, 2, 2);
      }
    }
  }
  drawMultiLineString(e) {
    this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
    const t = e.getExtent();
    if (Ye(this.extent_, t)) {
      if (this.strokeState_) {
        this.setContextStrokeState_(this.strokeState_);
        const n = this.context_, r = e.getFlatCoordinates();
        let s = 0;
        const o = e.getEnds(), a = e.getStride();
        n.beginPath();
        for (let l = 0, h = o.length; l < h; ++l) s = this.moveToLineTo_(r, s, o[l], a, !1);
        n.stroke();
      }
      if (this.text_ !== "") {
        const n = e.getFlatMidpoints();
        this.drawText_(n, 0, n.length, 2);
      }
    }
  }
  drawPolygon(e) {
    if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), !!Ye(this.extent_, e.getExtent())) {
      if (this.strokeState_ || this.fillState_) {
        this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
        const t = this.context_;
        t.beginPath(), this.drawRings_(e.getOrientedFlatCoordinates(), 0, e.getEnds(), e.getStride()), this.fillState_ && t.fill(), this.strokeState_ && t.stroke();
      }
      if (this.text_ !== "") {
        const t = e.getFlatInteriorPoint();
        this.drawText_(t, 0, 2, 2);
      }
    }
  }
  drawMultiPolygon(e) {
    if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), !!Ye(this.extent_, e.getExtent())) {
      if (this.strokeState_ || this.fillState_) {
        this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
        const t = this.context_, n = e.getOrientedFlatCoordinates();
        let r = 0;
        const s = e.getEndss(), o = e.getStride();
        t.beginPath();
        for (let a = 0, l = s.length; a < l; ++a) {
          const h = s[a];
          r = this.drawRings_(n, r, h, o);
        }
        this.fillState_ && t.fill(), this.strokeState_ && t.stroke();
      }
      if (this.text_ !== "") {
        const t = e.getFlatInteriorPoints();
        this.drawText_(t, 0, t.length, 2);
      }
    }
  }
  setContextFillState_(e) {
    const t = this.context_, n = this.contextFillState_;
    n ? n.fillStyle != e.fillStyle && (n.fillStyle = e.fillStyle, t.fillStyle = e.fillStyle) : (t.fillStyle = e.fillStyle, this.contextFillState_ = { fillStyle: e.fillStyle });
  }
  setContextStrokeState_(e) {
    const t = this.context_, n = this.contextStrokeState_;
    n ? (n.lineCap != e.lineCap && (n.lineCap = e.lineCap, t.lineCap = e.lineCap), zt(n.lineDash, e.lineDash) || t.setLineDash(n.lineDash = e.lineDash), n.lineDashOffset != e.lineDashOffset && (n.lineDashOffset = e.lineDashOffset, t.lineDashOffset = e.lineDashOffset), n.lineJoin != e.lineJoin && (n.lineJoin = e.lineJoin, t.lineJoin = e.lineJoin), n.lineWidth != e.lineWidth && (n.lineWidth = e.lineWidth, t.lineWidth = e.lineWidth), n.miterLimit != e.miterLimit && (n.miterLimit = e.miterLimit, t.miterLimit = e.miterLimit), n.strokeStyle != e.strokeStyle && (n.strokeStyle = e.strokeStyle, t.strokeStyle = e.strokeStyle)) : (t.lineCap = e.lineCap, t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset, t.lineJoin = e.lineJoin, t.lineWidth = e.lineWidth, t.miterLimit = e.miterLimit, t.strokeStyle = e.strokeStyle, this.contextStrokeState_ = { lineCap: e.lineCap, lineDash: e.lineDash, lineDashOffset: e.lineDashOffset, lineJoin: e.lineJoin, lineWidth: e.lineWidth, miterLimit: e.miterLimit, strokeStyle: e.strokeStyle });
  }
  setContextTextState_(e) {
    const t = this.context_, n = this.contextTextState_, r = e.textAlign ? e.textAlign : Er;
    n ? (n.font != e.font && (n.font = e.font, t.font = e.font), n.textAlign != r && (n.textAlign = r, t.textAlign = r), n.textBaseline != e.textBaseline && (n.textBaseline = e.textBaseline, t.textBaseline = e.textBaseline)) : (t.font = e.font, t.textAlign = r, t.textBaseline = e.textBaseline, this.contextTextState_ = { font: e.font, textAlign: r, textBaseline: e.textBaseline });
  }
  setFillStrokeStyle(e, t) {
    if (!e) this.fillState_ = null;
    else {
      const n = e.getColor();
      this.fillState_ = { fillStyle: kt(n || Je) };
    }
    if (!t) this.strokeState_ = null;
    else {
      const n = t.getColor(), r = t.getLineCap(), s = t.getLineDash(), o = t.getLineDashOffset(), a = t.getLineJoin(), l = t.getWidth(), h = t.getMiterLimit(), c = s || nn;
      this.strokeState_ = { lineCap: r !== void 0 ? r : Ai, lineDash: this.pixelRatio_ === 1 ? c : c.map((u) => u * this.pixelRatio_), lineDashOffset: (o || rn) * this.pixelRatio_, lineJoin: a !== void 0 ? a : Ii, lineWidth: (l !== void 0 ? l : Cr) * this.pixelRatio_, miterLimit: h !== void 0 ? h : xr, strokeStyle: kt(n || vr) };
    }
  }
  setImageStyle(e) {
    let t;
    if (!e || !(t = e.getSize())) {
      this.image_ = null;
      return;
    }
    const n = e.getPixelRatio(this.pixelRatio_), r = e.getAnchor(), s = e.getOrigin();
    this.image_ = e.getImage(this.pixelRatio_), this.imageAnchorX_ = r[0] * n, this.imageAnchorY_ = r[1] * n, this.imageHeight_ = t[1] * n, this.imageOpacity_ = e.getOpacity(), this.imageOriginX_ = s[0], this.imageOriginY_ = s[1], this.imageRotateWithView_ = e.getRotateWithView(), this.imageRotation_ = e.getRotation();
    const o = e.getScaleArray();
    this.imageScale_ = [o[0] * this.pixelRatio_ / n, o[1] * this.pixelRatio_ / n], this.imageWidth_ = t[0] * n;
  }
  setTextStyle(e) {
    if (!e) this.text_ = "";
    else {
      const t = e.getFill();
      if (!t) this.textFillState_ = null;
      else {
        const g = t.getColor();
        this.textFillState_ = { fillStyle: kt(g || Je) };
      }
      const n = e.getStroke();
      if (!n) this.textStrokeState_ = null;
      else {
        const g = n.getColor(), f = n.getLineCap(), p = n.getLineDash(), _ = n.getLineDashOffset(), y = n.getLineJoin(), x = n.getWidth(), E = n.getMiterLimit();
        this.textStrokeState_ = { lineCap: f !== void 0 ? f : Ai, lineDash: p || nn, lineDashOffset: _ || rn, lineJoin: y !== void 0 ? y : Ii, lineWidth: x !== void 0 ? x : Cr, miterLimit: E !== void 0 ? E : xr, strokeStyle: kt(g || vr) };
      }
      const r = e.getFont(), s = e.getOffsetX(), o = e.getOffsetY(), a = e.getRotateWithView(), l = e.getRotation(), h = e.getScaleArray(), c = e.getText(), u = e.getTextAlign(), d = e.getTextBaseline();
      this.textState_ = { font: r !== void 0 ? r : zc, textAlign: u !== void 0 ? u : Er, textBaseline: d !== void 0 ? d : Es }, this.text_ = c !== void 0 ? Array.isArray(c) ? c.reduce((g, f, p) => g += p % 2 ? " " : f, "") : c : "", this.textOffsetX_ = s !== void 0 ? this.pixelRatio_ * s : 0, this.textOffsetY_ = o !== void 0 ? this.pixelRatio_ * o : 0, this.textRotateWithView_ = a !== void 0 ? a : !1, this.textRotation_ = l !== void 0 ? l : 0, this.textScale_ = [this.pixelRatio_ * h[0], this.pixelRatio_ * h[1]];
    }
  }
}
const Nf = 0.5, Yc = { Point: jf, LineString: $f, Polygon: Yf, MultiPoint: Xf, MultiLineString: Vf, MultiPolygon: Wf, GeometryCollection: zf, Circle: Bf };
function Gf(i, e) {
  return parseInt(z(i), 10) - parseInt(z(e), 10);
}
function oh(i, e) {
  const t = Zc(i, e);
  return t * t;
}
function Zc(i, e) {
  return Nf * i / e;
}
function Bf(i, e, t, n, r) {
  const s = t.getFill(), o = t.getStroke();
  if (s || o) {
    const l = i.getBuilder(t.getZIndex(), "Circle");
    l.setFillStrokeStyle(s, o), l.drawCircle(e, n, r);
  }
  const a = t.getText();
  if (a && a.getText()) {
    const l = i.getBuilder(t.getZIndex(), "Text");
    l.setTextStyle(a), l.drawText(e, n);
  }
}
function ah(i, e, t, n, r, s, o, a) {
  const l = [], h = t.getImage();
  if (h) {
    let d = !0;
    const g = h.getImageState();
    g == K.LOADED || g == K.ERROR ? d = !1 : g == K.IDLE && h.load(), d && l.push(h.ready());
  }
  const c = t.getFill();
  c && c.loading() && l.push(c.ready());
  const u = l.length > 0;
  return u && Promise.all(l).then(() => r(null)), Uf(i, e, t, n, s, o, a), u;
}
function Uf(i, e, t, n, r, s, o) {
  const a = t.getGeometryFunction()(e);
  if (!a) return;
  const l = a.simplifyTransformed(n, r);
  if (t.getRenderer()) Hc(i, l, t, e, o);
  else {
    const h = Yc[l.getType()];
    h(i, l, t, e, o, s);
  }
}
function Hc(i, e, t, n, r) {
  if (e.getType() == "GeometryCollection") {
    const s = e.getGeometries();
    for (let o = 0, a = s.length; o < a; ++o) Hc(i, s[o], t, n, r);
    return;
  }
  i.getBuilder(t.getZIndex(), "Default").drawCustom(e, n, t.getRenderer(), t.getHitDetectionRenderer(), r);
}
function zf(i, e, t, n, r, s) {
  const o = e.getGeometriesArray();
  let a, l;
  for (a = 0, l = o.length; a < l; ++a) {
    const h = Yc[o[a].getType()];
    h(i, o[a], t, n, r, s);
  }
}
function $f(i, e, t, n, r) {
  const s = t.getStroke();
  if (s) {
    const a = i.getBuilder(t.getZIndex(), "LineString");
    a.setFillStrokeStyle(null, s), a.drawLineString(e, n, r);
  }
  const o = t.getText();
  if (o && o.getText()) {
    const a = i.getBuilder(t.getZIndex(), "Text");
    a.setTextStyle(o), a.drawText(e, n, r);
  }
}
function Vf(i, e, t, n, r) {
  const s = t.getStroke();
  if (s) {
    const a = i.getBuilder(t.getZIndex(), "LineString");
    a.setFillStrokeStyle(null, s), a.drawMultiLineString(e, n, r);
  }
  const o = t.getText();
  if (o && o.getText()) {
    const a = i.getBuilder(t.getZIndex(), "Text");
    a.setTextStyle(o), a.drawText(e, n, r);
  }
}
function Wf(i, e, t, n, r) {
  const s = t.getFill(), o = t.getStroke();
  if (o || s) {
    const l = i.getBuilder(t.getZIndex(), "Polygon");
    l.setFillStrokeStyle(s, o), l.drawMultiPolygon(e, n, r);
  }
  const a = t.getText();
  if (a && a.getText()) {
    const l = i.getBuilder(t.getZIndex(), "Text");
    l.setTextStyle(a), l.drawText(e, n, r);
  }
}
function jf(i, e, t, n, r, s) {
  const o = t.getImage(), a = t.getText(), l = a && a.getText(), h = s && o && l ? {} : void 0;
  if (o) {
    if (o.getImageState() != K.LOADED) return;
    const c = i.getBuilder(t.getZIndex(), "Image");
    c.setImageStyle(o, h), c.drawPoint(e, n, r);
  }
  if (l) {
    const c = i.getBuilder(t.getZIndex(), "Text");
    c.setTextStyle(a, h), c.drawText(e, n, r);
  }
}
function Xf(i, e, t, n, r, s) {
  const o = t.getImage(), a = o && o.getOpacity() !== 0, l = t.getText(), h = l && l.getText(), c = s && a && h ? {} : void 0;
  if (a) {
    if (o.getImageState() != K.LOADED) return;
    const u = i.getBuilder(t.getZIndex(), "Image");
    u.setImageStyle(o, c), u.drawMultiPoint(e, n, r);
  }
  if (h) {
    const u = i.getBuilder(t.getZIndex(), "Text");
    u.setTextStyle(l, c), u.drawText(e, n, r);
  }
}
function Yf(i, e, t, n, r) {
  const s = t.getFill(), o = t.getStroke();
  if (s || o) {
    const l = i.getBuilder(t.getZIndex(), "Polygon");
    l.setFillStrokeStyle(s, o), l.drawPolygon(e, n, r);
  }
  const a = t.getText();
  if (a && a.getText()) {
    const l = i.getBuilder(t.getZIndex(), "Text");
    l.setTextStyle(a), l.drawText(e, n, r);
  }
}
let Zf = !1;
function Hf(i, e, t, n, r, s, o) {
  const a = new XMLHttpRequest();
  a.open("GET", typeof i == "function" ? i(t, n, r) : i, !0), e.getType() == "arraybuffer" && (a.responseType = "arraybuffer"), a.withCredentials = Zf, a.onload = function(l) {
    if (!a.status || a.status >= 200 && a.status < 300) {
      const h = e.getType();
      try {
        let c;
        h == "text" || h == "json" ? c = a.responseText : h == "xml" ? c = a.responseXML || a.responseText : h == "arraybuffer" && (c = a.response), c ? s(e.readFeatures(c, { extent: t, featureProjection: r }), e.readProjection(c)) : o();
      } catch {
        o();
      }
    } else o();
  }, a.onerror = o, a.send();
}
function lh(i, e) {
  return function(t, n, r, s, o) {
    Hf(i, e, t, n, r, (a, l) => {
      this.addFeatures(a), s !== void 0 && s(a);
    }, () => {
      this.changed(), o !== void 0 && o();
    });
  };
}
function Kf(i, e) {
  return [[-1 / 0, -1 / 0, 1 / 0, 1 / 0]];
}
const hh = we();
class Qe {
  constructor(e, t, n, r, s, o) {
    this.styleFunction, this.extent_, this.id_ = o, this.type_ = e, this.flatCoordinates_ = t, this.flatInteriorPoints_ = null, this.flatMidpoints_ = null, this.ends_ = n || null, this.properties_ = s, this.squaredTolerance_, this.stride_ = r, this.simplifiedGeometry_;
  }
  get(e) {
    return this.properties_[e];
  }
  getExtent() {
    return this.extent_ || (this.extent_ = this.type_ === "Point" ? Qi(this.flatCoordinates_) : va(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2)), this.extent_;
  }
  getFlatInteriorPoint() {
    if (!this.flatInteriorPoints_) {
      const e = Ut(this.getExtent());
      this.flatInteriorPoints_ = Ga(this.flatCoordinates_, 0, this.ends_, 2, e, 0);
    }
    return this.flatInteriorPoints_;
  }
  getFlatInteriorPoints() {
    if (!this.flatInteriorPoints_) {
      const e = Mc(this.flatCoordinates_, this.ends_), t = Dc(this.flatCoordinates_, 0, e, 2);
      this.flatInteriorPoints_ = Fc(this.flatCoordinates_, 0, e, 2, t);
    }
    return this.flatInteriorPoints_;
  }
  getFlatMidpoint() {
    return this.flatMidpoints_ || (this.flatMidpoints_ = ms(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2, 0.5)), this.flatMidpoints_;
  }
  getFlatMidpoints() {
    if (!this.flatMidpoints_) {
      this.flatMidpoints_ = [];
      const e = this.flatCoordinates_;
      let t = 0;
      const n = this.ends_;
      for (let r = 0, s = n.length; r < s; ++r) {
        const o = n[r], a = ms(e, t, o, 2, 0.5);
        Gt(this.flatMidpoints_, a), t = o;
      }
    }
    return this.flatMidpoints_;
  }
  getId() {
    return this.id_;
  }
  getOrientedFlatCoordinates() {
    return this.flatCoordinates_;
  }
  getGeometry() {
    return this;
  }
  getSimplifiedGeometry(e) {
    return this;
  }
  simplifyTransformed(e, t) {
    return this;
  }
  getProperties() {
    return this.properties_;
  }
  getPropertiesInternal() {
    return this.properties_;
  }
  getStride() {
    return this.stride_;
  }
  getStyleFunction() {
    return this.styleFunction;
  }
  getType() {
    return this.type_;
  }
  transform(e) {
    e = _e(e);
    const t = e.getExtent(), n = e.getWorldExtent();
    if (t && n) {
      const r = Ze(n) / Ze(t);
      wt(hh, n[0], n[3], r, -r, 0, 0, 0), Bt(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2, hh, this.flatCoordinates_);
    }
  }
  applyTransform(e) {
    e(this.flatCoordinates_, this.flatCoordinates_, this.stride_);
  }
  clone() {
    return new Qe(this.type_, this.flatCoordinates_.slice(), this.ends_?.slice(), this.stride_, Object.assign({}, this.properties_), this.id_);
  }
  getEnds() {
    return this.ends_;
  }
  enableSimplifyTransformed() {
    return this.simplifyTransformed = xc((e, t) => {
      if (e === this.squaredTolerance_) return this.simplifiedGeometry_;
      this.simplifiedGeometry_ = this.clone(), t && this.simplifiedGeometry_.applyTransform(t);
      const n = this.simplifiedGeometry_.getFlatCoordinates();
      let r;
      switch (this.type_) {
        case "LineString":
          n.length = Us(n, 0, this.simplifiedGeometry_.flatCoordinates_.length, this.simplifiedGeometry_.stride_, e, n, 0), r = [n.length];
          break;
        case "MultiLineString":
          r = [], n.length = bc(n, 0, this.simplifiedGeometry_.ends_, this.simplifiedGeometry_.stride_, e, n, 0, r);
          break;
        case "Polygon":
          r = [], n.length = Oa(n, 0, this.simplifiedGeometry_.ends_, this.simplifiedGeometry_.stride_, Math.sqrt(e), n, 0, r);
          break;
      }
      return r && (this.simplifiedGeometry_ = new Qe(this.type_, n, r, 2, this.properties_, this.id_)), this.squaredTolerance_ = e, this.simplifiedGeometry_;
    }), this;
  }
}
Qe.prototype.getFlatCoordinates = Qe.prototype.getOrientedFlatCoordinates;
function Kc(i, e, t = 0, n = i.length - 1, r = qf) {
  for (; n > t; ) {
    if (n - t > 600) {
      const l = n - t + 1, h = e - t + 1, c = Math.log(l), u = 0.5 * Math.exp(2 * c / 3), d = 0.5 * Math.sqrt(c * u * (l - u) / l) * (h - l / 2 < 0 ? -1 : 1), g = Math.max(t, Math.floor(e - h * u / l + d)), f = Math.min(n, Math.floor(e + (l - h) * u / l + d));
      Kc(i, e, g, f, r);
    }
    const s = i[e];
    let o = t, a = n;
    for (Vi(i, t, e), r(i[n], s) > 0 && Vi(i, t, n); o < a; ) {
      for (Vi(i, o, a), o++, a--; r(i[o], s) < 0; ) o++;
      for (; r(i[a], s) > 0; ) a--;
    }
    r(i[t], s) === 0 ? Vi(i, t, a) : (a++, Vi(i, a, n)), a <= e && (t = a + 1), e <= a && (n = a - 1);
  }
}
function Vi(i, e, t) {
  const n = i[e];
  i[e] = i[t], i[t] = n;
}
function qf(i, e) {
  return i < e ? -1 : i > e ? 1 : 0;
}
let qc = class {
  constructor(i = 9) {
    this._maxEntries = Math.max(4, i), this._minEntries = Math.max(2, Math.ceil(this._maxEntries * 0.4)), this.clear();
  }
  all() {
    return this._all(this.data, []);
  }
  search(i) {
    let e = this.data;
    const t = [];
    if (!Jr(i, e)) return t;
    const n = this.toBBox, r = [];
    for (; e; ) {
      for (let s = 0; s < e.children.length; s++) {
        const o = e.children[s], a = e.leaf ? n(o) : o;
        Jr(i, a) && (e.leaf ? t.push(o) : yo(i, a) ? this._all(o, t) : r.push(o));
      }
      e = r.pop();
    }
    return t;
  }
  collides(i) {
    let e = this.data;
    if (!Jr(i, e)) return !1;
    const t = [];
    for (; e; ) {
      for (let n = 0; n < e.children.length; n++) {
        const r = e.children[n], s = e.leaf ? this.toBBox(r) : r;
        if (Jr(i, s)) {
          if (e.leaf || yo(i, s)) return !0;
          t.push(r);
        }
      }
      e = t.pop();
    }
    return !1;
  }
  load(i) {
    if (!(i && i.length)) return this;
    if (i.length < this._minEntries) {
      for (let t = 0; t < i.length; t++) this.insert(i[t]);
      return this;
    }
    let e = this._build(i.slice(), 0, i.length - 1, 0);
    if (!this.data.children.length) this.data = e;
    else if (this.data.height === e.height) this._splitRoot(this.data, e);
    else {
      if (this.data.height < e.height) {
        const t = this.data;
        this.data = e, e = t;
      }
      this._insert(e, this.data.height - e.height - 1, !0);
    }
    return this;
  }
  insert(i) {
    return i && this._insert(i, this.data.height - 1), this;
  }
  clear() {
    return this.data = di([]), this;
  }
  remove(i, e) {
    if (!i) return this;
    let t = this.data;
    const n = this.toBBox(i), r = [], s = [];
    let o, a, l;
    for (; t || r.length; ) {
      if (t || (t = r.pop(), a = r[r.length - 1], o = s.pop(), l = !0), t.leaf) {
        const h = Jf(i, t.children, e);
        if (h !== -1) return t.children.splice(h, 1), r.push(t), this._condense(r), this;
      }
      !l && !t.leaf && yo(t, n) ? (r.push(t), s.push(o), o = 0, a = t, t = t.children[0]) : a ? (o++, t = a.children[o], l = !1) : t = null;
    }
    return this;
  }
  toBBox(i) {
    return i;
  }
  compareMinX(i, e) {
    return i.minX - e.minX;
  }
  compareMinY(i, e) {
    return i.minY - e.minY;
  }
  toJSON() {
    return this.data;
  }
  fromJSON(i) {
    return this.data = i, this;
  }
  _all(i, e) {
    const t = [];
    for (; i; ) i.leaf ? e.push(...i.children) : t.push(...i.children), i = t.pop();
    return e;
  }
  _build(i, e, t, n) {
    const r = t - e + 1;
    let s = this._maxEntries, o;
    if (r <= s) return o = di(i.slice(e, t + 1)), ti(o, this.toBBox), o;
    n || (n = Math.ceil(Math.log(r) / Math.log(s)), s = Math.ceil(r / Math.pow(s, n - 1))), o = di([]), o.leaf = !1, o.height = n;
    const a = Math.ceil(r / s), l = a * Math.ceil(Math.sqrt(s));
    ch(i, e, t, l, this.compareMinX);
    for (let h = e; h <= t; h += l) {
      const c = Math.min(h + l - 1, t);
      ch(i, h, c, a, this.compareMinY);
      for (let u = h; u <= c; u += a) {
        const d = Math.min(u + a - 1, c);
        o.children.push(this._build(i, u, d, n - 1));
      }
    }
    return ti(o, this.toBBox), o;
  }
  _chooseSubtree(i, e, t, n) {
    for (; n.push(e), !(e.leaf || n.length - 1 === t); ) {
      let r = 1 / 0, s = 1 / 0, o;
      for (let a = 0; a < e.children.length; a++) {
        const l = e.children[a], h = mo(l), c = t_(i, l) - h;
        c < s ? (s = c, r = h < r ? h : r, o = l) : c === s && h < r && (r = h, o = l);
      }
      e = o || e.children[0];
    }
    return e;
  }
  _insert(i, e, t) {
    const n = t ? i : this.toBBox(i), r = [], s = this._chooseSubtree(n, this.data, e, r);
    for (s.children.push(i), Hi(s, n); e >= 0 && r[e].children.length > this._maxEntries; ) this._split(r, e), e--;
    this._adjustParentBBoxes(n, r, e);
  }
  _split(i, e) {
    const t = i[e], n = t.children.length, r = this._minEntries;
    this._chooseSplitAxis(t, r, n);
    const s = this._chooseSplitIndex(t, r, n), o = di(t.children.splice(s, t.children.length - s));
    o.height = t.height, o.leaf = t.leaf, ti(t, this.toBBox), ti(o, this.toBBox), e ? i[e - 1].children.push(o) : this._splitRoot(t, o);
  }
  _splitRoot(i, e) {
    this.data = di([i, e]), this.data.height = i.height + 1, this.data.leaf = !1, ti(this.data, this.toBBox);
  }
  _chooseSplitIndex(i, e, t) {
    let n, r = 1 / 0, s = 1 / 0;
    for (let o = e; o <= t - e; o++) {
      const a = Zi(i, 0, o, this.toBBox), l = Zi(i, o, t, this.toBBox), h = n_(a, l), c = mo(a) + mo(l);
      h < r ? (r = h, n = o, s = c < s ? c : s) : h === r && c < s && (s = c, n = o);
    }
    return n || t - e;
  }
  _chooseSplitAxis(i, e, t) {
    const n = i.leaf ? this.compareMinX : Qf, r = i.leaf ? this.compareMinY : e_, s = this._allDistMargin(i, e, t, n), o = this._allDistMargin(i, e, t, r);
    s < o && i.children.sort(n);
  }
  _allDistMargin(i, e, t, n) {
    i.children.sort(n);
    const r = this.toBBox, s = Zi(i, 0, e, r), o = Zi(i, t - e, t, r);
    let a = qr(s) + qr(o);
    for (let l = e; l < t - e; l++) {
      const h = i.children[l];
      Hi(s, i.leaf ? r(h) : h), a += qr(s);
    }
    for (let l = t - e - 1; l >= e; l--) {
      const h = i.children[l];
      Hi(o, i.leaf ? r(h) : h), a += qr(o);
    }
    return a;
  }
  _adjustParentBBoxes(i, e, t) {
    for (let n = t; n >= 0; n--) Hi(e[n], i);
  }
  _condense(i) {
    for (let e = i.length - 1, t; e >= 0; e--) i[e].children.length === 0 ? e > 0 ? (t = i[e - 1].children, t.splice(t.indexOf(i[e]), 1)) : this.clear() : ti(i[e], this.toBBox);
  }
};
function Jf(i, e, t) {
  if (!t) return e.indexOf(i);
  for (let n = 0; n < e.length; n++) if (t(i, e[n])) return n;
  return -1;
}
function ti(i, e) {
  Zi(i, 0, i.children.length, e, i);
}
function Zi(i, e, t, n, r) {
  r || (r = di(null)), r.minX = 1 / 0, r.minY = 1 / 0, r.maxX = -1 / 0, r.maxY = -1 / 0;
  for (let s = e; s < t; s++) {
    const o = i.children[s];
    Hi(r, i.leaf ? n(o) : o);
  }
  return r;
}
function Hi(i, e) {
  return i.minX = Math.min(i.minX, e.minX), i.minY = Math.min(i.minY, e.minY), i.maxX = Math.max(i.maxX, e.maxX), i.maxY = Math.max(i.maxY, e.maxY), i;
}
function Qf(i, e) {
  return i.minX - e.minX;
}
function e_(i, e) {
  return i.minY - e.minY;
}
function mo(i) {
  return (i.maxX - i.minX) * (i.maxY - i.minY);
}
function qr(i) {
  return i.maxX - i.minX + (i.maxY - i.minY);
}
function t_(i, e) {
  return (Math.max(e.maxX, i.maxX) - Math.min(e.minX, i.minX)) * (Math.max(e.maxY, i.maxY) - Math.min(e.minY, i.minY));
}
function n_(i, e) {
  const t = Math.max(i.minX, e.minX), n = Math.max(i.minY, e.minY), r = Math.min(i.maxX, e.maxX), s = Math.min(i.maxY, e.maxY);
  return Math.max(0, r - t) * Math.max(0, s - n);
}
function yo(i, e) {
  return i.minX <= e.minX && i.minY <= e.minY && e.maxX <= i.maxX && e.maxY <= i.maxY;
}
function Jr(i, e) {
  return e.minX <= i.maxX && e.minY <= i.maxY && e.maxX >= i.minX && e.maxY >= i.minY;
}
function di(i) {
  return { children: i, height: 1, leaf: !0, minX: 1 / 0, minY: 1 / 0, maxX: -1 / 0, maxY: -1 / 0 };
}
function ch(i, e, t, n, r) {
  const s = [e, t];
  for (; s.length; ) {
    if (t = s.pop(), e = s.pop(), t - e <= n) continue;
    const o = e + Math.ceil((t - e) / n / 2) * n;
    Kc(i, o, e, t, r), s.push(e, o, o, t);
  }
}
class sa {
  constructor(e) {
    this.rbush_ = new qc(e), this.items_ = {};
  }
  insert(e, t) {
    const n = { minX: e[0], minY: e[1], maxX: e[2], maxY: e[3], value: t };
    this.rbush_.insert(n), this.items_[z(t)] = n;
  }
  load(e, t) {
    const n = new Array(t.length);
    for (let r = 0, s = t.length; r < s; r++) {
      const o = e[r], a = t[r], l = { minX: o[0], minY: o[1], maxX: o[2], maxY: o[3], value: a };
      n[r] = l, this.items_[z(a)] = l;
    }
    this.rbush_.load(n);
  }
  remove(e) {
    const t = z(e), n = this.items_[t];
    return delete this.items_[t], this.rbush_.remove(n) !== null;
  }
  update(e, t) {
    const n = this.items_[z(t)], r = [n.minX, n.minY, n.maxX, n.maxY];
    wi(r, e) || (this.remove(t), this.insert(e, t));
  }
  getAll() {
    return this.rbush_.all().map(function(e) {
      return e.value;
    });
  }
  getInExtent(e) {
    const t = { minX: e[0], minY: e[1], maxX: e[2], maxY: e[3] };
    return this.rbush_.search(t).map(function(n) {
      return n.value;
    });
  }
  forEach(e) {
    return this.forEach_(this.getAll(), e);
  }
  forEachInExtent(e, t) {
    return this.forEach_(this.getInExtent(e), t);
  }
  forEach_(e, t) {
    let n;
    for (let r = 0, s = e.length; r < s; r++) if (n = t(e[r]), n) return n;
    return n;
  }
  isEmpty() {
    return Bn(this.items_);
  }
  clear() {
    this.rbush_.clear(), this.items_ = {};
  }
  getExtent(e) {
    const t = this.rbush_.toJSON();
    return Cn(t.minX, t.minY, t.maxX, t.maxY, e);
  }
  concat(e) {
    this.rbush_.load(e.rbush_.all());
    for (const t in e.items_) this.items_[t] = e.items_[t];
  }
}
class Jc extends $t {
  constructor(e) {
    super(), this.projection = _e(e.projection), this.attributions_ = uh(e.attributions), this.attributionsCollapsible_ = e.attributionsCollapsible ?? !0, this.loading = !1, this.state_ = e.state !== void 0 ? e.state : "ready", this.wrapX_ = e.wrapX !== void 0 ? e.wrapX : !1, this.interpolate_ = !!e.interpolate, this.viewResolver = null, this.viewRejector = null;
    const t = this;
    this.viewPromise_ = new Promise(function(n, r) {
      t.viewResolver = n, t.viewRejector = r;
    });
  }
  getAttributions() {
    return this.attributions_;
  }
  getAttributionsCollapsible() {
    return this.attributionsCollapsible_;
  }
  getProjection() {
    return this.projection;
  }
  getResolutions(e) {
    return null;
  }
  getView() {
    return this.viewPromise_;
  }
  getState() {
    return this.state_;
  }
  getWrapX() {
    return this.wrapX_;
  }
  getInterpolate() {
    return this.interpolate_;
  }
  refresh() {
    this.changed();
  }
  setAttributions(e) {
    this.attributions_ = uh(e), this.changed();
  }
  setState(e) {
    this.state_ = e, this.changed();
  }
}
function uh(i) {
  return i ? typeof i == "function" ? i : (Array.isArray(i) || (i = [i]), (e) => i) : null;
}
const Pe = { ADDFEATURE: "addfeature", CHANGEFEATURE: "changefeature", CLEAR: "clear", REMOVEFEATURE: "removefeature", FEATURESLOADSTART: "featuresloadstart", FEATURESLOADEND: "featuresloadend", FEATURESLOADERROR: "featuresloaderror" };
class ln extends Pt {
  constructor(e, t, n) {
    super(e), this.feature = t, this.features = n;
  }
}
class Xa extends Jc {
  constructor(e) {
    e = e || {}, super({ attributions: e.attributions, interpolate: !0, projection: void 0, state: "ready", wrapX: e.wrapX !== void 0 ? e.wrapX : !0 }), this.on, this.once, this.un, this.loader_ = dr, this.format_ = e.format || null, this.overlaps_ = e.overlaps === void 0 ? !0 : e.overlaps, this.url_ = e.url, e.loader !== void 0 ? this.loader_ = e.loader : this.url_ !== void 0 && (ne(this.format_, "`format` must be set when `url` is set"), this.loader_ = lh(this.url_, this.format_)), this.strategy_ = e.strategy !== void 0 ? e.strategy : Kf;
    const t = e.useSpatialIndex !== void 0 ? e.useSpatialIndex : !0;
    this.featuresRtree_ = t ? new sa() : null, this.loadedExtentsRtree_ = new sa(), this.loadingExtentsCount_ = 0, this.nullGeometryFeatures_ = {}, this.idIndex_ = {}, this.uidIndex_ = {}, this.featureChangeKeys_ = {}, this.featuresCollection_ = null;
    let n, r;
    Array.isArray(e.features) ? r = e.features : e.features && (n = e.features, r = n.getArray()), !t && n === void 0 && (n = new Ne(r)), r !== void 0 && this.addFeaturesInternal(r), n !== void 0 && this.bindFeaturesCollection_(n);
  }
  addFeature(e) {
    this.addFeatureInternal(e), this.changed();
  }
  addFeatureInternal(e) {
    const t = z(e);
    if (!this.addToIndex_(t, e)) {
      this.featuresCollection_ && this.featuresCollection_.remove(e);
      return;
    }
    this.setupChangeEvents_(t, e);
    const n = e.getGeometry();
    if (n) {
      const r = n.getExtent();
      this.featuresRtree_ && this.featuresRtree_.insert(r, e);
    } else this.nullGeometryFeatures_[t] = e;
    this.dispatchEvent(new ln(Pe.ADDFEATURE, e));
  }
  setupChangeEvents_(e, t) {
    t instanceof Qe || (this.featureChangeKeys_[e] = [ee(t, Y.CHANGE, this.handleFeatureChange_, this), ee(t, Pi.PROPERTYCHANGE, this.handleFeatureChange_, this)]);
  }
  addToIndex_(e, t) {
    let n = !0;
    if (t.getId() !== void 0) {
      const r = String(t.getId());
      if (!(r in this.idIndex_)) this.idIndex_[r] = t;
      else if (t instanceof Qe) {
        const s = this.idIndex_[r];
        s instanceof Qe ? Array.isArray(s) ? s.push(t) : this.idIndex_[r] = [s, t] : n = !1;
      } else n = !1;
    }
    return n && (ne(!(e in this.uidIndex_), "The passed `feature` was already added to the source"), this.uidIndex_[e] = t), n;
  }
  addFeatures(e) {
    this.addFeaturesInternal(e), this.changed();
  }
  addFeaturesInternal(e) {
    const t = [], n = [], r = [];
    for (let s = 0, o = e.length; s < o; s++) {
      const a = e[s], l = z(a);
      this.addToIndex_(l, a) && n.push(a);
    }
    for (let s = 0, o = n.length; s < o; s++) {
      const a = n[s], l = z(a);
      this.setupChangeEvents_(l, a);
      const h = a.getGeometry();
      if (h) {
        const c = h.getExtent();
        t.push(c), r.push(a);
      } else this.nullGeometryFeatures_[l] = a;
    }
    if (this.featuresRtree_ && this.featuresRtree_.load(t, r), this.hasListener(Pe.ADDFEATURE)) for (let s = 0, o = n.length; s < o; s++) this.dispatchEvent(new ln(Pe.ADDFEATURE, n[s]));
  }
  bindFeaturesCollection_(e) {
    let t = !1;
    this.addEventListener(Pe.ADDFEATURE, function(n) {
      t || (t = !0, e.push(n.feature), t = !1);
    }), this.addEventListener(Pe.REMOVEFEATURE, function(n) {
      t || (t = !0, e.remove(n.feature), t = !1);
    }), e.addEventListener(ze.ADD, (n) => {
      t || (t = !0, this.addFeature(n.element), t = !1);
    }), e.addEventListener(ze.REMOVE, (n) => {
      t || (t = !0, this.removeFeature(n.element), t = !1);
    }), this.featuresCollection_ = e;
  }
  clear(e) {
    if (e) {
      for (const n in this.featureChangeKeys_) this.featureChangeKeys_[n].forEach(he);
      this.featuresCollection_ || (this.featureChangeKeys_ = {}, this.idIndex_ = {}, this.uidIndex_ = {});
    } else if (this.featuresRtree_) {
      this.featuresRtree_.forEach((n) => {
        this.removeFeatureInternal(n);
      });
      for (const n in this.nullGeometryFeatures_) this.removeFeatureInternal(this.nullGeometryFeatures_[n]);
    }
    this.featuresCollection_ && this.featuresCollection_.clear(), this.featuresRtree_ && this.featuresRtree_.clear(), this.nullGeometryFeatures_ = {};
    const t = new ln(Pe.CLEAR);
    this.dispatchEvent(t), this.changed();
  }
  forEachFeature(e) {
    if (this.featuresRtree_) return this.featuresRtree_.forEach(e);
    this.featuresCollection_ && this.featuresCollection_.forEach(e);
  }
  forEachFeatureAtCoordinateDirect(e, t) {
    const n = [e[0], e[1], e[0], e[1]];
    return this.forEachFeatureInExtent(n, function(r) {
      const s = r.getGeometry();
      if (s instanceof Qe || s.intersectsCoordinate(e)) return t(r);
    });
  }
  forEachFeatureInExtent(e, t) {
    if (this.featuresRtree_) return this.featuresRtree_.forEachInExtent(e, t);
    this.featuresCollection_ && this.featuresCollection_.forEach(t);
  }
  forEachFeatureIntersectingExtent(e, t) {
    return this.forEachFeatureInExtent(e, function(n) {
      const r = n.getGeometry();
      if (r instanceof Qe || r.intersectsExtent(e)) {
        const s = t(n);
        if (s) return s;
      }
    });
  }
  getFeaturesCollection() {
    return this.featuresCollection_;
  }
  getFeatures() {
    let e;
    return this.featuresCollection_ ? e = this.featuresCollection_.getArray().slice(0) : this.featuresRtree_ && (e = this.featuresRtree_.getAll(), Bn(this.nullGeometryFeatures_) || Gt(e, Object.values(this.nullGeometryFeatures_))), e;
  }
  getFeaturesAtCoordinate(e) {
    const t = [];
    return this.forEachFeatureAtCoordinateDirect(e, function(n) {
      t.push(n);
    }), t;
  }
  getFeaturesInExtent(e, t) {
    if (this.featuresRtree_) {
      if (!(t && t.canWrapX() && this.getWrapX())) return this.featuresRtree_.getInExtent(e);
      const n = uc(e, t);
      return [].concat(...n.map((r) => this.featuresRtree_.getInExtent(r)));
    }
    return this.featuresCollection_ ? this.featuresCollection_.getArray().slice(0) : [];
  }
  getClosestFeatureToCoordinate(e, t) {
    const n = e[0], r = e[1];
    let s = null;
    const o = [NaN, NaN];
    let a = 1 / 0;
    const l = [-1 / 0, -1 / 0, 1 / 0, 1 / 0];
    return t = t || zn, this.featuresRtree_.forEachInExtent(l, function(h) {
      if (t(h)) {
        const c = h.getGeometry(), u = a;
        if (a = c instanceof Qe ? 0 : c.closestPointXY(n, r, o, a), a < u) {
          s = h;
          const d = Math.sqrt(a);
          l[0] = n - d, l[1] = r - d, l[2] = n + d, l[3] = r + d;
        }
      }
    }), s;
  }
  getExtent(e) {
    return this.featuresRtree_.getExtent(e);
  }
  getFeatureById(e) {
    const t = this.idIndex_[e.toString()];
    return t !== void 0 ? t : null;
  }
  getFeatureByUid(e) {
    const t = this.uidIndex_[e];
    return t !== void 0 ? t : null;
  }
  getFormat() {
    return this.format_;
  }
  getOverlaps() {
    return this.overlaps_;
  }
  getUrl() {
    return this.url_;
  }
  handleFeatureChange_(e) {
    const t = e.target, n = z(t), r = t.getGeometry();
    if (!r) n in this.nullGeometryFeatures_ || (this.featuresRtree_ && this.featuresRtree_.remove(t), this.nullGeometryFeatures_[n] = t);
    else {
      const o = r.getExtent();
      n in this.nullGeometryFeatures_ ? (delete this.nullGeometryFeatures_[n], this.featuresRtree_ && this.featuresRtree_.insert(o, t)) : this.featuresRtree_ && this.featuresRtree_.update(o, t);
    }
    const s = t.getId();
    if (s !== void 0) {
      const o = s.toString();
      this.idIndex_[o] !== t && (this.removeFromIdIndex_(t), this.idIndex_[o] = t);
    } else this.removeFromIdIndex_(t), this.uidIndex_[n] = t;
    this.changed(), this.dispatchEvent(new ln(Pe.CHANGEFEATURE, t));
  }
  hasFeature(e) {
    const t = e.getId();
    return t !== void 0 ? t in this.idIndex_ : z(e) in this.uidIndex_;
  }
  isEmpty() {
    return this.featuresRtree_ ? this.featuresRtree_.isEmpty() && Bn(this.nullGeometryFeatures_) : this.featuresCollection_ ? this.featuresCollection_.getLength() === 0 : !0;
  }
  loadFeatures(e, t, n) {
    const r = this.loadedExtentsRtree_, s = this.strategy_(e, t, n);
    for (let o = 0, a = s.length; o < a; ++o) {
      const l = s[o];
      r.forEachInExtent(l, function(h) {
        return Xi(h.extent, l);
      }) || (++this.loadingExtentsCount_, this.dispatchEvent(new ln(Pe.FEATURESLOADSTART)), this.loader_.call(this, l, t, n, (h) => {
        --this.loadingExtentsCount_, this.dispatchEvent(new ln(Pe.FEATURESLOADEND, void 0, h));
      }, () => {
        --this.loadingExtentsCount_, this.dispatchEvent(new ln(Pe.FEATURESLOADERROR));
      }), r.insert(l, { extent: l.slice() }));
    }
    this.loading = this.loader_.length < 4 ? !1 : this.loadingExtentsCount_ > 0;
  }
  refresh() {
    this.clear(!0), this.loadedExtentsRtree_.clear(), super.refresh();
  }
  removeLoadedExtent(e) {
    const t = this.loadedExtentsRtree_, n = t.forEachInExtent(e, function(r) {
      if (wi(r.extent, e)) return r;
    });
    n && t.remove(n);
  }
  removeFeatures(e) {
    let t = !1;
    for (let n = 0, r = e.length; n < r; ++n) t = this.removeFeatureInternal(e[n]) || t;
    t && this.changed();
  }
  removeFeature(e) {
    e && this.removeFeatureInternal(e) && this.changed();
  }
  removeFeatureInternal(e) {
    const t = z(e);
    if (!(t in this.uidIndex_)) return !1;
    t in this.nullGeometryFeatures_ ? delete this.nullGeometryFeatures_[t] : this.featuresRtree_ && this.featuresRtree_.remove(e), this.featureChangeKeys_[t]?.forEach(he), delete this.featureChangeKeys_[t];
    const n = e.getId();
    if (n !== void 0) {
      const r = n.toString(), s = this.idIndex_[r];
      s === e ? delete this.idIndex_[r] : Array.isArray(s) && (s.splice(s.indexOf(e), 1), s.length === 1 && (this.idIndex_[r] = s[0]));
    }
    return delete this.uidIndex_[t], this.hasListener(Pe.REMOVEFEATURE) && this.dispatchEvent(new ln(Pe.REMOVEFEATURE, e)), !0;
  }
  removeFromIdIndex_(e) {
    for (const t in this.idIndex_) if (this.idIndex_[t] === e) {
      delete this.idIndex_[t];
      break;
    }
  }
  setLoader(e) {
    this.loader_ = e;
  }
  setUrl(e) {
    ne(this.format_, "`format` must be set when `url` is set"), this.url_ = e, this.setLoader(lh(e, this.format_));
  }
  setOverlaps(e) {
    this.overlaps_ = e, this.changed();
  }
}
const Fe = { ANIMATING: 0, INTERACTING: 1 }, $ = { BEGIN_GEOMETRY: 0, BEGIN_PATH: 1, CIRCLE: 2, CLOSE_PATH: 3, CUSTOM: 4, DRAW_CHARS: 5, DRAW_IMAGE: 6, END_GEOMETRY: 7, FILL: 8, MOVE_TO_LINE_TO: 9, SET_FILL_STYLE: 10, SET_STROKE_STYLE: 11, STROKE: 12 }, Qr = [$.FILL], xn = [$.STROKE], Dn = [$.BEGIN_PATH], dh = [$.CLOSE_PATH];
class kr extends Xc {
  constructor(e, t, n, r) {
    super(), this.tolerance = e, this.maxExtent = t, this.pixelRatio = r, this.maxLineWidth = 0, this.resolution = n, this.beginGeometryInstruction1_ = null, this.beginGeometryInstruction2_ = null, this.bufferedMaxExtent_ = null, this.instructions = [], this.coordinates = [], this.tmpCoordinate_ = [], this.hitDetectionInstructions = [], this.state = {};
  }
  applyPixelRatio(e) {
    const t = this.pixelRatio;
    return t == 1 ? e : e.map(function(n) {
      return n * t;
    });
  }
  appendFlatPointCoordinates(e, t) {
    const n = this.getBufferedMaxExtent(), r = this.tmpCoordinate_, s = this.coordinates;
    let o = s.length;
    for (let a = 0, l = e.length; a < l; a += t) r[0] = e[a], r[1] = e[a + 1], Ti(n, r) && (s[o++] = r[0], s[o++] = r[1]);
    return o;
  }
  appendFlatLineCoordinates(e, t, n, r, s, o) {
    const a = this.coordinates;
    let l = a.length;
    const h = this.getBufferedMaxExtent();
    o && (t += r);
    let c = e[t], u = e[t + 1];
    const d = this.tmpCoordinate_;
    let g = !0, f, p, _;
    for (f = t + r; f < n; f += r) d[0] = e[f], d[1] = e[f + 1], _ = Vo(h, d), _ !== p ? (g && (a[l++] = c, a[l++] = u, g = !1), a[l++] = d[0], a[l++] = d[1]) : _ === Ae.INTERSECTING ? (a[l++] = d[0], a[l++] = d[1], g = !1) : g = !0, c = d[0], u = d[1], p = _;
    return (s && g || f === t + r) && (a[l++] = c, a[l++] = u), l;
  }
  drawCustomCoordinates_(e, t, n, r, s) {
    for (let o = 0, a = n.length; o < a; ++o) {
      const l = n[o], h = this.appendFlatLineCoordinates(e, t, l, r, !1, !1);
      s.push(h), t = l;
    }
    return t;
  }
  drawCustom(e, t, n, r, s) {
    this.beginGeometry(e, t, s);
    const o = e.getType(), a = e.getStride(), l = this.coordinates.length;
    let h, c, u, d, g;
    switch (o) {
      case "MultiPolygon":
        h = e.getOrientedFlatCoordinates(), d = [];
        const f = e.getEndss();
        g = 0;
        for (let p = 0, _ = f.length; p < _; ++p) {
          const y = [];
          g = this.drawCustomCoordinates_(h, g, f[p], a, y), d.push(y);
        }
        this.instructions.push([$.CUSTOM, l, d, e, n, Qo, s]), this.hitDetectionInstructions.push([$.CUSTOM, l, d, e, r || n, Qo, s]);
        break;
      case "Polygon":
      case "MultiLineString":
        u = [], h = o == "Polygon" ? e.getOrientedFlatCoordinates() : e.getFlatCoordinates(), g = this.drawCustomCoordinates_(h, 0, e.getEnds(), a, u), this.instructions.push([$.CUSTOM, l, u, e, n, _r, s]), this.hitDetectionInstructions.push([$.CUSTOM, l, u, e, r || n, _r, s]);
        break;
      case "LineString":
      case "Circle":
        h = e.getFlatCoordinates(), c = this.appendFlatLineCoordinates(h, 0, h.length, a, !1, !1), this.instructions.push([$.CUSTOM, l, c, e, n, mn, s]), this.hitDetectionInstructions.push([$.CUSTOM, l, c, e, r || n, mn, s]);
        break;
      case "MultiPoint":
        h = e.getFlatCoordinates(), c = this.appendFlatPointCoordinates(h, a), c > l && (this.instructions.push([$.CUSTOM, l, c, e, n, mn, s]), this.hitDetectionInstructions.push([$.CUSTOM, l, c, e, r || n, mn, s]));
        break;
      case "Point":
        h = e.getFlatCoordinates(), this.coordinates.push(h[0], h[1]), c = this.coordinates.length, this.instructions.push([$.CUSTOM, l, c, e, n, void 0, s]), this.hitDetectionInstructions.push([$.CUSTOM, l, c, e, r || n, void 0, s]);
        break;
    }
    this.endGeometry(t);
  }
  beginGeometry(e, t, n) {
    this.beginGeometryInstruction1_ = [$.BEGIN_GEOMETRY, t, 0, e, n], this.instructions.push(this.beginGeometryInstruction1_), this.beginGeometryInstruction2_ = [$.BEGIN_GEOMETRY, t, 0, e, n], this.hitDetectionInstructions.push(this.beginGeometryInstruction2_);
  }
  finish() {
    return { instructions: this.instructions, hitDetectionInstructions: this.hitDetectionInstructions, coordinates: this.coordinates };
  }
  reverseHitDetectionInstructions() {
    const e = this.hitDetectionInstructions;
    e.reverse();
    let t;
    const n = e.length;
    let r, s, o = -1;
    for (t = 0; t < n; ++t) r = e[t], s = r[0], s == $.END_GEOMETRY ? o = t : s == $.BEGIN_GEOMETRY && (r[2] = t, Pg(this.hitDetectionInstructions, o, t), o = -1);
  }
  fillStyleToState(e, t = {}) {
    if (e) {
      const n = e.getColor();
      t.fillPatternScale = n && typeof n == "object" && "src" in n ? this.pixelRatio : 1, t.fillStyle = kt(n || Je);
    } else t.fillStyle = void 0;
    return t;
  }
  strokeStyleToState(e, t = {}) {
    if (e) {
      const n = e.getColor();
      t.strokeStyle = kt(n || vr);
      const r = e.getLineCap();
      t.lineCap = r !== void 0 ? r : Ai;
      const s = e.getLineDash();
      t.lineDash = s ? s.slice() : nn;
      const o = e.getLineDashOffset();
      t.lineDashOffset = o || rn;
      const a = e.getLineJoin();
      t.lineJoin = a !== void 0 ? a : Ii;
      const l = e.getWidth();
      t.lineWidth = l !== void 0 ? l : Cr;
      const h = e.getMiterLimit();
      t.miterLimit = h !== void 0 ? h : xr, t.lineWidth > this.maxLineWidth && (this.maxLineWidth = t.lineWidth, this.bufferedMaxExtent_ = null);
    } else t.strokeStyle = void 0, t.lineCap = void 0, t.lineDash = null, t.lineDashOffset = void 0, t.lineJoin = void 0, t.lineWidth = void 0, t.miterLimit = void 0;
    return t;
  }
  setFillStrokeStyle(e, t) {
    const n = this.state;
    this.fillStyleToState(e, n), this.strokeStyleToState(t, n);
  }
  createFill(e) {
    const t = e.fillStyle, n = [$.SET_FILL_STYLE, t];
    return typeof t != "string" && n.push(e.fillPatternScale), n;
  }
  applyStroke(e) {
    this.instructions.push(this.createStroke(e));
  }
  createStroke(e) {
    return [$.SET_STROKE_STYLE, e.strokeStyle, e.lineWidth * this.pixelRatio, e.lineCap, e.lineJoin, e.miterLimit, e.lineDash ? this.applyPixelRatio(e.lineDash) : null, e.lineDashOffset * this.pixelRatio];
  }
  updateFillStyle(e, t) {
    const n = e.fillStyle;
    (typeof n != "string" || e.currentFillStyle != n) && (this.instructions.push(t.call(this, e)), e.currentFillStyle = n);
  }
  updateStrokeStyle(e, t) {
    const n = e.strokeStyle, r = e.lineCap, s = e.lineDash, o = e.lineDashOffset, a = e.lineJoin, l = e.lineWidth, h = e.miterLimit;
    (e.currentStrokeStyle != n || e.currentLineCap != r || s != e.currentLineDash && !zt(e.currentLineDash, s) || e.currentLineDashOffset != o || e.currentLineJoin != a || e.currentLineWidth != l || e.currentMiterLimit != h) && (t.call(this, e), e.currentStrokeStyle = n, e.currentLineCap = r, e.currentLineDash = s, e.currentLineDashOffset = o, e.currentLineJoin = a, e.currentLineWidth = l, e.currentMiterLimit = h);
  }
  endGeometry(e) {
    this.beginGeometryInstruction1_[2] = this.instructions.length, this.beginGeometryInstruction1_ = null, this.beginGeometryInstruction2_[2] = this.hitDetectionInstructions.length, this.beginGeometryInstruction2_ = null;
    const t = [$.END_GEOMETRY, e];
    this.instructions.push(t), this.hitDetectionInstructions.push(t);
  }
  getBufferedMaxExtent() {
    if (!this.bufferedMaxExtent_ && (this.bufferedMaxExtent_ = sc(this.maxExtent), this.maxLineWidth > 0)) {
      const e = this.resolution * (this.maxLineWidth + 1) / 2;
      Pr(this.bufferedMaxExtent_, e, this.bufferedMaxExtent_);
    }
    return this.bufferedMaxExtent_;
  }
}
class i_ extends kr {
  constructor(e, t, n, r) {
    super(e, t, n, r), this.hitDetectionImage_ = null, this.image_ = null, this.imagePixelRatio_ = void 0, this.anchorX_ = void 0, this.anchorY_ = void 0, this.height_ = void 0, this.opacity_ = void 0, this.originX_ = void 0, this.originY_ = void 0, this.rotateWithView_ = void 0, this.rotation_ = void 0, this.scale_ = void 0, this.width_ = void 0, this.declutterMode_ = void 0, this.declutterImageWithText_ = void 0;
  }
  drawPoint(e, t, n) {
    if (!this.image_ || this.maxExtent && !Ti(this.maxExtent, e.getFlatCoordinates())) return;
    this.beginGeometry(e, t, n);
    const r = e.getFlatCoordinates(), s = e.getStride(), o = this.coordinates.length, a = this.appendFlatPointCoordinates(r, s);
    this.instructions.push([$.DRAW_IMAGE, o, a, this.image_, this.anchorX_ * this.imagePixelRatio_, this.anchorY_ * this.imagePixelRatio_, Math.ceil(this.height_ * this.imagePixelRatio_), this.opacity_, this.originX_ * this.imagePixelRatio_, this.originY_ * this.imagePixelRatio_, this.rotateWithView_, this.rotation_, [this.scale_[0] * this.pixelRatio / this.imagePixelRatio_, this.scale_[1] * this.pixelRatio / this.imagePixelRatio_], Math.ceil(this.width_ * this.imagePixelRatio_), this.declutterMode_, this.declutterImageWithText_]), this.hitDetectionInstructions.push([$.DRAW_IMAGE, o, a, this.hitDetectionImage_, this.anchorX_, this.anchorY_, this.height_, 1, this.originX_, this.originY_, this.rotateWithView_, this.rotation_, this.scale_, this.width_, this.declutterMode_, this.declutterImageWithText_]), this.endGeometry(t);
  }
  drawMultiPoint(e, t, n) {
    if (!this.image_) return;
    this.beginGeometry(e, t, n);
    const r = e.getFlatCoordinates(), s = [];
    for (let l = 0, h = r.length; l < h; l += e.getStride()) (!this.maxExtent || Ti(this.maxExtent, r.slice(l, l + 2))) && s.push(r[l], r[l + 1]);
    const o = this.coordinates.length, a = this.appendFlatPointCoordinates(s, 2);
    this.instructions.push([$.DRAW_IMAGE, o, a, this.image_, this.anchorX_ * this.imagePixelRatio_, this.anchorY_ * this.imagePixelRatio_, Math.ceil(this.height_ * this.imagePixelRatio_), this.opacity_, this.originX_ * this.imagePixelRatio_, this.originY_ * this.imagePixelRatio_, this.rotateWithView_, this.rotation_, [this.scale_[0] * this.pixelRatio / this.imagePixelRatio_, this.scale_[1] * this.pixelRatio / this.imagePixelRatio_], Math.ceil(this.width_ * this.imagePixelRatio_), this.declutterMode_, this.declutterImageWithText_]), this.hitDetectionInstructions.push([$.DRAW_IMAGE, o, a, this.hitDetectionImage_, this.anchorX_, this.anchorY_, this.height_, 1, this.originX_, this.originY_, this.rotateWithView_, this.rotation_, this.scale_, this.width_, this.declutterMode_, this.declutterImageWithText_]), this.endGeometry(t);
  }
  finish() {
    return this.reverseHitDetectionInstructions(), this.anchorX_ = void 0, this.anchorY_ = void 0, this.hitDetectionImage_ = null, this.image_ = null, this.imagePixelRatio_ = void 0, this.height_ = void 0, this.scale_ = void 0, this.opacity_ = void 0, this.originX_ = void 0, this.originY_ = void 0, this.rotateWithView_ = void 0, this.rotation_ = void 0, this.width_ = void 0, super.finish();
  }
  setImageStyle(e, t) {
    const n = e.getAnchor(), r = e.getSize(), s = e.getOrigin();
    this.imagePixelRatio_ = e.getPixelRatio(this.pixelRatio), this.anchorX_ = n[0], this.anchorY_ = n[1], this.hitDetectionImage_ = e.getHitDetectionImage(), this.image_ = e.getImage(this.pixelRatio), this.height_ = r[1], this.opacity_ = e.getOpacity(), this.originX_ = s[0], this.originY_ = s[1], this.rotateWithView_ = e.getRotateWithView(), this.rotation_ = e.getRotation(), this.scale_ = e.getScaleArray(), this.width_ = r[0], this.declutterMode_ = e.getDeclutterMode(), this.declutterImageWithText_ = t;
  }
}
class r_ extends kr {
  constructor(e, t, n, r) {
    super(e, t, n, r);
  }
  drawFlatCoordinates_(e, t, n, r) {
    const s = this.coordinates.length, o = this.appendFlatLineCoordinates(e, t, n, r, !1, !1), a = [$.MOVE_TO_LINE_TO, s, o];
    return this.instructions.push(a), this.hitDetectionInstructions.push(a), n;
  }
  drawLineString(e, t, n) {
    const r = this.state, s = r.strokeStyle, o = r.lineWidth;
    if (s === void 0 || o === void 0) return;
    this.updateStrokeStyle(r, this.applyStroke), this.beginGeometry(e, t, n), this.hitDetectionInstructions.push([$.SET_STROKE_STYLE, r.strokeStyle, r.lineWidth, r.lineCap, r.lineJoin, r.miterLimit, nn, rn], Dn);
    const a = e.getFlatCoordinates(), l = e.getStride();
    this.drawFlatCoordinates_(a, 0, a.length, l), this.hitDetectionInstructions.push(xn), this.endGeometry(t);
  }
  drawMultiLineString(e, t, n) {
    const r = this.state, s = r.strokeStyle, o = r.lineWidth;
    if (s === void 0 || o === void 0) return;
    this.updateStrokeStyle(r, this.applyStroke), this.beginGeometry(e, t, n), this.hitDetectionInstructions.push([$.SET_STROKE_STYLE, r.strokeStyle, r.lineWidth, r.lineCap, r.lineJoin, r.miterLimit, nn, rn], Dn);
    const a = e.getEnds(), l = e.getFlatCoordinates(), h = e.getStride();
    let c = 0;
    for (let u = 0, d = a.length; u < d; ++u) c = this.drawFlatCoordinates_(l, c, a[u], h);
    this.hitDetectionInstructions.push(xn), this.endGeometry(t);
  }
  finish() {
    const e = this.state;
    return e.lastStroke != null && e.lastStroke != this.coordinates.length && this.instructions.push(xn), this.reverseHitDetectionInstructions(), this.state = null, super.finish();
  }
  applyStroke(e) {
    e.lastStroke != null && e.lastStroke != this.coordinates.length && (this.instructions.push(xn), e.lastStroke = this.coordinates.length), e.lastStroke = 0, super.applyStroke(e), this.instructions.push(Dn);
  }
}
class gh extends kr {
  constructor(e, t, n, r) {
    super(e, t, n, r);
  }
  drawFlatCoordinatess_(e, t, n, r) {
    const s = this.state, o = s.fillStyle !== void 0, a = s.strokeStyle !== void 0, l = n.length;
    this.instructions.push(Dn), this.hitDetectionInstructions.push(Dn);
    for (let h = 0; h < l; ++h) {
      const c = n[h], u = this.coordinates.length, d = this.appendFlatLineCoordinates(e, t, c, r, !0, !a), g = [$.MOVE_TO_LINE_TO, u, d];
      this.instructions.push(g), this.hitDetectionInstructions.push(g), a && (this.instructions.push(dh), this.hitDetectionInstructions.push(dh)), t = c;
    }
    return o && (this.instructions.push(Qr), this.hitDetectionInstructions.push(Qr)), a && (this.instructions.push(xn), this.hitDetectionInstructions.push(xn)), t;
  }
  drawCircle(e, t, n) {
    const r = this.state, s = r.fillStyle, o = r.strokeStyle;
    if (s === void 0 && o === void 0) return;
    this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_FILL_STYLE, Je]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_STROKE_STYLE, r.strokeStyle, r.lineWidth, r.lineCap, r.lineJoin, r.miterLimit, nn, rn]);
    const a = e.getFlatCoordinates(), l = e.getStride(), h = this.coordinates.length;
    this.appendFlatLineCoordinates(a, 0, a.length, l, !1, !1);
    const c = [$.CIRCLE, h];
    this.instructions.push(Dn, c), this.hitDetectionInstructions.push(Dn, c), r.fillStyle !== void 0 && (this.instructions.push(Qr), this.hitDetectionInstructions.push(Qr)), r.strokeStyle !== void 0 && (this.instructions.push(xn), this.hitDetectionInstructions.push(xn)), this.endGeometry(t);
  }
  drawPolygon(e, t, n) {
    const r = this.state, s = r.fillStyle, o = r.strokeStyle;
    if (s === void 0 && o === void 0) return;
    this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_FILL_STYLE, Je]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_STROKE_STYLE, r.strokeStyle, r.lineWidth, r.lineCap, r.lineJoin, r.miterLimit, nn, rn]);
    const a = e.getEnds(), l = e.getOrientedFlatCoordinates(), h = e.getStride();
    this.drawFlatCoordinatess_(l, 0, a, h), this.endGeometry(t);
  }
  drawMultiPolygon(e, t, n) {
    const r = this.state, s = r.fillStyle, o = r.strokeStyle;
    if (s === void 0 && o === void 0) return;
    this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_FILL_STYLE, Je]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([$.SET_STROKE_STYLE, r.strokeStyle, r.lineWidth, r.lineCap, r.lineJoin, r.miterLimit, nn, rn]);
    const a = e.getEndss(), l = e.getOrientedFlatCoordinates(), h = e.getStride();
    let c = 0;
    for (let u = 0, d = a.length; u < d; ++u) c = this.drawFlatCoordinatess_(l, c, a[u], h);
    this.endGeometry(t);
  }
  finish() {
    this.reverseHitDetectionInstructions(), this.state = null;
    const e = this.tolerance;
    if (e !== 0) {
      const t = this.coordinates;
      for (let n = 0, r = t.length; n < r; ++n) t[n] = An(t[n], e);
    }
    return super.finish();
  }
  setFillStrokeStyles_() {
    const e = this.state;
    this.updateFillStyle(e, this.createFill), this.updateStrokeStyle(e, this.applyStroke);
  }
}
function s_(i, e, t, n, r) {
  const s = [];
  let o = t, a = 0, l = e.slice(t, 2);
  for (; a < i && o + r < n; ) {
    const [h, c] = l.slice(-2), u = e[o + r], d = e[o + r + 1], g = Math.sqrt((u - h) * (u - h) + (d - c) * (d - c));
    if (a += g, a >= i) {
      const f = (i - a + g) / g, p = ot(h, u, f), _ = ot(c, d, f);
      l.push(p, _), s.push(l), l = [p, _], a == i && (o += r), a = 0;
    } else if (a < i) l.push(e[o + r], e[o + r + 1]), o += r;
    else {
      const f = g - a, p = ot(h, u, f / g), _ = ot(c, d, f / g);
      l.push(p, _), s.push(l), l = [p, _], a = 0, o += r;
    }
  }
  return a > 0 && s.push(l), s;
}
function o_(i, e, t, n, r) {
  let s = t, o = t, a = 0, l = 0, h = t, c, u, d, g, f, p, _, y, x, E;
  for (u = t; u < n; u += r) {
    const v = e[u], m = e[u + 1];
    f !== void 0 && (x = v - f, E = m - p, g = Math.sqrt(x * x + E * E), _ !== void 0 && (l += d, c = Math.acos((_ * x + y * E) / (d * g)), c > i && (l > a && (a = l, s = h, o = u), l = 0, h = u - r)), d = g, _ = x, y = E), f = v, p = m;
  }
  return l += g, l > a ? [h, u] : [s, o];
}
const Cs = { left: 0, center: 0.5, right: 1, top: 0, middle: 0.5, hanging: 0.2, alphabetic: 0.8, ideographic: 0.8, bottom: 1 };
class a_ extends kr {
  constructor(e, t, n, r) {
    super(e, t, n, r), this.labels_ = null, this.text_ = "", this.textOffsetX_ = 0, this.textOffsetY_ = 0, this.textRotateWithView_ = void 0, this.textKeepUpright_ = void 0, this.textRotation_ = 0, this.textFillState_ = null, this.fillStates = {}, this.fillStates[Je] = { fillStyle: Je }, this.textStrokeState_ = null, this.strokeStates = {}, this.textState_ = {}, this.textStates = {}, this.textKey_ = "", this.fillKey_ = "", this.strokeKey_ = "", this.declutterMode_ = void 0, this.declutterImageWithText_ = void 0;
  }
  finish() {
    const e = super.finish();
    return e.textStates = this.textStates, e.fillStates = this.fillStates, e.strokeStates = this.strokeStates, e;
  }
  drawText(e, t, n) {
    const r = this.textFillState_, s = this.textStrokeState_, o = this.textState_;
    if (this.text_ === "" || !o || !r && !s) return;
    const a = this.coordinates;
    let l = a.length;
    const h = e.getType();
    let c = null, u = e.getStride();
    if (o.placement === "line" && (h == "LineString" || h == "MultiLineString" || h == "Polygon" || h == "MultiPolygon")) {
      if (!Ye(this.maxExtent, e.getExtent())) return;
      let d;
      if (c = e.getFlatCoordinates(), h == "LineString") d = [c.length];
      else if (h == "MultiLineString") d = e.getEnds();
      else if (h == "Polygon") d = e.getEnds().slice(0, 1);
      else if (h == "MultiPolygon") {
        const _ = e.getEndss();
        d = [];
        for (let y = 0, x = _.length; y < x; ++y) d.push(_[y][0]);
      }
      this.beginGeometry(e, t, n);
      const g = o.repeat, f = g ? void 0 : o.textAlign;
      let p = 0;
      for (let _ = 0, y = d.length; _ < y; ++_) {
        let x;
        g ? x = s_(g * this.resolution, c, p, d[_], u) : x = [c.slice(p, d[_])];
        for (let E = 0, v = x.length; E < v; ++E) {
          const m = x[E];
          let S = 0, T = m.length;
          if (f == null) {
            const b = o_(o.maxAngle, m, 0, m.length, 2);
            S = b[0], T = b[1];
          }
          for (let b = S; b < T; b += u) a.push(m[b], m[b + 1]);
          const w = a.length;
          p = d[_], this.drawChars_(l, w), l = w;
        }
      }
      this.endGeometry(t);
    } else {
      let d = o.overflow ? null : [];
      switch (h) {
        case "Point":
        case "MultiPoint":
          c = e.getFlatCoordinates();
          break;
        case "LineString":
          c = e.getFlatMidpoint();
          break;
        case "Circle":
          c = e.getCenter();
          break;
        case "MultiLineString":
          c = e.getFlatMidpoints(), u = 2;
          break;
        case "Polygon":
          c = e.getFlatInteriorPoint(), o.overflow || d.push(c[2] / this.resolution), u = 3;
          break;
        case "MultiPolygon":
          const v = e.getFlatInteriorPoints();
          c = [];
          for (let m = 0, S = v.length; m < S; m += 3) o.overflow || d.push(v[m + 2] / this.resolution), c.push(v[m], v[m + 1]);
          if (c.length === 0) return;
          u = 2;
          break;
      }
      const g = this.appendFlatPointCoordinates(c, u);
      if (g === l) return;
      if (d && (g - l) / 2 !== c.length / u) {
        let v = l / 2;
        d = d.filter((m, S) => {
          const T = a[(v + S) * 2] === c[S * u] && a[(v + S) * 2 + 1] === c[S * u + 1];
          return T || --v, T;
        });
      }
      this.saveTextStates_();
      const f = o.backgroundFill ? this.createFill(this.fillStyleToState(o.backgroundFill)) : null, p = o.backgroundStroke ? this.createStroke(this.strokeStyleToState(o.backgroundStroke)) : null;
      this.beginGeometry(e, t, n);
      let _ = o.padding;
      if (_ != Mn && (o.scale[0] < 0 || o.scale[1] < 0)) {
        let v = o.padding[0], m = o.padding[1], S = o.padding[2], T = o.padding[3];
        o.scale[0] < 0 && (m = -m, T = -T), o.scale[1] < 0 && (v = -v, S = -S), _ = [v, m, S, T];
      }
      const y = this.pixelRatio;
      this.instructions.push([$.DRAW_IMAGE, l, g, null, NaN, NaN, NaN, 1, 0, 0, this.textRotateWithView_, this.textRotation_, [1, 1], NaN, this.declutterMode_, this.declutterImageWithText_, _ == Mn ? Mn : _.map(function(v) {
        return v * y;
      }), f, p, this.text_, this.textKey_, this.strokeKey_, this.fillKey_, this.textOffsetX_, this.textOffsetY_, d]);
      const x = 1 / y, E = f ? f.slice(0) : null;
      E && (E[1] = Je), this.hitDetectionInstructions.push([$.DRAW_IMAGE, l, g, null, NaN, NaN, NaN, 1, 0, 0, this.textRotateWithView_, this.textRotation_, [x, x], NaN, this.declutterMode_, this.declutterImageWithText_, _, E, p, this.text_, this.textKey_, this.strokeKey_, this.fillKey_ ? Je : this.fillKey_, this.textOffsetX_, this.textOffsetY_, d]), this.endGeometry(t);
    }
  }
  saveTextStates_() {
    const e = this.textStrokeState_, t = this.textState_, n = this.textFillState_, r = this.strokeKey_;
    e && (r in this.strokeStates || (this.strokeStates[r] = { strokeStyle: e.strokeStyle, lineCap: e.lineCap, lineDashOffset: e.lineDashOffset, lineWidth: e.lineWidth, lineJoin: e.lineJoin, miterLimit: e.miterLimit, lineDash: e.lineDash }));
    const s = this.textKey_;
    s in this.textStates || (this.textStates[s] = { font: t.font, textAlign: t.textAlign || Er, justify: t.justify, textBaseline: t.textBaseline || Es, scale: t.scale });
    const o = this.fillKey_;
    n && (o in this.fillStates || (this.fillStates[o] = { fillStyle: n.fillStyle }));
  }
  drawChars_(e, t) {
    const n = this.textStrokeState_, r = this.textState_, s = this.strokeKey_, o = this.textKey_, a = this.fillKey_;
    this.saveTextStates_();
    const l = this.pixelRatio, h = Cs[r.textBaseline], c = this.textOffsetY_ * l, u = this.text_, d = n ? n.lineWidth * Math.abs(r.scale[0]) / 2 : 0;
    this.instructions.push([$.DRAW_CHARS, e, t, h, r.overflow, a, r.maxAngle, l, c, s, d * l, u, o, 1, this.declutterMode_, this.textKeepUpright_]), this.hitDetectionInstructions.push([$.DRAW_CHARS, e, t, h, r.overflow, a && Je, r.maxAngle, l, c, s, d * l, u, o, 1 / l, this.declutterMode_, this.textKeepUpright_]);
  }
  setTextStyle(e, t) {
    let n, r, s;
    if (!e) this.text_ = "";
    else {
      const o = e.getFill();
      o ? (r = this.textFillState_, r || (r = {}, this.textFillState_ = r), r.fillStyle = kt(o.getColor() || Je)) : (r = null, this.textFillState_ = r);
      const a = e.getStroke();
      if (!a) s = null, this.textStrokeState_ = s;
      else {
        s = this.textStrokeState_, s || (s = {}, this.textStrokeState_ = s);
        const p = a.getLineDash(), _ = a.getLineDashOffset(), y = a.getWidth(), x = a.getMiterLimit();
        s.lineCap = a.getLineCap() || Ai, s.lineDash = p ? p.slice() : nn, s.lineDashOffset = _ === void 0 ? rn : _, s.lineJoin = a.getLineJoin() || Ii, s.lineWidth = y === void 0 ? Cr : y, s.miterLimit = x === void 0 ? xr : x, s.strokeStyle = kt(a.getColor() || vr);
      }
      n = this.textState_;
      const l = e.getFont() || zc;
      wf(l);
      const h = e.getScaleArray();
      n.overflow = e.getOverflow(), n.font = l, n.maxAngle = e.getMaxAngle(), n.placement = e.getPlacement(), n.textAlign = e.getTextAlign(), n.repeat = e.getRepeat(), n.justify = e.getJustify(), n.textBaseline = e.getTextBaseline() || Es, n.backgroundFill = e.getBackgroundFill(), n.backgroundStroke = e.getBackgroundStroke(), n.padding = e.getPadding() || Mn, n.scale = h === void 0 ? [1, 1] : h;
      const c = e.getOffsetX(), u = e.getOffsetY(), d = e.getRotateWithView(), g = e.getKeepUpright(), f = e.getRotation();
      this.text_ = e.getText() || "", this.textOffsetX_ = c === void 0 ? 0 : c, this.textOffsetY_ = u === void 0 ? 0 : u, this.textRotateWithView_ = d === void 0 ? !1 : d, this.textKeepUpright_ = g === void 0 ? !0 : g, this.textRotation_ = f === void 0 ? 0 : f, this.strokeKey_ = s ? (typeof s.strokeStyle == "string" ? s.strokeStyle : z(s.strokeStyle)) + s.lineCap + s.lineDashOffset + "|" + s.lineWidth + s.lineJoin + s.miterLimit + "[" + s.lineDash.join() + "]" : "", this.textKey_ = n.font + n.scale + (n.textAlign || "?") + (n.repeat || "?") + (n.justify || "?") + (n.textBaseline || "?"), this.fillKey_ = r && r.fillStyle ? typeof r.fillStyle == "string" ? r.fillStyle : "|" + z(r.fillStyle) : "";
    }
    this.declutterMode_ = e.getDeclutterMode(), this.declutterImageWithText_ = t;
  }
}
const l_ = { Circle: gh, Default: kr, Image: i_, LineString: r_, Polygon: gh, Text: a_ };
class h_ {
  constructor(e, t, n, r) {
    this.tolerance_ = e, this.maxExtent_ = t, this.pixelRatio_ = r, this.resolution_ = n, this.buildersByZIndex_ = {};
  }
  finish() {
    const e = {};
    for (const t in this.buildersByZIndex_) {
      e[t] = e[t] || {};
      const n = this.buildersByZIndex_[t];
      for (const r in n) {
        const s = n[r].finish();
        e[t][r] = s;
      }
    }
    return e;
  }
  getBuilder(e, t) {
    const n = e !== void 0 ? e.toString() : "0";
    let r = this.buildersByZIndex_[n];
    r === void 0 && (r = {}, this.buildersByZIndex_[n] = r);
    let s = r[t];
    if (s === void 0) {
      const o = l_[t];
      s = new o(this.tolerance_, this.maxExtent_, this.resolution_, this.pixelRatio_), r[t] = s;
    }
    return s;
  }
}
function c_(i, e, t, n, r, s, o, a, l, h, c, u, d = !0) {
  let g = i[e], f = i[e + 1], p = 0, _ = 0, y = 0, x = 0;
  function E() {
    p = g, _ = f, e += n, g = i[e], f = i[e + 1], x += y, y = Math.sqrt((g - p) * (g - p) + (f - _) * (f - _));
  }
  do
    E();
  while (e < t - n && x + y < s);
  let v = y === 0 ? 0 : (s - x) / y;
  const m = ot(p, g, v), S = ot(_, f, v), T = e - n, w = x, b = s + a * l(h, r, c);
  for (; e < t - n && x + y < b; ) E();
  v = y === 0 ? 0 : (b - x) / y;
  const M = ot(p, g, v), A = ot(_, f, v);
  let P = !1;
  if (d) if (u) {
    const D = [m, S, M, A];
    Cc(D, 0, 4, 2, u, D, D), P = D[0] > D[2];
  } else P = m > M;
  const R = Math.PI, I = [], O = T + n === e;
  e = T, y = 0, x = w, g = i[e], f = i[e + 1];
  let B;
  if (O) {
    E(), B = Math.atan2(f - _, g - p), P && (B += B > 0 ? -R : R);
    const D = (M + m) / 2, U = (A + S) / 2;
    return I[0] = [D, U, (b - s) / 2, B, r], I;
  }
  r = r.replace(/\n/g, " ");
  for (let D = 0, U = r.length; D < U; ) {
    E();
    let W = Math.atan2(f - _, g - p);
    if (P && (W += W > 0 ? -R : R), B !== void 0) {
      let Ee = W - B;
      if (Ee += Ee > R ? -2 * R : Ee < -R ? 2 * R : 0, Math.abs(Ee) > o) return null;
    }
    B = W;
    const q = D;
    let re = 0;
    for (; D < U; ++D) {
      const Ee = P ? U - D - 1 : D, ve = a * l(h, r[Ee], c);
      if (e + n < t && x + y < s + re + ve / 2) break;
      re += ve;
    }
    if (D === q) continue;
    const F = P ? r.substring(U - q, U - D) : r.substring(q, D);
    v = y === 0 ? 0 : (s + re / 2 - x) / y;
    const Ge = ot(p, g, v), st = ot(_, f, v);
    I.push([Ge, st, re / 2, W, F]), s += re;
  }
  return I;
}
class Qc {
  constructor() {
    this.instructions_ = [], this.zIndex = 0, this.offset_ = 0, this.context_ = new Proxy(xs(), { get: (e, t) => {
      if (typeof xs()[t] == "function") return this.push_(t), this.pushMethodArgs_;
    }, set: (e, t, n) => (this.push_(t, n), !0) });
  }
  push_(...e) {
    const t = this.instructions_, n = this.zIndex + this.offset_;
    t[n] || (t[n] = []), t[n].push(...e);
  }
  pushMethodArgs_ = (...e) => (this.push_(e), this);
  pushFunction(e) {
    this.push_(e);
  }
  getContext() {
    return this.context_;
  }
  draw(e) {
    this.instructions_.forEach((t) => {
      for (let n = 0, r = t.length; n < r; ++n) {
        const s = t[n];
        if (typeof s == "function") {
          s(e);
          continue;
        }
        const o = t[++n];
        if (typeof e[s] == "function") e[s](...o);
        else {
          if (typeof o == "function") {
            e[s] = o(e);
            continue;
          }
          e[s] = o;
        }
      }
    });
  }
  clear() {
    this.instructions_.length = 0, this.zIndex = 0, this.offset_ = 0;
  }
  offset() {
    this.offset_ = this.instructions_.length, this.zIndex = 0;
  }
}
const ni = ct(), hn = [], Xt = [], Yt = [], cn = [];
function fh(i) {
  return i[3].declutterBox;
}
const _h = new RegExp("[֑-ࣿיִ-﷿ﹰ-ﻼࠀ-࿿-]");
function xo(i, e) {
  return e === "start" ? e = _h.test(i) ? "right" : "left" : e === "end" && (e = _h.test(i) ? "left" : "right"), Cs[e];
}
function u_(i, e, t) {
  return t > 0 && i.push(`
`, ""), i.push(e, ""), i;
}
function d_(i, e, t) {
  return t % 2 === 0 && (i += e), i;
}
class g_ {
  constructor(e, t, n, r, s) {
    this.overlaps = n, this.pixelRatio = t, this.resolution = e, this.alignAndScaleFill_, this.instructions = r.instructions, this.coordinates = r.coordinates, this.coordinateCache_ = {}, this.renderedTransform_ = we(), this.hitDetectionInstructions = r.hitDetectionInstructions, this.pixelCoordinates_ = null, this.viewRotation_ = 0, this.fillStates = r.fillStates || {}, this.strokeStates = r.strokeStates || {}, this.textStates = r.textStates || {}, this.widths_ = {}, this.labels_ = {}, this.zIndexContext_ = s ? new Qc() : null;
  }
  getZIndexContext() {
    return this.zIndexContext_;
  }
  createLabel(e, t, n, r) {
    const s = e + t + n + r;
    if (this.labels_[s]) return this.labels_[s];
    const o = r ? this.strokeStates[r] : null, a = n ? this.fillStates[n] : null, l = this.textStates[t], h = this.pixelRatio, c = [l.scale[0] * h, l.scale[1] * h], u = l.justify ? Cs[l.justify] : xo(Array.isArray(e) ? e[0] : e, l.textAlign || Er), d = r && o.lineWidth ? o.lineWidth : 0, g = Array.isArray(e) ? e : String(e).split(`
`).reduce(u_, []), { width: f, height: p, widths: _, heights: y, lineWidths: x } = bf(l, g), E = f + d, v = [], m = (E + 2) * c[0], S = (p + d) * c[1], T = { width: m < 0 ? Math.floor(m) : Math.ceil(m), height: S < 0 ? Math.floor(S) : Math.ceil(S), contextInstructions: v };
    (c[0] != 1 || c[1] != 1) && v.push("scale", c), r && (v.push("strokeStyle", o.strokeStyle), v.push("lineWidth", d), v.push("lineCap", o.lineCap), v.push("lineJoin", o.lineJoin), v.push("miterLimit", o.miterLimit), v.push("setLineDash", [o.lineDash]), v.push("lineDashOffset", o.lineDashOffset)), n && v.push("fillStyle", a.fillStyle), v.push("textBaseline", "middle"), v.push("textAlign", "center");
    const w = 0.5 - u;
    let b = u * E + w * d;
    const M = [], A = [];
    let P = 0, R = 0, I = 0, O = 0, B;
    for (let D = 0, U = g.length; D < U; D += 2) {
      const W = g[D];
      if (W === `
`) {
        R += P, P = 0, b = u * E + w * d, ++O;
        continue;
      }
      const q = g[D + 1] || l.font;
      q !== B && (r && M.push("font", q), n && A.push("font", q), B = q), P = Math.max(P, y[I]);
      const re = [W, b + w * _[I] + u * (_[I] - x[O]), 0.5 * (d + P) + R];
      b += _[I], r && M.push("strokeText", re), n && A.push("fillText", re), ++I;
    }
    return Array.prototype.push.apply(v, M), Array.prototype.push.apply(v, A), this.labels_[s] = T, T;
  }
  replayTextBackground_(e, t, n, r, s, o, a) {
    e.beginPath(), e.moveTo.apply(e, t), e.lineTo.apply(e, n), e.lineTo.apply(e, r), e.lineTo.apply(e, s), e.lineTo.apply(e, t), o && (this.alignAndScaleFill_ = o[2], e.fillStyle = o[1], this.fill_(e)), a && (this.setStrokeStyle_(e, a), e.stroke());
  }
  calculateImageOrLabelDimensions_(e, t, n, r, s, o, a, l, h, c, u, d, g, f, p, _) {
    a *= d[0], l *= d[1];
    let y = n - a, x = r - l;
    const E = s + h > e ? e - h : s, v = o + c > t ? t - c : o, m = f[3] + E * d[0] + f[1], S = f[0] + v * d[1] + f[2], T = y - f[3], w = x - f[0];
    (p || u !== 0) && (hn[0] = T, cn[0] = T, hn[1] = w, Xt[1] = w, Xt[0] = T + m, Yt[0] = Xt[0], Yt[1] = w + S, cn[1] = Yt[1]);
    let b;
    return u !== 0 ? (b = wt(we(), n, r, 1, 1, u, -n, -r), me(b, hn), me(b, Xt), me(b, Yt), me(b, cn), Cn(Math.min(hn[0], Xt[0], Yt[0], cn[0]), Math.min(hn[1], Xt[1], Yt[1], cn[1]), Math.max(hn[0], Xt[0], Yt[0], cn[0]), Math.max(hn[1], Xt[1], Yt[1], cn[1]), ni)) : Cn(Math.min(T, T + m), Math.min(w, w + S), Math.max(T, T + m), Math.max(w, w + S), ni), g && (y = Math.round(y), x = Math.round(x)), { drawImageX: y, drawImageY: x, drawImageW: E, drawImageH: v, originX: h, originY: c, declutterBox: { minX: ni[0], minY: ni[1], maxX: ni[2], maxY: ni[3], value: _ }, canvasTransform: b, scale: d };
  }
  replayImageOrLabel_(e, t, n, r, s, o, a) {
    const l = !!(o || a), h = r.declutterBox, c = a ? a[2] * r.scale[0] / 2 : 0;
    return h.minX - c <= t[0] && h.maxX + c >= 0 && h.minY - c <= t[1] && h.maxY + c >= 0 && (l && this.replayTextBackground_(e, hn, Xt, Yt, cn, o, a), Pf(e, r.canvasTransform, s, n, r.originX, r.originY, r.drawImageW, r.drawImageH, r.drawImageX, r.drawImageY, r.scale)), !0;
  }
  fill_(e) {
    const t = this.alignAndScaleFill_;
    if (t) {
      const n = me(this.renderedTransform_, [0, 0]), r = 512 * this.pixelRatio;
      e.save(), e.translate(n[0] % r, n[1] % r), t !== 1 && e.scale(t, t), e.rotate(this.viewRotation_);
    }
    e.fill(), t && e.restore();
  }
  setStrokeStyle_(e, t) {
    e.strokeStyle = t[1], t[1] && (e.lineWidth = t[2], e.lineCap = t[3], e.lineJoin = t[4], e.miterLimit = t[5], e.lineDashOffset = t[7], e.setLineDash(t[6]));
  }
  drawLabelWithPointPlacement_(e, t, n, r) {
    const s = this.textStates[t], o = this.createLabel(e, t, r, n), a = this.strokeStates[n], l = this.pixelRatio, h = xo(Array.isArray(e) ? e[0] : e, s.textAlign || Er), c = Cs[s.textBaseline || Es], u = a && a.lineWidth ? a.lineWidth : 0, d = o.width / l - 2 * s.scale[0], g = h * d + 2 * (0.5 - h) * u, f = c * o.height / l + 2 * (0.5 - c) * u;
    return { label: o, anchorX: g, anchorY: f };
  }
  execute_(e, t, n, r, s, o, a, l) {
    const h = this.zIndexContext_;
    let c;
    this.pixelCoordinates_ && zt(n, this.renderedTransform_) ? c = this.pixelCoordinates_ : (this.pixelCoordinates_ || (this.pixelCoordinates_ = []), c = Bt(this.coordinates, 0, this.coordinates.length, 2, n, this.pixelCoordinates_), Ec(this.renderedTransform_, n));
    let u = 0;
    const d = r.length;
    let g = 0, f, p, _, y, x, E, v, m, S, T, w, b, M, A = 0, P = 0;
    const R = this.coordinateCache_, I = this.viewRotation_, O = Math.round(Math.atan2(-n[1], n[0]) * 1e12) / 1e12, B = { context: e, pixelRatio: this.pixelRatio, resolution: this.resolution, rotation: I }, D = this.instructions != r || this.overlaps ? 0 : 200;
    let U, W, q, re;
    for (; u < d; ) {
      const F = r[u];
      switch (F[0]) {
        case $.BEGIN_GEOMETRY:
          U = F[1], re = F[3], U.getGeometry() ? a !== void 0 && !Ye(a, re.getExtent()) ? u = F[2] + 1 : ++u : u = F[2], h && (h.zIndex = F[4]);
          break;
        case $.BEGIN_PATH:
          A > D && (this.fill_(e), A = 0), P > D && (e.stroke(), P = 0), !A && !P && (e.beginPath(), x = NaN, E = NaN), ++u;
          break;
        case $.CIRCLE:
          g = F[1];
          const Ge = c[g], st = c[g + 1], Ee = c[g + 2], ve = c[g + 3], Be = Ee - Ge, L = ve - st, G = Math.sqrt(Be * Be + L * L);
          e.moveTo(Ge + G, st), e.arc(Ge, st, G, 0, 2 * Math.PI, !0), ++u;
          break;
        case $.CLOSE_PATH:
          e.closePath(), ++u;
          break;
        case $.CUSTOM:
          g = F[1], f = F[2];
          const te = F[3], an = F[4], Oi = F[5];
          B.geometry = te, B.feature = U, u in R || (R[u] = []);
          const Tn = R[u];
          Oi ? Oi(c, g, f, 2, Tn) : (Tn[0] = c[g], Tn[1] = c[g + 1], Tn.length = 2), h && (h.zIndex = F[6]), an(Tn, B), ++u;
          break;
        case $.DRAW_IMAGE:
          g = F[1], f = F[2], S = F[3], p = F[4], _ = F[5];
          let ut = F[6];
          const It = F[7], Kn = F[8], qn = F[9], ki = F[10];
          let wn = F[11];
          const Jn = F[12];
          let Qn = F[13];
          y = F[14] || "declutter";
          const be = F[15];
          if (!S && F.length >= 20) {
            T = F[19], w = F[20], b = F[21], M = F[22];
            const dt = this.drawLabelWithPointPlacement_(T, w, b, M);
            S = dt.label, F[3] = S;
            const Rn = F[23];
            p = (dt.anchorX - Rn) * this.pixelRatio, F[4] = p;
            const gt = F[24];
            _ = (dt.anchorY - gt) * this.pixelRatio, F[5] = _, ut = S.height, F[6] = ut, Qn = S.width, F[13] = Qn;
          }
          let Qs;
          F.length > 25 && (Qs = F[25]);
          let eo, zr, $r;
          F.length > 17 ? (eo = F[16], zr = F[17], $r = F[18]) : (eo = Mn, zr = null, $r = null), ki && O ? wn += I : !ki && !O && (wn -= I);
          let ju = 0;
          for (; g < f; g += 2) {
            if (Qs && Qs[ju++] < Qn / this.pixelRatio) continue;
            const dt = this.calculateImageOrLabelDimensions_(S.width, S.height, c[g], c[g + 1], Qn, ut, p, _, Kn, qn, wn, Jn, s, eo, !!zr || !!$r, U), Rn = [e, t, S, dt, It, zr, $r];
            if (l) {
              let gt, Ft, ft;
              if (be) {
                const pe = f - g;
                if (!be[pe]) {
                  be[pe] = { args: Rn, declutterMode: y };
                  continue;
                }
                const We = be[pe];
                gt = We.args, Ft = We.declutterMode, delete be[pe], ft = fh(gt);
              }
              let Vt, Wt;
              if (gt && (Ft !== "declutter" || !l.collides(ft)) && (Vt = !0), (y !== "declutter" || !l.collides(dt.declutterBox)) && (Wt = !0), Ft === "declutter" && y === "declutter") {
                const pe = Vt && Wt;
                Vt = pe, Wt = pe;
              }
              Vt && (Ft !== "none" && l.insert(ft), this.replayImageOrLabel_.apply(this, gt)), Wt && (y !== "none" && l.insert(dt.declutterBox), this.replayImageOrLabel_.apply(this, Rn));
            } else this.replayImageOrLabel_.apply(this, Rn);
          }
          ++u;
          break;
        case $.DRAW_CHARS:
          const Pl = F[1], Al = F[2], to = F[3], Xu = F[4];
          M = F[5];
          const Yu = F[6], Il = F[7], Fl = F[8];
          b = F[9];
          const no = F[10];
          T = F[11], Array.isArray(T) && (T = T.reduce(d_, "")), w = F[12];
          const Ll = [F[13], F[13]];
          y = F[14] || "declutter";
          const Zu = F[15], io = this.textStates[w], Ni = io.font, Gi = [io.scale[0] * Il, io.scale[1] * Il];
          let Bi;
          Ni in this.widths_ ? Bi = this.widths_[Ni] : (Bi = {}, this.widths_[Ni] = Bi);
          const Ml = Na(c, Pl, Al, 2), Dl = Math.abs(Gi[0]) * th(Ni, T, Bi);
          if (Xu || Dl <= Ml) {
            const dt = this.textStates[w].textAlign, Rn = (Ml - Dl) * xo(T, dt), gt = c_(c, Pl, Al, 2, T, Rn, Yu, Math.abs(Gi[0]), th, Ni, Bi, O ? 0 : this.viewRotation_, Zu);
            e: if (gt) {
              const Ft = [];
              let ft, Vt, Wt, pe, We;
              if (b) for (ft = 0, Vt = gt.length; ft < Vt; ++ft) {
                We = gt[ft], Wt = We[4], pe = this.createLabel(Wt, w, "", b), p = We[2] + (Gi[0] < 0 ? -no : no), _ = to * pe.height + (0.5 - to) * 2 * no * Gi[1] / Gi[0] - Fl;
                const jt = this.calculateImageOrLabelDimensions_(pe.width, pe.height, We[0], We[1], pe.width, pe.height, p, _, 0, 0, We[3], Ll, !1, Mn, !1, U);
                if (l && y === "declutter" && l.collides(jt.declutterBox)) break e;
                Ft.push([e, t, pe, jt, 1, null, null]);
              }
              if (M) for (ft = 0, Vt = gt.length; ft < Vt; ++ft) {
                We = gt[ft], Wt = We[4], pe = this.createLabel(Wt, w, M, ""), p = We[2], _ = to * pe.height - Fl;
                const jt = this.calculateImageOrLabelDimensions_(pe.width, pe.height, We[0], We[1], pe.width, pe.height, p, _, 0, 0, We[3], Ll, !1, Mn, !1, U);
                if (l && y === "declutter" && l.collides(jt.declutterBox)) break e;
                Ft.push([e, t, pe, jt, 1, null, null]);
              }
              l && y !== "none" && l.load(Ft.map(fh));
              for (let jt = 0, Hu = Ft.length; jt < Hu; ++jt) this.replayImageOrLabel_.apply(this, Ft[jt]);
            }
          }
          ++u;
          break;
        case $.END_GEOMETRY:
          if (o !== void 0) {
            U = F[1];
            const dt = o(U, re, y);
            if (dt) return dt;
          }
          ++u;
          break;
        case $.FILL:
          D ? A++ : this.fill_(e), ++u;
          break;
        case $.MOVE_TO_LINE_TO:
          for (g = F[1], f = F[2], W = c[g], q = c[g + 1], e.moveTo(W, q), x = W + 0.5 | 0, E = q + 0.5 | 0, g += 2; g < f; g += 2) W = c[g], q = c[g + 1], v = W + 0.5 | 0, m = q + 0.5 | 0, (g == f - 2 || v !== x || m !== E) && (e.lineTo(W, q), x = v, E = m);
          ++u;
          break;
        case $.SET_FILL_STYLE:
          this.alignAndScaleFill_ = F[2], A && (this.fill_(e), A = 0, P && (e.stroke(), P = 0)), e.fillStyle = F[1], ++u;
          break;
        case $.SET_STROKE_STYLE:
          P && (e.stroke(), P = 0), this.setStrokeStyle_(e, F), ++u;
          break;
        case $.STROKE:
          D ? P++ : e.stroke(), ++u;
          break;
        default:
          ++u;
          break;
      }
    }
    A && this.fill_(e), P && e.stroke();
  }
  execute(e, t, n, r, s, o) {
    this.viewRotation_ = r, this.execute_(e, t, n, this.instructions, s, void 0, void 0, o);
  }
  executeHitDetection(e, t, n, r, s) {
    return this.viewRotation_ = n, this.execute_(e, [e.canvas.width, e.canvas.height], t, this.hitDetectionInstructions, !0, r, s);
  }
}
const In = ["Polygon", "Circle", "LineString", "Image", "Text", "Default"], eu = ["Image", "Text"], f_ = In.filter((i) => !eu.includes(i));
class __ {
  constructor(e, t, n, r, s, o, a) {
    this.maxExtent_ = e, this.overlaps_ = r, this.pixelRatio_ = n, this.resolution_ = t, this.renderBuffer_ = o, this.executorsByZIndex_ = {}, this.hitDetectionContext_ = null, this.hitDetectionTransform_ = we(), this.renderedContext_ = null, this.deferredZIndexContexts_ = {}, this.createExecutors_(s, a);
  }
  clip(e, t) {
    const n = this.getClipCoords(t);
    e.beginPath(), e.moveTo(n[0], n[1]), e.lineTo(n[2], n[3]), e.lineTo(n[4], n[5]), e.lineTo(n[6], n[7]), e.clip();
  }
  createExecutors_(e, t) {
    for (const n in e) {
      let r = this.executorsByZIndex_[n];
      r === void 0 && (r = {}, this.executorsByZIndex_[n] = r);
      const s = e[n];
      for (const o in s) {
        const a = s[o];
        r[o] = new g_(this.resolution_, this.pixelRatio_, this.overlaps_, a, t);
      }
    }
  }
  hasExecutors(e) {
    for (const t in this.executorsByZIndex_) {
      const n = this.executorsByZIndex_[t];
      for (let r = 0, s = e.length; r < s; ++r) if (e[r] in n) return !0;
    }
    return !1;
  }
  forEachFeatureAtCoordinate(e, t, n, r, s, o) {
    r = Math.round(r);
    const a = r * 2 + 1, l = wt(this.hitDetectionTransform_, r + 0.5, r + 0.5, 1 / t, -1 / t, -n, -e[0], -e[1]), h = !this.hitDetectionContext_;
    h && (this.hitDetectionContext_ = Re(a, a));
    const c = this.hitDetectionContext_;
    c.canvas.width !== a || c.canvas.height !== a ? (c.canvas.width = a, c.canvas.height = a) : h || c.clearRect(0, 0, a, a);
    let u;
    this.renderBuffer_ !== void 0 && (u = ct(), er(u, e), Pr(u, t * (this.renderBuffer_ + r), u));
    const d = p_(r);
    let g;
    function f(m, S, T) {
      const w = c.getImageData(0, 0, a, a).data;
      for (let b = 0, M = d.length; b < M; b++) if (w[d[b]] > 0) {
        if (!o || T === "none" || g !== "Image" && g !== "Text" || o.includes(m)) {
          const A = (d[b] - 3) / 4, P = r - A % a, R = r - (A / a | 0), I = s(m, S, P * P + R * R);
          if (I) return I;
        }
        c.clearRect(0, 0, a, a);
        break;
      }
    }
    const p = Object.keys(this.executorsByZIndex_).map(Number);
    p.sort(tn);
    let _, y, x, E, v;
    for (_ = p.length - 1; _ >= 0; --_) {
      const m = p[_].toString();
      for (x = this.executorsByZIndex_[m], y = In.length - 1; y >= 0; --y) if (g = In[y], E = x[g], E !== void 0 && (v = E.executeHitDetection(c, l, n, f, u), v)) return v;
    }
  }
  getClipCoords(e) {
    const t = this.maxExtent_;
    if (!t) return null;
    const n = t[0], r = t[1], s = t[2], o = t[3], a = [n, r, n, o, s, o, s, r];
    return Bt(a, 0, 8, 2, e, a), a;
  }
  isEmpty() {
    return Bn(this.executorsByZIndex_);
  }
  execute(e, t, n, r, s, o, a) {
    const l = Object.keys(this.executorsByZIndex_).map(Number);
    l.sort(a ? bg : tn), o = o || In;
    const h = In.length;
    for (let c = 0, u = l.length; c < u; ++c) {
      const d = l[c].toString(), g = this.executorsByZIndex_[d];
      for (let f = 0, p = o.length; f < p; ++f) {
        const _ = o[f], y = g[_];
        if (y !== void 0) {
          const x = a === null ? void 0 : y.getZIndexContext(), E = x ? x.getContext() : e, v = this.maxExtent_ && _ !== "Image" && _ !== "Text";
          if (v && (E.save(), this.clip(E, n)), !x || _ === "Text" || _ === "Image" ? y.execute(E, t, n, r, s, a) : x.pushFunction((m) => y.execute(m, t, n, r, s, a)), v && E.restore(), x) {
            x.offset();
            const m = l[c] * h + In.indexOf(_);
            this.deferredZIndexContexts_[m] || (this.deferredZIndexContexts_[m] = []), this.deferredZIndexContexts_[m].push(x);
          }
        }
      }
    }
    this.renderedContext_ = e;
  }
  getDeferredZIndexContexts() {
    return this.deferredZIndexContexts_;
  }
  getRenderedContext() {
    return this.renderedContext_;
  }
  renderDeferred() {
    const e = this.deferredZIndexContexts_, t = Object.keys(e).map(Number).sort(tn);
    for (let n = 0, r = t.length; n < r; ++n) e[t[n]].forEach((s) => {
      s.draw(this.renderedContext_), s.clear();
    }), e[t[n]].length = 0;
  }
}
const vo = {};
function p_(i) {
  if (vo[i] !== void 0) return vo[i];
  const e = i * 2 + 1, t = i * i, n = new Array(t + 1);
  for (let s = 0; s <= i; ++s) for (let o = 0; o <= i; ++o) {
    const a = s * s + o * o;
    if (a > t) break;
    let l = n[a];
    l || (l = [], n[a] = l), l.push(((i + s) * e + (i + o)) * 4 + 3), s > 0 && l.push(((i - s) * e + (i + o)) * 4 + 3), o > 0 && (l.push(((i + s) * e + (i - o)) * 4 + 3), s > 0 && l.push(((i - s) * e + (i - o)) * 4 + 3));
  }
  const r = [];
  for (let s = 0, o = n.length; s < o; ++s) n[s] && r.push(...n[s]);
  return vo[i] = r, r;
}
const Dt = 0.5;
function m_(i, e, t, n, r, s, o, a, l) {
  const h = r, c = i[0] * Dt, u = i[1] * Dt, d = Re(c, u);
  d.imageSmoothingEnabled = !1;
  const g = d.canvas, f = new kf(d, Dt, r, null, o, a, null), p = t.length, _ = Math.floor((256 * 256 * 256 - 1) / p), y = {};
  for (let E = 1; E <= p; ++E) {
    const v = t[E - 1], m = v.getStyleFunction() || n;
    if (!m) continue;
    let S = m(v, s);
    if (!S) continue;
    Array.isArray(S) || (S = [S]);
    const T = (E * _).toString(16).padStart(7, "#00000");
    for (let w = 0, b = S.length; w < b; ++w) {
      const M = S[w], A = M.getGeometryFunction()(v);
      if (!A || !Ye(h, A.getExtent())) continue;
      const P = M.clone(), R = P.getFill();
      R && R.setColor(T);
      const I = P.getStroke();
      I && (I.setColor(T), I.setLineDash(null)), P.setText(void 0);
      const O = M.getImage();
      if (O) {
        const W = O.getImageSize();
        if (!W) continue;
        const q = Re(W[0], W[1], void 0, { alpha: !1 }), re = q.canvas;
        q.fillStyle = T, q.fillRect(0, 0, re.width, re.height), P.setImage(new Xs({ img: re, anchor: O.getAnchor(), anchorXUnits: "pixels", anchorYUnits: "pixels", offset: O.getOrigin(), opacity: 1, size: O.getSize(), scale: O.getScale(), rotation: O.getRotation(), rotateWithView: O.getRotateWithView() }));
      }
      const B = P.getZIndex() || 0;
      let D = y[B];
      D || (D = {}, y[B] = D, D.Polygon = [], D.Circle = [], D.LineString = [], D.Point = []);
      const U = A.getType();
      if (U === "GeometryCollection") {
        const W = A.getGeometriesArrayRecursive();
        for (let q = 0, re = W.length; q < re; ++q) {
          const F = W[q];
          D[F.getType().replace("Multi", "")].push(F, P);
        }
      } else D[U.replace("Multi", "")].push(A, P);
    }
  }
  const x = Object.keys(y).map(Number).sort(tn);
  for (let E = 0, v = x.length; E < v; ++E) {
    const m = y[x[E]];
    for (const S in m) {
      const T = m[S];
      for (let w = 0, b = T.length; w < b; w += 2) {
        f.setStyle(T[w + 1]);
        for (let M = 0, A = e.length; M < A; ++M) f.setTransform(e[M]), f.drawGeometry(T[w]);
      }
    }
  }
  return d.getImageData(0, 0, g.width, g.height);
}
function y_(i, e, t) {
  const n = [];
  if (t) {
    const r = Math.floor(Math.round(i[0]) * Dt), s = Math.floor(Math.round(i[1]) * Dt), o = (de(r, 0, t.width - 1) + de(s, 0, t.height - 1) * t.width) * 4, a = t.data[o], l = t.data[o + 1], h = t.data[o + 2] + 256 * (l + 256 * a), c = Math.floor((256 * 256 * 256 - 1) / e.length);
    h && h % c === 0 && n.push(e[h / c - 1]);
  }
  return n;
}
class rr extends Pt {
  constructor(e, t, n, r) {
    super(e), this.inversePixelTransform = t, this.frameState = n, this.context = r;
  }
}
const x_ = 5;
class tu extends nr {
  constructor(e) {
    super(), this.ready = !0, this.boundHandleImageChange_ = this.handleImageChange_.bind(this), this.layer_ = e, this.staleKeys_ = new Array(), this.maxStaleKeys = x_;
  }
  getStaleKeys() {
    return this.staleKeys_;
  }
  prependStaleKey(e) {
    this.staleKeys_.unshift(e), this.staleKeys_.length > this.maxStaleKeys && (this.staleKeys_.length = this.maxStaleKeys);
  }
  getFeatures(e) {
    return X();
  }
  getData(e) {
    return null;
  }
  prepareFrame(e) {
    return X();
  }
  renderFrame(e, t) {
    return X();
  }
  forEachFeatureAtCoordinate(e, t, n, r, s) {
  }
  getLayer() {
    return this.layer_;
  }
  handleFontsChanged() {
  }
  handleImageChange_(e) {
    const t = e.target;
    (t.getState() === K.LOADED || t.getState() === K.ERROR) && this.renderIfReadyAndVisible();
  }
  loadImage(e) {
    let t = e.getState();
    return t != K.LOADED && t != K.ERROR && e.addEventListener(Y.CHANGE, this.boundHandleImageChange_), t == K.IDLE && (e.load(), t = e.getState()), t == K.LOADED;
  }
  renderIfReadyAndVisible() {
    const e = this.getLayer();
    e && e.getVisible() && e.getSourceState() === "ready" && e.changed();
  }
  renderDeferred(e) {
  }
  disposeInternal() {
    delete this.layer_, super.disposeInternal();
  }
}
const ph = [];
let gi = null;
function v_() {
  gi = Re(1, 1, void 0, { willReadFrequently: !0 });
}
class nu extends tu {
  constructor(e) {
    super(e), this.container = null, this.renderedResolution, this.tempTransform = we(), this.pixelTransform = we(), this.inversePixelTransform = we(), this.context = null, this.deferredContext_ = null, this.containerReused = !1, this.frameState = null;
  }
  getImageData(e, t, n) {
    gi || v_(), gi.clearRect(0, 0, 1, 1);
    let r;
    try {
      gi.drawImage(e, t, n, 1, 1, 0, 0, 1, 1), r = gi.getImageData(0, 0, 1, 1).data;
    } catch {
      return gi = null, null;
    }
    return r;
  }
  getBackground(e) {
    let t = this.getLayer().getBackground();
    return typeof t == "function" && (t = t(e.viewState.resolution)), t || void 0;
  }
  useContainer(e, t, n) {
    const r = this.getLayer().getClassName();
    let s, o;
    if (e && e.className === r && (!n || e && e.style.backgroundColor && zt(Rt(e.style.backgroundColor), Rt(n)))) {
      const a = e.firstElementChild;
      yn(a) && (o = a.getContext("2d"));
    }
    if (o && Gg(o.canvas.style.transform, t) ? (this.container = e, this.context = o, this.containerReused = !0) : this.containerReused ? (this.container = null, this.context = null, this.containerReused = !1) : this.container && (this.container.style.backgroundColor = null), !this.container) {
      s = lt ? Gc() : document.createElement("div"), s.className = r;
      let a = s.style;
      a.position = "absolute", a.width = "100%", a.height = "100%", o = Re();
      const l = o.canvas;
      s.appendChild(l), a = l.style, a.position = "absolute", a.left = "0", a.transformOrigin = "top left", this.container = s, this.context = o;
    }
    !this.containerReused && n && !this.container.style.backgroundColor && (this.container.style.backgroundColor = n);
  }
  clipUnrotated(e, t, n) {
    const r = jn(n), s = Ds(n), o = Ms(n), a = Ls(n);
    me(t.coordinateToPixelTransform, r), me(t.coordinateToPixelTransform, s), me(t.coordinateToPixelTransform, o), me(t.coordinateToPixelTransform, a);
    const l = this.inversePixelTransform;
    me(l, r), me(l, s), me(l, o), me(l, a), e.save(), e.beginPath(), e.moveTo(Math.round(r[0]), Math.round(r[1])), e.lineTo(Math.round(s[0]), Math.round(s[1])), e.lineTo(Math.round(o[0]), Math.round(o[1])), e.lineTo(Math.round(a[0]), Math.round(a[1])), e.clip();
  }
  prepareContainer(e, t) {
    const n = e.extent, r = e.viewState.resolution, s = e.viewState.rotation, o = e.pixelRatio, a = Math.round(ae(n) / r * o), l = Math.round(Ze(n) / r * o);
    wt(this.pixelTransform, e.size[0] / 2, e.size[1] / 2, 1 / o, 1 / o, s, -a / 2, -l / 2), gr(this.inversePixelTransform, this.pixelTransform);
    const h = Ng(this.pixelTransform);
    if (this.useContainer(t, h, this.getBackground(e)), !this.containerReused) {
      const c = this.context.canvas;
      c.width != a || c.height != l ? (c.width = a, c.height = l) : this.context.clearRect(0, 0, a, l), h !== c.style.transform && (c.style.transform = h);
    }
  }
  dispatchRenderEvent_(e, t, n) {
    const r = this.getLayer();
    if (r.hasListener(e)) {
      const s = new rr(e, this.inversePixelTransform, n, t);
      r.dispatchEvent(s);
    }
  }
  preRender(e, t) {
    this.frameState = t, !t.declutter && this.dispatchRenderEvent_(Le.PRERENDER, e, t);
  }
  postRender(e, t) {
    t.declutter || this.dispatchRenderEvent_(Le.POSTRENDER, e, t);
  }
  renderDeferredInternal(e) {
  }
  getRenderContext(e) {
    return e.declutter && !this.deferredContext_ && (this.deferredContext_ = new Qc()), e.declutter ? this.deferredContext_.getContext() : this.context;
  }
  renderDeferred(e) {
    e.declutter && (this.dispatchRenderEvent_(Le.PRERENDER, this.context, e), e.declutter && this.deferredContext_ && (this.deferredContext_.draw(this.context), this.deferredContext_.clear()), this.renderDeferredInternal(e), this.dispatchRenderEvent_(Le.POSTRENDER, this.context, e));
  }
  getRenderTransform(e, t, n, r, s, o, a) {
    const l = s / 2, h = o / 2, c = r / t, u = -c, d = -e[0] + a, g = -e[1];
    return wt(this.tempTransform, l, h, c, u, -n, d, g);
  }
  disposeInternal() {
    delete this.frameState, super.disposeInternal();
  }
}
class E_ extends nu {
  constructor(e) {
    super(e), this.boundHandleStyleImageChange_ = this.handleStyleImageChange_.bind(this), this.animatingOrInteracting_, this.hitDetectionImageData_ = null, this.clipped_ = !1, this.renderedFeatures_ = null, this.renderedRevision_ = -1, this.renderedResolution_ = NaN, this.renderedExtent_ = ct(), this.wrappedRenderedExtent_ = ct(), this.renderedRotation_, this.renderedCenter_ = null, this.renderedProjection_ = null, this.renderedPixelRatio_ = 1, this.renderedRenderOrder_ = null, this.renderedFrameDeclutter_, this.replayGroup_ = null, this.replayGroupChanged = !0, this.clipping = !0, this.targetContext_ = null, this.opacity_ = 1;
  }
  renderWorlds(e, t, n) {
    const r = t.extent, s = t.viewState, o = s.center, a = s.resolution, l = s.projection, h = s.rotation, c = l.getExtent(), u = this.getLayer().getSource(), d = this.getLayer().getDeclutter(), g = t.pixelRatio, f = t.viewHints, p = !(f[Fe.ANIMATING] || f[Fe.INTERACTING]), _ = this.context, y = Math.round(ae(r) / a * g), x = Math.round(Ze(r) / a * g), E = u.getWrapX() && l.canWrapX(), v = E ? ae(c) : null, m = E ? Math.ceil((r[2] - c[2]) / v) + 1 : 1;
    let S = E ? Math.floor((r[0] - c[0]) / v) : 0;
    do {
      let T = this.getRenderTransform(o, a, 0, g, y, x, S * v);
      t.declutter && (T = T.slice(0)), e.execute(_, [_.canvas.width, _.canvas.height], T, h, p, n === void 0 ? In : n ? eu : f_, n ? d && t.declutter[d] : void 0);
    } while (++S < m);
  }
  setDrawContext_() {
    this.opacity_ !== 1 && (this.targetContext_ = this.context, this.context = Re(this.context.canvas.width, this.context.canvas.height, ph));
  }
  resetDrawContext_() {
    if (this.opacity_ !== 1 && this.targetContext_) {
      const e = this.targetContext_.globalAlpha;
      this.targetContext_.globalAlpha = this.opacity_, this.targetContext_.drawImage(this.context.canvas, 0, 0), this.targetContext_.globalAlpha = e, $s(this.context), ph.push(this.context.canvas), this.context = this.targetContext_, this.targetContext_ = null;
    }
  }
  renderDeclutter(e) {
    !this.replayGroup_ || !this.getLayer().getDeclutter() || this.renderWorlds(this.replayGroup_, e, !0);
  }
  renderDeferredInternal(e) {
    this.replayGroup_ && (this.replayGroup_.renderDeferred(), this.clipped_ && this.context.restore(), this.resetDrawContext_());
  }
  renderFrame(e, t) {
    const n = e.layerStatesArray[e.layerIndex];
    this.opacity_ = n.opacity;
    const r = e.viewState;
    this.prepareContainer(e, t);
    const s = this.context, o = this.replayGroup_;
    let a = o && !o.isEmpty();
    if (!a && !(this.getLayer().hasListener(Le.PRERENDER) || this.getLayer().hasListener(Le.POSTRENDER))) return this.container;
    if (this.setDrawContext_(), this.preRender(s, e), r.projection, this.clipped_ = !1, a && n.extent && this.clipping) {
      const l = Qt(n.extent);
      a = Ye(l, e.extent), this.clipped_ = a && !Xi(l, e.extent), this.clipped_ && this.clipUnrotated(s, e, l);
    }
    return a && this.renderWorlds(o, e, this.getLayer().getDeclutter() ? !1 : void 0), !e.declutter && this.clipped_ && s.restore(), this.postRender(s, e), this.renderedRotation_ !== r.rotation && (this.renderedRotation_ = r.rotation, this.hitDetectionImageData_ = null), e.declutter || this.resetDrawContext_(), this.container;
  }
  getFeatures(e) {
    return new Promise((t) => {
      if (this.frameState && !this.hitDetectionImageData_ && !this.animatingOrInteracting_) {
        const n = this.frameState.size.slice(), r = this.renderedCenter_, s = this.renderedResolution_, o = this.renderedRotation_, a = this.renderedProjection_, l = this.wrappedRenderedExtent_, h = this.getLayer(), c = [], u = n[0] * Dt, d = n[1] * Dt;
        c.push(this.getRenderTransform(r, s, o, Dt, u, d, 0).slice());
        const g = h.getSource(), f = a.getExtent();
        if (g.getWrapX() && a.canWrapX() && !Xi(f, l)) {
          let p = l[0];
          const _ = ae(f);
          let y = 0, x;
          for (; p < f[0]; ) --y, x = _ * y, c.push(this.getRenderTransform(r, s, o, Dt, u, d, x).slice()), p += _;
          for (y = 0, p = l[2]; p > f[2]; ) ++y, x = _ * y, c.push(this.getRenderTransform(r, s, o, Dt, u, d, x).slice()), p -= _;
        }
        this.hitDetectionImageData_ = m_(n, c, this.renderedFeatures_, h.getStyleFunction(), l, s, o, oh(s, this.renderedPixelRatio_));
      }
      t(y_(e, this.renderedFeatures_, this.hitDetectionImageData_));
    });
  }
  forEachFeatureAtCoordinate(e, t, n, r, s) {
    if (!this.replayGroup_) return;
    const o = t.viewState.resolution, a = t.viewState.rotation, l = this.getLayer(), h = {}, c = function(d, g, f) {
      const p = z(d), _ = h[p];
      if (_) {
        if (_ !== !0 && f < _.distanceSq) {
          if (f === 0) return h[p] = !0, s.splice(s.lastIndexOf(_), 1), r(d, l, g);
          _.geometry = g, _.distanceSq = f;
        }
      } else {
        if (f === 0) return h[p] = !0, r(d, l, g);
        s.push(h[p] = { feature: d, layer: l, geometry: g, distanceSq: f, callback: r });
      }
    }, u = this.getLayer().getDeclutter();
    return this.replayGroup_.forEachFeatureAtCoordinate(e, o, a, n, c, u ? t.declutter?.[u]?.all().map((d) => d.value) : null);
  }
  handleFontsChanged() {
    const e = this.getLayer();
    e.getVisible() && this.replayGroup_ && e.changed();
  }
  handleStyleImageChange_(e) {
    this.renderIfReadyAndVisible();
  }
  prepareFrame(e) {
    const t = this.getLayer(), n = t.getSource();
    if (!n) return !1;
    const r = e.viewHints[Fe.ANIMATING], s = e.viewHints[Fe.INTERACTING], o = t.getUpdateWhileAnimating(), a = t.getUpdateWhileInteracting();
    if (this.ready && !o && r || !a && s) return this.animatingOrInteracting_ = !0, !0;
    this.animatingOrInteracting_ = !1;
    const l = e.extent, h = e.viewState, c = h.projection, u = h.resolution, d = e.pixelRatio, g = t.getRevision(), f = t.getRenderBuffer();
    let p = t.getRenderOrder();
    p === void 0 && (p = Gf);
    const _ = h.center.slice(), y = Pr(l, f * u), x = y.slice(), E = [y.slice()], v = c.getExtent();
    if (n.getWrapX() && c.canWrapX() && !Xi(v, e.extent)) {
      const I = ae(v), O = Math.max(ae(y) / 2, I);
      y[0] = v[0] - O, y[2] = v[2] + O, dc(_, c);
      const B = cc(E[0], c);
      B[0] < v[0] && B[2] < v[2] ? E.push([B[0] + I, B[1], B[2] + I, B[3]]) : B[0] > v[0] && B[2] > v[2] && E.push([B[0] - I, B[1], B[2] - I, B[3]]);
    }
    if (this.ready && this.renderedResolution_ == u && this.renderedRevision_ == g && this.renderedRenderOrder_ == p && this.renderedFrameDeclutter_ === !!e.declutter && Xi(this.wrappedRenderedExtent_, y)) return zt(this.renderedExtent_, x) || (this.hitDetectionImageData_ = null, this.renderedExtent_ = x), this.renderedCenter_ = _, this.replayGroupChanged = !1, !0;
    this.replayGroup_ = null;
    const m = new h_(Zc(u, d), y, u, d);
    let S;
    for (let I = 0, O = E.length; I < O; ++I) n.loadFeatures(E[I], u, c);
    const T = oh(u, d);
    let w = !0;
    const b = ((I, O) => {
      let B;
      const D = I.getStyleFunction() || t.getStyleFunction();
      if (D && (B = D(I, u)), B) {
        const U = this.renderFeature(I, T, B, m, S, this.getLayer().getDeclutter(), O);
        w = w && !U;
      }
    }), M = Aa(y), A = n.getFeaturesInExtent(M);
    p && A.sort(p);
    for (let I = 0, O = A.length; I < O; ++I) b(A[I], I);
    this.renderedFeatures_ = A, this.ready = w;
    const P = m.finish(), R = new __(y, u, d, n.getOverlaps(), P, t.getRenderBuffer(), !!e.declutter);
    return this.renderedResolution_ = u, this.renderedRevision_ = g, this.renderedRenderOrder_ = p, this.renderedFrameDeclutter_ = !!e.declutter, this.renderedExtent_ = x, this.wrappedRenderedExtent_ = y, this.renderedCenter_ = _, this.renderedProjection_ = c, this.renderedPixelRatio_ = d, this.replayGroup_ = R, this.hitDetectionImageData_ = null, this.replayGroupChanged = !0, !0;
  }
  renderFeature(e, t, n, r, s, o, a) {
    if (!n) return !1;
    let l = !1;
    if (Array.isArray(n)) for (let h = 0, c = n.length; h < c; ++h) l = ah(r, e, n[h], t, this.boundHandleStyleImageChange_, s, o, a) || l;
    else l = ah(r, e, n, t, this.boundHandleStyleImageChange_, s, o, a);
    return l;
  }
}
let Zn = 0;
const Se = 1 << Zn++, N = 1 << Zn++, Te = 1 << Zn++, ue = 1 << Zn++, rt = 1 << Zn++, yt = 1 << Zn++, es = Math.pow(2, Zn) - 1, Ya = { [Se]: "boolean", [N]: "number", [Te]: "string", [ue]: "color", [rt]: "number[]", [yt]: "size" }, C_ = Object.keys(Ya).map(Number).sort(tn);
function S_(i) {
  return i in Ya;
}
function mi(i) {
  const e = [];
  for (const t of C_) Ki(i, t) && e.push(Ya[t]);
  return e.length === 0 ? "untyped" : e.length < 3 ? e.join(" or ") : e.slice(0, -1).join(", ") + ", or " + e[e.length - 1];
}
function Ki(i, e) {
  return (i & e) === e;
}
function Mt(i, e) {
  return i === e;
}
class Ce {
  constructor(e, t) {
    if (!S_(e)) throw new Error(`literal expressions must have a specific type, got ${mi(e)}`);
    this.type = e, this.value = t;
  }
}
class iu {
  constructor(e, t, ...n) {
    this.type = e, this.operator = t, this.args = n;
  }
}
function Za() {
  return { variables: /* @__PURE__ */ new Set(), properties: /* @__PURE__ */ new Set(), featureId: !1, geometryType: !1, mapState: !1 };
}
function De(i, e, t) {
  switch (typeof i) {
    case "boolean": {
      if (Mt(e, Te)) return new Ce(Te, i ? "true" : "false");
      if (!Ki(e, Se)) throw new Error(`got a boolean, but expected ${mi(e)}`);
      return new Ce(Se, i);
    }
    case "number": {
      if (Mt(e, yt)) return new Ce(yt, He(i));
      if (Mt(e, Se)) return new Ce(Se, !!i);
      if (Mt(e, Te)) return new Ce(Te, i.toString());
      if (!Ki(e, N)) throw new Error(`got a number, but expected ${mi(e)}`);
      return new Ce(N, i);
    }
    case "string": {
      if (Mt(e, ue)) return new Ce(ue, $a(i));
      if (Mt(e, Se)) return new Ce(Se, !!i);
      if (!Ki(e, Te)) throw new Error(`got a string, but expected ${mi(e)}`);
      return new Ce(Te, i);
    }
  }
  if (!Array.isArray(i)) throw new Error("expression must be an array or a primitive value");
  if (i.length === 0) throw new Error("empty expression");
  if (typeof i[0] == "string") return D_(i, e, t);
  for (const n of i) if (typeof n != "number") throw new Error("expected an array of numbers");
  if (Mt(e, yt)) {
    if (i.length !== 2) throw new Error(`expected an array of two values for a size, got ${i.length}`);
    return new Ce(yt, i);
  }
  if (Mt(e, ue)) {
    if (i.length === 3) return new Ce(ue, [...i, 1]);
    if (i.length === 4) return new Ce(ue, i);
    throw new Error(`expected an array of 3 or 4 values for a color, got ${i.length}`);
  }
  if (!Ki(e, rt)) throw new Error(`got an array of numbers, but expected ${mi(e)}`);
  return new Ce(rt, i);
}
const C = { Get: "get", Var: "var", Concat: "concat", GeometryType: "geometry-type", LineMetric: "line-metric", Any: "any", All: "all", Not: "!", Resolution: "resolution", Zoom: "zoom", Time: "time", Equal: "==", NotEqual: "!=", GreaterThan: ">", GreaterThanOrEqualTo: ">=", LessThan: "<", LessThanOrEqualTo: "<=", Multiply: "*", Divide: "/", Add: "+", Subtract: "-", Clamp: "clamp", Mod: "%", Pow: "^", Abs: "abs", Floor: "floor", Ceil: "ceil", Round: "round", Sin: "sin", Cos: "cos", Atan: "atan", Sqrt: "sqrt", Match: "match", Between: "between", Interpolate: "interpolate", Coalesce: "coalesce", Case: "case", In: "in", Number: "number", String: "string", Array: "array", Color: "color", Id: "id", Band: "band", Palette: "palette", ToString: "to-string", Has: "has" }, T_ = { [C.Get]: j(H(1, 1 / 0), mh), [C.Var]: j(H(1, 1), w_), [C.Has]: j(H(1, 1 / 0), mh), [C.Id]: j(R_, ii), [C.Concat]: j(H(2, 1 / 0), se(Te)), [C.GeometryType]: j(b_, ii), [C.LineMetric]: j(ii), [C.Resolution]: j(Eo, ii), [C.Zoom]: j(Eo, ii), [C.Time]: j(Eo, ii), [C.Any]: j(H(2, 1 / 0), se(Se)), [C.All]: j(H(2, 1 / 0), se(Se)), [C.Not]: j(H(1, 1), se(Se)), [C.Equal]: j(H(2, 2), se(es)), [C.NotEqual]: j(H(2, 2), se(es)), [C.GreaterThan]: j(H(2, 2), se(N)), [C.GreaterThanOrEqualTo]: j(H(2, 2), se(N)), [C.LessThan]: j(H(2, 2), se(N)), [C.LessThanOrEqualTo]: j(H(2, 2), se(N)), [C.Multiply]: j(H(2, 1 / 0), yh), [C.Coalesce]: j(H(2, 1 / 0), yh), [C.Divide]: j(H(2, 2), se(N)), [C.Add]: j(H(2, 1 / 0), se(N)), [C.Subtract]: j(H(2, 2), se(N)), [C.Clamp]: j(H(3, 3), se(N)), [C.Mod]: j(H(2, 2), se(N)), [C.Pow]: j(H(2, 2), se(N)), [C.Abs]: j(H(1, 1), se(N)), [C.Floor]: j(H(1, 1), se(N)), [C.Ceil]: j(H(1, 1), se(N)), [C.Round]: j(H(1, 1), se(N)), [C.Sin]: j(H(1, 1), se(N)), [C.Cos]: j(H(1, 1), se(N)), [C.Atan]: j(H(1, 2), se(N)), [C.Sqrt]: j(H(1, 1), se(N)), [C.Match]: j(H(4, 1 / 0), xh, A_), [C.Between]: j(H(3, 3), se(N)), [C.Interpolate]: j(H(6, 1 / 0), xh, I_), [C.Case]: j(H(3, 1 / 0), P_, F_), [C.In]: j(H(2, 2), L_), [C.Number]: j(H(1, 1 / 0), se(es)), [C.String]: j(H(1, 1 / 0), se(es)), [C.Array]: j(H(1, 1 / 0), se(N)), [C.Color]: j(H(1, 4), se(N)), [C.Band]: j(H(1, 3), se(N)), [C.Palette]: j(H(2, 2), M_), [C.ToString]: j(H(1, 1), se(Se | N | Te | ue)) };
function mh(i, e, t) {
  const n = i.length - 1, r = new Array(n);
  for (let s = 0; s < n; ++s) {
    const o = i[s + 1];
    switch (typeof o) {
      case "number": {
        r[s] = new Ce(N, o);
        break;
      }
      case "string": {
        r[s] = new Ce(Te, o);
        break;
      }
      default:
        throw new Error(`expected a string key or numeric array index for a get operation, got ${o}`);
    }
    s === 0 && t.properties.add(String(o));
  }
  return r;
}
function w_(i, e, t) {
  const n = i[1];
  if (typeof n != "string") throw new Error("expected a string argument for var operation");
  return t.variables.add(n), [new Ce(Te, n)];
}
function R_(i, e, t) {
  t.featureId = !0;
}
function b_(i, e, t) {
  t.geometryType = !0;
}
function Eo(i, e, t) {
  t.mapState = !0;
}
function ii(i, e, t) {
  const n = i[0];
  if (i.length !== 1) throw new Error(`expected no arguments for ${n} operation`);
  return [];
}
function H(i, e) {
  return function(t, n, r) {
    const s = t[0], o = t.length - 1;
    if (i === e) {
      if (o !== i) {
        const a = i === 1 ? "" : "s";
        throw new Error(`expected ${i} argument${a} for ${s}, got ${o}`);
      }
    } else if (o < i || o > e) {
      const a = e === 1 / 0 ? `${i} or more` : `${i} to ${e}`;
      throw new Error(`expected ${a} arguments for ${s}, got ${o}`);
    }
  };
}
function yh(i, e, t) {
  const n = i.length - 1, r = new Array(n);
  for (let s = 0; s < n; ++s) {
    const o = De(i[s + 1], e, t);
    r[s] = o;
  }
  return r;
}
function se(i) {
  return function(e, t, n) {
    const r = e.length - 1, s = new Array(r);
    for (let o = 0; o < r; ++o) {
      const a = De(e[o + 1], i, n);
      s[o] = a;
    }
    return s;
  };
}
function P_(i, e, t) {
  const n = i[0], r = i.length - 1;
  if (r % 2 === 0) throw new Error(`expected an odd number of arguments for ${n}, got ${r} instead`);
}
function xh(i, e, t) {
  const n = i[0], r = i.length - 1;
  if (r % 2 === 1) throw new Error(`expected an even number of arguments for operation ${n}, got ${r} instead`);
}
function A_(i, e, t) {
  const n = i.length - 1, r = Te | N | Se, s = De(i[1], r, t), o = De(i[i.length - 1], e, t), a = new Array(n - 2);
  for (let l = 0; l < n - 2; l += 2) {
    try {
      const h = De(i[l + 2], s.type, t);
      a[l] = h;
    } catch (h) {
      throw new Error(`failed to parse argument ${l + 1} of match expression: ${h.message}`);
    }
    try {
      const h = De(i[l + 3], o.type, t);
      a[l + 1] = h;
    } catch (h) {
      throw new Error(`failed to parse argument ${l + 2} of match expression: ${h.message}`);
    }
  }
  return [s, ...a, o];
}
function I_(i, e, t) {
  const n = i[1];
  let r;
  switch (n[0]) {
    case "linear":
      r = 1;
      break;
    case "exponential":
      const l = n[1];
      if (typeof l != "number" || l <= 0) throw new Error(`expected a number base for exponential interpolation, got ${JSON.stringify(l)} instead`);
      r = l;
      break;
    default:
      throw new Error(`invalid interpolation type: ${JSON.stringify(n)}`);
  }
  const s = new Ce(N, r);
  let o;
  try {
    o = De(i[2], N, t);
  } catch (l) {
    throw new Error(`failed to parse argument 1 in interpolate expression: ${l.message}`);
  }
  const a = new Array(i.length - 3);
  for (let l = 0; l < a.length; l += 2) {
    try {
      const h = De(i[l + 3], N, t);
      a[l] = h;
    } catch (h) {
      throw new Error(`failed to parse argument ${l + 2} for interpolate expression: ${h.message}`);
    }
    try {
      const h = De(i[l + 4], e, t);
      a[l + 1] = h;
    } catch (h) {
      throw new Error(`failed to parse argument ${l + 3} for interpolate expression: ${h.message}`);
    }
  }
  return [s, o, ...a];
}
function F_(i, e, t) {
  const n = De(i[i.length - 1], e, t), r = new Array(i.length - 1);
  for (let s = 0; s < r.length - 1; s += 2) {
    try {
      const o = De(i[s + 1], Se, t);
      r[s] = o;
    } catch (o) {
      throw new Error(`failed to parse argument ${s} of case expression: ${o.message}`);
    }
    try {
      const o = De(i[s + 2], n.type, t);
      r[s + 1] = o;
    } catch (o) {
      throw new Error(`failed to parse argument ${s + 1} of case expression: ${o.message}`);
    }
  }
  return r[r.length - 1] = n, r;
}
function L_(i, e, t) {
  let n = i[2];
  if (!Array.isArray(n)) throw new Error('the second argument for the "in" operator must be an array');
  let r;
  if (typeof n[0] == "string") {
    if (n[0] !== "literal") throw new Error('for the "in" operator, a string array should be wrapped in a "literal" operator to disambiguate from expressions');
    if (!Array.isArray(n[1])) throw new Error('failed to parse "in" expression: the literal operator must be followed by an array');
    n = n[1], r = Te;
  } else r = N;
  const s = new Array(n.length);
  for (let o = 0; o < s.length; o++) try {
    const a = De(n[o], r, t);
    s[o] = a;
  } catch (a) {
    throw new Error(`failed to parse haystack item ${o} for "in" expression: ${a.message}`);
  }
  return [De(i[1], r, t), ...s];
}
function M_(i, e, t) {
  let n;
  try {
    n = De(i[1], N, t);
  } catch (o) {
    throw new Error(`failed to parse first argument in palette expression: ${o.message}`);
  }
  const r = i[2];
  if (!Array.isArray(r)) throw new Error("the second argument of palette must be an array");
  const s = new Array(r.length);
  for (let o = 0; o < s.length; o++) {
    let a;
    try {
      a = De(r[o], ue, t);
    } catch (l) {
      throw new Error(`failed to parse color at index ${o} in palette expression: ${l.message}`);
    }
    if (!(a instanceof Ce)) throw new Error(`the palette color at index ${o} must be a literal value`);
    s[o] = a;
  }
  return [n, ...s];
}
function j(...i) {
  return function(e, t, n) {
    const r = e[0];
    let s;
    for (let o = 0; o < i.length; o++) {
      const a = i[o](e, t, n);
      if (o == i.length - 1) {
        if (!a) throw new Error("expected last argument validator to return the parsed args");
        s = a;
      }
    }
    return new iu(t, r, ...s);
  };
}
function D_(i, e, t) {
  const n = i[0], r = T_[n];
  if (!r) throw new Error(`unknown operator: ${n}`);
  return r(i, e, t);
}
function Ha(i) {
  if (!i) return "";
  const e = i.getType();
  switch (e) {
    case "Point":
    case "LineString":
    case "Polygon":
      return e;
    case "MultiPoint":
    case "MultiLineString":
    case "MultiPolygon":
      return e.substring(5);
    case "Circle":
      return "Polygon";
    case "GeometryCollection":
      return Ha(i.getGeometries()[0]);
    default:
      return "";
  }
}
function ru() {
  return { variables: {}, properties: {}, resolution: NaN, featureId: null, geometryType: "" };
}
function on(i, e, t) {
  const n = De(i, e, t);
  return bt(n);
}
function bt(i, e) {
  if (i instanceof Ce) {
    if (i.type === ue && typeof i.value == "string") {
      const n = $a(i.value);
      return function() {
        return n;
      };
    }
    return function() {
      return i.value;
    };
  }
  const t = i.operator;
  switch (t) {
    case C.Number:
    case C.String:
    case C.Coalesce:
      return O_(i);
    case C.Get:
    case C.Var:
    case C.Has:
      return k_(i);
    case C.Id:
      return (n) => n.featureId;
    case C.GeometryType:
      return (n) => n.geometryType;
    case C.Concat: {
      const n = i.args.map((r) => bt(r));
      return (r) => "".concat(...n.map((s) => s(r).toString()));
    }
    case C.Resolution:
      return (n) => n.resolution;
    case C.Any:
    case C.All:
    case C.Between:
    case C.In:
    case C.Not:
      return G_(i);
    case C.Equal:
    case C.NotEqual:
    case C.LessThan:
    case C.LessThanOrEqualTo:
    case C.GreaterThan:
    case C.GreaterThanOrEqualTo:
      return N_(i);
    case C.Multiply:
    case C.Divide:
    case C.Add:
    case C.Subtract:
    case C.Clamp:
    case C.Mod:
    case C.Pow:
    case C.Abs:
    case C.Floor:
    case C.Ceil:
    case C.Round:
    case C.Sin:
    case C.Cos:
    case C.Atan:
    case C.Sqrt:
      return B_(i);
    case C.Case:
      return U_(i);
    case C.Match:
      return z_(i);
    case C.Interpolate:
      return $_(i);
    case C.ToString:
      return V_(i);
    default:
      throw new Error(`Unsupported operator ${t}`);
  }
}
function O_(i, e) {
  const t = i.operator, n = i.args.length, r = new Array(n);
  for (let s = 0; s < n; ++s) r[s] = bt(i.args[s]);
  switch (t) {
    case C.Coalesce:
      return (s) => {
        for (let o = 0; o < n; ++o) {
          const a = r[o](s);
          if (typeof a < "u" && a !== null) return a;
        }
        throw new Error("Expected one of the values to be non-null");
      };
    case C.Number:
    case C.String:
      return (s) => {
        for (let o = 0; o < n; ++o) {
          const a = r[o](s);
          if (typeof a === t) return a;
        }
        throw new Error(`Expected one of the values to be a ${t}`);
      };
    default:
      throw new Error(`Unsupported assertion operator ${t}`);
  }
}
function k_(i, e) {
  const t = i.args[0].value;
  switch (i.operator) {
    case C.Get:
      return (n) => {
        const r = i.args;
        let s = n.properties[t];
        for (let o = 1, a = r.length; o < a; ++o) {
          const l = r[o].value;
          s = s[l];
        }
        return s;
      };
    case C.Var:
      return (n) => n.variables[t];
    case C.Has:
      return (n) => {
        const r = i.args;
        if (!(t in n.properties)) return !1;
        let s = n.properties[t];
        for (let o = 1, a = r.length; o < a; ++o) {
          const l = r[o].value;
          if (!s || !Object.hasOwn(s, l)) return !1;
          s = s[l];
        }
        return !0;
      };
    default:
      throw new Error(`Unsupported accessor operator ${i.operator}`);
  }
}
function N_(i, e) {
  const t = i.operator, n = bt(i.args[0]), r = bt(i.args[1]);
  switch (t) {
    case C.Equal:
      return (s) => n(s) === r(s);
    case C.NotEqual:
      return (s) => n(s) !== r(s);
    case C.LessThan:
      return (s) => n(s) < r(s);
    case C.LessThanOrEqualTo:
      return (s) => n(s) <= r(s);
    case C.GreaterThan:
      return (s) => n(s) > r(s);
    case C.GreaterThanOrEqualTo:
      return (s) => n(s) >= r(s);
    default:
      throw new Error(`Unsupported comparison operator ${t}`);
  }
}
function G_(i, e) {
  const t = i.operator, n = i.args.length, r = new Array(n);
  for (let s = 0; s < n; ++s) r[s] = bt(i.args[s]);
  switch (t) {
    case C.Any:
      return (s) => {
        for (let o = 0; o < n; ++o) if (r[o](s)) return !0;
        return !1;
      };
    case C.All:
      return (s) => {
        for (let o = 0; o < n; ++o) if (!r[o](s)) return !1;
        return !0;
      };
    case C.Between:
      return (s) => {
        const o = r[0](s), a = r[1](s), l = r[2](s);
        return o >= a && o <= l;
      };
    case C.In:
      return (s) => {
        const o = r[0](s);
        for (let a = 1; a < n; ++a) if (o === r[a](s)) return !0;
        return !1;
      };
    case C.Not:
      return (s) => !r[0](s);
    default:
      throw new Error(`Unsupported logical operator ${t}`);
  }
}
function B_(i, e) {
  const t = i.operator, n = i.args.length, r = new Array(n);
  for (let s = 0; s < n; ++s) r[s] = bt(i.args[s]);
  switch (t) {
    case C.Multiply:
      return (s) => {
        let o = 1;
        for (let a = 0; a < n; ++a) o *= r[a](s);
        return o;
      };
    case C.Divide:
      return (s) => r[0](s) / r[1](s);
    case C.Add:
      return (s) => {
        let o = 0;
        for (let a = 0; a < n; ++a) o += r[a](s);
        return o;
      };
    case C.Subtract:
      return (s) => r[0](s) - r[1](s);
    case C.Clamp:
      return (s) => {
        const o = r[0](s), a = r[1](s);
        if (o < a) return a;
        const l = r[2](s);
        return o > l ? l : o;
      };
    case C.Mod:
      return (s) => r[0](s) % r[1](s);
    case C.Pow:
      return (s) => Math.pow(r[0](s), r[1](s));
    case C.Abs:
      return (s) => Math.abs(r[0](s));
    case C.Floor:
      return (s) => Math.floor(r[0](s));
    case C.Ceil:
      return (s) => Math.ceil(r[0](s));
    case C.Round:
      return (s) => Math.round(r[0](s));
    case C.Sin:
      return (s) => Math.sin(r[0](s));
    case C.Cos:
      return (s) => Math.cos(r[0](s));
    case C.Atan:
      return n === 2 ? (s) => Math.atan2(r[0](s), r[1](s)) : (s) => Math.atan(r[0](s));
    case C.Sqrt:
      return (s) => Math.sqrt(r[0](s));
    default:
      throw new Error(`Unsupported numeric operator ${t}`);
  }
}
function U_(i, e) {
  const t = i.args.length, n = new Array(t);
  for (let r = 0; r < t; ++r) n[r] = bt(i.args[r]);
  return (r) => {
    for (let s = 0; s < t - 1; s += 2) if (n[s](r)) return n[s + 1](r);
    return n[t - 1](r);
  };
}
function z_(i, e) {
  const t = i.args.length, n = new Array(t);
  for (let r = 0; r < t; ++r) n[r] = bt(i.args[r]);
  return (r) => {
    const s = n[0](r);
    for (let o = 1; o < t - 1; o += 2) if (s === n[o](r)) return n[o + 1](r);
    return n[t - 1](r);
  };
}
function $_(i, e) {
  const t = i.args.length, n = new Array(t);
  for (let r = 0; r < t; ++r) n[r] = bt(i.args[r]);
  return (r) => {
    const s = n[0](r), o = n[1](r);
    let a, l;
    for (let h = 2; h < t; h += 2) {
      const c = n[h](r);
      let u = n[h + 1](r);
      const d = Array.isArray(u);
      if (d && (u = _f(u)), c >= o) return h === 2 ? u : d ? W_(s, o, a, l, c, u) : qi(s, o, a, l, c, u);
      a = c, l = u;
    }
    return l;
  };
}
function V_(i, e) {
  const t = i.operator, n = i.args.length, r = new Array(n);
  for (let s = 0; s < n; ++s) r[s] = bt(i.args[s]);
  if (t === C.ToString) return (s) => {
    const o = r[0](s);
    return i.args[0].type === ue ? Va(o) : o.toString();
  };
  throw new Error(`Unsupported convert operator ${t}`);
}
function qi(i, e, t, n, r, s) {
  const o = r - t;
  if (o === 0) return n;
  const a = e - t, l = i === 1 ? a / o : (Math.pow(i, a) - 1) / (Math.pow(i, o) - 1);
  return n + l * (s - n);
}
function W_(i, e, t, n, r, s) {
  if (r - t === 0) return n;
  const o = ql(n), a = ql(s);
  let l = a[2] - o[2];
  l > 180 ? l -= 360 : l < -180 && (l += 360);
  const h = [qi(i, e, t, o[0], r, a[0]), qi(i, e, t, o[1], r, a[1]), o[2] + qi(i, e, t, 0, r, l), qi(i, e, t, n[3], r, s[3])];
  return pf(h);
}
function j_(i) {
  return !0;
}
function X_(i) {
  const e = Za(), t = Y_(i, e), n = ru();
  return function(r, s) {
    if (n.properties = r.getPropertiesInternal(), n.resolution = s, e.featureId) {
      const o = r.getId();
      o !== void 0 ? n.featureId = o : n.featureId = null;
    }
    return e.geometryType && (n.geometryType = Ha(r.getGeometry())), t(n);
  };
}
function vh(i) {
  const e = Za(), t = i.length, n = new Array(t);
  for (let o = 0; o < t; ++o) n[o] = oa(i[o], e);
  const r = ru(), s = new Array(t);
  return function(o, a) {
    if (r.properties = o.getPropertiesInternal(), r.resolution = a, e.featureId) {
      const h = o.getId();
      h !== void 0 ? r.featureId = h : r.featureId = null;
    }
    let l = 0;
    for (let h = 0; h < t; ++h) {
      const c = n[h](r);
      c && (s[l] = c, l += 1);
    }
    return s.length = l, s;
  };
}
function Y_(i, e) {
  const t = i.length, n = new Array(t);
  for (let r = 0; r < t; ++r) {
    const s = i[r], o = "filter" in s ? on(s.filter, Se, e) : j_;
    let a;
    if (Array.isArray(s.style)) {
      const l = s.style.length;
      a = new Array(l);
      for (let h = 0; h < l; ++h) a[h] = oa(s.style[h], e);
    } else a = [oa(s.style, e)];
    n[r] = { filter: o, styles: a };
  }
  return function(r) {
    const s = [];
    let o = !1;
    for (let a = 0; a < t; ++a) {
      const l = n[a].filter;
      if (l(r) && !(i[a].else && o)) {
        o = !0;
        for (const h of n[a].styles) {
          const c = h(r);
          c && s.push(c);
        }
      }
    }
    return s;
  };
}
function oa(i, e) {
  const t = Sr(i, "", e), n = Tr(i, "", e), r = Z_(i, e), s = H_(i, e), o = et(i, "z-index", e);
  if (!t && !n && !r && !s && !Bn(i)) throw new Error("No fill, stroke, point, or text symbolizer properties in style: " + JSON.stringify(i));
  const a = new Me();
  return function(l) {
    let h = !0;
    if (t) {
      const c = t(l);
      c && (h = !1), a.setFill(c);
    }
    if (n) {
      const c = n(l);
      c && (h = !1), a.setStroke(c);
    }
    if (r) {
      const c = r(l);
      c && (h = !1), a.setText(c);
    }
    if (s) {
      const c = s(l);
      c && (h = !1), a.setImage(c);
    }
    return o && a.setZIndex(o(l)), h ? null : a;
  };
}
function Sr(i, e, t) {
  let n;
  if (e + "fill-pattern-src" in i) n = Q_(i, e + "fill-", t);
  else {
    if (i[e + "fill-color"] === "none") return (s) => null;
    n = Ka(i, e + "fill-color", t);
  }
  if (!n) return null;
  const r = new vt();
  return function(s) {
    const o = n(s);
    return o === za ? null : (r.setColor(o), r);
  };
}
function Tr(i, e, t) {
  const n = et(i, e + "stroke-width", t), r = Ka(i, e + "stroke-color", t);
  if (!n && !r) return null;
  const s = Ht(i, e + "stroke-line-cap", t), o = Ht(i, e + "stroke-line-join", t), a = su(i, e + "stroke-line-dash", t), l = et(i, e + "stroke-line-dash-offset", t), h = et(i, e + "stroke-miter-limit", t), c = new Tt();
  return function(u) {
    if (r) {
      const d = r(u);
      if (d === za) return null;
      c.setColor(d);
    }
    if (n && c.setWidth(n(u)), s) {
      const d = s(u);
      if (d !== "butt" && d !== "round" && d !== "square") throw new Error("Expected butt, round, or square line cap");
      c.setLineCap(d);
    }
    if (o) {
      const d = o(u);
      if (d !== "bevel" && d !== "round" && d !== "miter") throw new Error("Expected bevel, round, or miter line join");
      c.setLineJoin(d);
    }
    return a && c.setLineDash(a(u)), l && c.setLineDashOffset(l(u)), h && c.setMiterLimit(h(u)), c;
  };
}
function Z_(i, e) {
  const t = "text-", n = Ht(i, t + "value", e);
  if (!n) return null;
  const r = Sr(i, t, e), s = Sr(i, t + "background-", e), o = Tr(i, t, e), a = Tr(i, t + "background-", e), l = Ht(i, t + "font", e), h = et(i, t + "max-angle", e), c = et(i, t + "offset-x", e), u = et(i, t + "offset-y", e), d = vi(i, t + "overflow", e), g = Ht(i, t + "placement", e), f = et(i, t + "repeat", e), p = Ys(i, t + "scale", e), _ = vi(i, t + "rotate-with-view", e), y = et(i, t + "rotation", e), x = Ht(i, t + "align", e), E = Ht(i, t + "justify", e), v = Ht(i, t + "baseline", e), m = vi(i, t + "keep-upright", e), S = su(i, t + "padding", e), T = Zs(i, t + "declutter-mode"), w = new ja({ declutterMode: T });
  return function(b) {
    if (w.setText(n(b)), r && w.setFill(r(b)), s && w.setBackgroundFill(s(b)), o && w.setStroke(o(b)), a && w.setBackgroundStroke(a(b)), l && w.setFont(l(b)), h && w.setMaxAngle(h(b)), c && w.setOffsetX(c(b)), u && w.setOffsetY(u(b)), d && w.setOverflow(d(b)), g) {
      const M = g(b);
      if (M !== "point" && M !== "line") throw new Error("Expected point or line for text-placement");
      w.setPlacement(M);
    }
    if (f && w.setRepeat(f(b)), p && w.setScale(p(b)), _ && w.setRotateWithView(_(b)), y && w.setRotation(y(b)), x) {
      const M = x(b);
      if (M !== "left" && M !== "center" && M !== "right" && M !== "end" && M !== "start") throw new Error("Expected left, right, center, start, or end for text-align");
      w.setTextAlign(M);
    }
    if (E) {
      const M = E(b);
      if (M !== "left" && M !== "right" && M !== "center") throw new Error("Expected left, right, or center for text-justify");
      w.setJustify(M);
    }
    if (v) {
      const M = v(b);
      if (M !== "bottom" && M !== "top" && M !== "middle" && M !== "alphabetic" && M !== "hanging") throw new Error("Expected bottom, top, middle, alphabetic, or hanging for text-baseline");
      w.setTextBaseline(M);
    }
    return S && w.setPadding(S(b)), m && w.setKeepUpright(m(b)), w;
  };
}
function H_(i, e) {
  return "icon-src" in i ? K_(i, e) : "shape-points" in i ? q_(i, e) : "circle-radius" in i ? J_(i, e) : null;
}
function K_(i, e) {
  const t = "icon-", n = t + "src", r = ou(i[n], n), s = Ss(i, t + "anchor", e), o = Ys(i, t + "scale", e), a = et(i, t + "opacity", e), l = Ss(i, t + "displacement", e), h = et(i, t + "rotation", e), c = vi(i, t + "rotate-with-view", e), u = Ch(i, t + "anchor-origin"), d = Sh(i, t + "anchor-x-units"), g = Sh(i, t + "anchor-y-units"), f = ip(i, t + "color"), p = tp(i, t + "cross-origin"), _ = np(i, t + "offset"), y = Ch(i, t + "offset-origin"), x = Ts(i, t + "width"), E = Ts(i, t + "height"), v = ep(i, t + "size"), m = Zs(i, t + "declutter-mode"), S = new Xs({ src: r, anchorOrigin: u, anchorXUnits: d, anchorYUnits: g, color: f, crossOrigin: p, offset: _, offsetOrigin: y, height: E, width: x, size: v, declutterMode: m });
  return function(T) {
    return a && S.setOpacity(a(T)), l && S.setDisplacement(l(T)), h && S.setRotation(h(T)), c && S.setRotateWithView(c(T)), o && S.setScale(o(T)), s && S.setAnchor(s(T)), S;
  };
}
function q_(i, e) {
  const t = "shape-", n = t + "points", r = t + "radius", s = aa(i[n], n), o = aa(i[r], r), a = Sr(i, t, e), l = Tr(i, t, e), h = Ys(i, t + "scale", e), c = Ss(i, t + "displacement", e), u = et(i, t + "rotation", e), d = vi(i, t + "rotate-with-view", e), g = Ts(i, t + "radius2"), f = Ts(i, t + "angle"), p = Zs(i, t + "declutter-mode"), _ = new js({ points: s, radius: o, radius2: g, angle: f, declutterMode: p });
  return function(y) {
    return a && _.setFill(a(y)), l && _.setStroke(l(y)), c && _.setDisplacement(c(y)), u && _.setRotation(u(y)), d && _.setRotateWithView(d(y)), h && _.setScale(h(y)), _;
  };
}
function J_(i, e) {
  const t = "circle-", n = Sr(i, t, e), r = Tr(i, t, e), s = et(i, t + "radius", e), o = Ys(i, t + "scale", e), a = Ss(i, t + "displacement", e), l = et(i, t + "rotation", e), h = vi(i, t + "rotate-with-view", e), c = Zs(i, t + "declutter-mode"), u = new Sn({ radius: 5, declutterMode: c });
  return function(d) {
    return s && u.setRadius(s(d)), n && u.setFill(n(d)), r && u.setStroke(r(d)), a && u.setDisplacement(a(d)), l && u.setRotation(l(d)), h && u.setRotateWithView(h(d)), o && u.setScale(o(d)), u;
  };
}
function et(i, e, t) {
  if (!(e in i)) return;
  const n = on(i[e], N, t);
  return function(r) {
    return aa(n(r), e);
  };
}
function Ht(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], Te, t);
  return function(r) {
    return ou(n(r), e);
  };
}
function Q_(i, e, t) {
  const n = Ht(i, e + "pattern-src", t), r = Eh(i, e + "pattern-offset", t), s = Eh(i, e + "pattern-size", t), o = Ka(i, e + "color", t);
  return function(a) {
    return { src: n(a), offset: r && r(a), size: s && s(a), color: o && o(a) };
  };
}
function vi(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], Se, t);
  return function(r) {
    const s = n(r);
    if (typeof s != "boolean") throw new Error(`Expected a boolean for ${e}`);
    return s;
  };
}
function Ka(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], ue, t);
  return function(r) {
    return au(n(r), e);
  };
}
function su(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], rt, t);
  return function(r) {
    return Nr(n(r), e);
  };
}
function Ss(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], rt, t);
  return function(r) {
    const s = Nr(n(r), e);
    if (s.length !== 2) throw new Error(`Expected two numbers for ${e}`);
    return s;
  };
}
function Eh(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], rt, t);
  return function(r) {
    return lu(n(r), e);
  };
}
function Ys(i, e, t) {
  if (!(e in i)) return null;
  const n = on(i[e], rt | N, t);
  return function(r) {
    return rp(n(r), e);
  };
}
function Ts(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (typeof t != "number") throw new Error(`Expected a number for ${e}`);
    return t;
  }
}
function ep(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (typeof t == "number") return He(t);
    if (!Array.isArray(t)) throw new Error(`Expected a number or size array for ${e}`);
    if (t.length !== 2 || typeof t[0] != "number" || typeof t[1] != "number") throw new Error(`Expected a number or size array for ${e}`);
    return t;
  }
}
function tp(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (typeof t != "string") throw new Error(`Expected a string for ${e}`);
    return t;
  }
}
function Ch(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (t !== "bottom-left" && t !== "bottom-right" && t !== "top-left" && t !== "top-right") throw new Error(`Expected bottom-left, bottom-right, top-left, or top-right for ${e}`);
    return t;
  }
}
function Sh(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (t !== "pixels" && t !== "fraction") throw new Error(`Expected pixels or fraction for ${e}`);
    return t;
  }
}
function np(i, e) {
  const t = i[e];
  if (t !== void 0) return Nr(t, e);
}
function Zs(i, e) {
  const t = i[e];
  if (t !== void 0) {
    if (typeof t != "string") throw new Error(`Expected a string for ${e}`);
    if (t !== "declutter" && t !== "obstacle" && t !== "none") throw new Error(`Expected declutter, obstacle, or none for ${e}`);
    return t;
  }
}
function ip(i, e) {
  const t = i[e];
  if (t !== void 0) return au(t, e);
}
function Nr(i, e) {
  if (!Array.isArray(i)) throw new Error(`Expected an array for ${e}`);
  const t = i.length;
  for (let n = 0; n < t; ++n) if (typeof i[n] != "number") throw new Error(`Expected an array of numbers for ${e}`);
  return i;
}
function ou(i, e) {
  if (typeof i != "string") throw new Error(`Expected a string for ${e}`);
  return i;
}
function aa(i, e) {
  if (typeof i != "number") throw new Error(`Expected a number for ${e}`);
  return i;
}
function au(i, e) {
  if (typeof i == "string") return i;
  const t = Nr(i, e), n = t.length;
  if (n < 3 || n > 4) throw new Error(`Expected a color with 3 or 4 values for ${e}`);
  return t;
}
function lu(i, e) {
  const t = Nr(i, e);
  if (t.length !== 2) throw new Error(`Expected an array of two numbers for ${e}`);
  return t;
}
function rp(i, e) {
  return typeof i == "number" ? i : lu(i, e);
}
const Et = { CENTER: "center", RESOLUTION: "resolution", ROTATION: "rotation" };
function Th(i, e, t) {
  return (function(n, r, s, o, a) {
    if (!n) return;
    if (!r && !e) return n;
    const l = e ? 0 : s[0] * r, h = e ? 0 : s[1] * r, c = a ? a[0] : 0, u = a ? a[1] : 0;
    let d = i[0] + l / 2 + c, g = i[2] - l / 2 + c, f = i[1] + h / 2 + u, p = i[3] - h / 2 + u;
    d > g && (d = (g + d) / 2, g = d), f > p && (f = (p + f) / 2, p = f);
    let _ = de(n[0], d, g), y = de(n[1], f, p);
    if (o && t && r) {
      const x = 30 * r;
      _ += -x * Math.log(1 + Math.max(0, d - n[0]) / x) + x * Math.log(1 + Math.max(0, n[0] - g) / x), y += -x * Math.log(1 + Math.max(0, f - n[1]) / x) + x * Math.log(1 + Math.max(0, n[1] - p) / x);
    }
    return [_, y];
  });
}
function sp(i) {
  return i;
}
function hu(i) {
  return Math.pow(i, 3);
}
function pt(i) {
  return 1 - hu(1 - i);
}
function op(i) {
  return 3 * i * i - 2 * i * i * i;
}
function ap(i) {
  return i;
}
function qa(i, e, t, n) {
  const r = ae(e) / t[0], s = Ze(e) / t[1];
  return n ? Math.min(i, Math.max(r, s)) : Math.min(i, Math.min(r, s));
}
function Ja(i, e, t) {
  let n = Math.min(i, e);
  const r = 50;
  return n *= Math.log(1 + r * Math.max(0, i / e - 1)) / r + 1, t && (n = Math.max(n, t), n /= Math.log(1 + r * Math.max(0, t / i - 1)) / r + 1), de(n, t / 2, e * 2);
}
function lp(i, e, t, n) {
  return e = e !== void 0 ? e : !0, (function(r, s, o, a) {
    if (r !== void 0) {
      const l = i[0], h = i[i.length - 1], c = t ? qa(l, t, o, n) : l;
      if (a) return e ? Ja(r, c, h) : de(r, h, c);
      const u = Math.min(c, r), d = Math.floor(Ia(i, u, s));
      return i[d] > c && d < i.length - 1 ? i[d + 1] : i[d];
    }
  });
}
function hp(i, e, t, n, r, s) {
  return n = n !== void 0 ? n : !0, t = t !== void 0 ? t : 0, (function(o, a, l, h) {
    if (o !== void 0) {
      const c = r ? qa(e, r, l, s) : e;
      if (h) return n ? Ja(o, c, t) : de(o, t, c);
      const u = 1e-9, d = Math.ceil(Math.log(e / c) / Math.log(i) - u), g = -a * (0.5 - u) + 0.5, f = Math.min(c, o), p = Math.floor(Math.log(e / f) / Math.log(i) + g), _ = Math.max(d, p), y = e / Math.pow(i, _);
      return de(y, t, c);
    }
  });
}
function wh(i, e, t, n, r) {
  return t = t !== void 0 ? t : !0, (function(s, o, a, l) {
    if (s !== void 0) {
      const h = n ? qa(i, n, a, r) : i;
      return !t || !l ? de(s, e, h) : Ja(s, h, e);
    }
  });
}
function Qa(i) {
  if (i !== void 0) return 0;
}
function Rh(i) {
  if (i !== void 0) return i;
}
function cp(i) {
  const e = 2 * Math.PI / i;
  return (function(t, n) {
    if (n) return t;
    if (t !== void 0) return t = Math.floor(t / e + 0.5) * e, t;
  });
}
function up(i) {
  const e = vn(5);
  return (function(t, n) {
    return n || t === void 0 ? t : Math.abs(t) <= e ? 0 : t;
  });
}
const dp = 42, el = 256, Co = 0;
class Ot extends $t {
  constructor(e) {
    super(), this.on, this.once, this.un, e = Object.assign({}, e), this.hints_ = [0, 0], this.animations_ = [], this.updateAnimationKey_, this.projection_ = ba(e.projection, "EPSG:3857"), this.viewportSize_ = [100, 100], this.targetCenter_ = null, this.targetResolution_, this.targetRotation_, this.nextCenter_ = null, this.nextResolution_, this.nextRotation_, this.cancelAnchor_ = void 0, e.projection && yc(), e.center && (e.center = ge(e.center, this.projection_)), e.extent && (e.extent = Qt(e.extent, this.projection_)), this.applyOptions_(e);
  }
  applyOptions_(e) {
    const t = Object.assign({}, e);
    for (const a in Et) delete t[a];
    this.setProperties(t, !0);
    const n = fp(e);
    this.maxResolution_ = n.maxResolution, this.minResolution_ = n.minResolution, this.zoomFactor_ = n.zoomFactor, this.resolutions_ = e.resolutions, this.padding_ = e.padding, this.minZoom_ = n.minZoom;
    const r = gp(e), s = n.constraint, o = _p(e);
    this.constraints_ = { center: r, resolution: s, rotation: o }, this.setRotation(e.rotation !== void 0 ? e.rotation : 0), this.setCenterInternal(e.center !== void 0 ? e.center : null), e.resolution !== void 0 ? this.setResolution(e.resolution) : e.zoom !== void 0 && this.setZoom(e.zoom);
  }
  get padding() {
    return this.padding_;
  }
  set padding(e) {
    let t = this.padding_;
    this.padding_ = e;
    const n = this.getCenterInternal();
    if (n) {
      const r = e || [0, 0, 0, 0];
      t = t || [0, 0, 0, 0];
      const s = this.getResolution(), o = s / 2 * (r[3] - t[3] + t[1] - r[1]), a = s / 2 * (r[0] - t[0] + t[2] - r[2]);
      this.setCenterInternal([n[0] + o, n[1] - a]);
    }
  }
  getUpdatedOptions_(e) {
    const t = this.getProperties();
    return t.resolution !== void 0 ? t.resolution = this.getResolution() : t.zoom = this.getZoom(), t.center = this.getCenterInternal(), t.rotation = this.getRotation(), Object.assign({}, t, e);
  }
  animate(e) {
    this.isDef() && !this.getAnimating() && this.resolveConstraints(0);
    const t = new Array(arguments.length);
    for (let n = 0; n < t.length; ++n) {
      let r = arguments[n];
      r.center && (r = Object.assign({}, r), r.center = ge(r.center, this.getProjection())), r.anchor && (r = Object.assign({}, r), r.anchor = ge(r.anchor, this.getProjection())), t[n] = r;
    }
    this.animateInternal.apply(this, t);
  }
  animateInternal(e) {
    let t = arguments.length, n;
    t > 1 && typeof arguments[t - 1] == "function" && (n = arguments[t - 1], --t);
    let r = 0;
    for (; r < t && !this.isDef(); ++r) {
      const c = arguments[r];
      c.center && this.setCenterInternal(c.center), c.zoom !== void 0 ? this.setZoom(c.zoom) : c.resolution && this.setResolution(c.resolution), c.rotation !== void 0 && this.setRotation(c.rotation);
    }
    if (r === t) {
      n && ts(n, !0);
      return;
    }
    let s = Date.now(), o = this.targetCenter_.slice(), a = this.targetResolution_, l = this.targetRotation_;
    const h = [];
    for (; r < t; ++r) {
      const c = arguments[r], u = { start: s, complete: !1, anchor: c.anchor, duration: c.duration !== void 0 ? c.duration : 1e3, easing: c.easing || op, callback: n };
      if (c.center && (u.sourceCenter = o, u.targetCenter = c.center.slice(), o = u.targetCenter), c.zoom !== void 0 ? (u.sourceResolution = a, u.targetResolution = this.getResolutionForZoom(c.zoom), a = u.targetResolution) : c.resolution && (u.sourceResolution = a, u.targetResolution = c.resolution, a = u.targetResolution), c.rotation !== void 0) {
        u.sourceRotation = l;
        const d = Nn(c.rotation - l + Math.PI, 2 * Math.PI) - Math.PI;
        u.targetRotation = l + d, l = u.targetRotation;
      }
      pp(u) ? u.complete = !0 : s += u.duration, h.push(u);
    }
    this.animations_.push(h), this.setHint(Fe.ANIMATING, 1), this.updateAnimations_();
  }
  getAnimating() {
    return this.hints_[Fe.ANIMATING] > 0;
  }
  getInteracting() {
    return this.hints_[Fe.INTERACTING] > 0;
  }
  cancelAnimations() {
    this.setHint(Fe.ANIMATING, -this.hints_[Fe.ANIMATING]);
    let e;
    for (let t = 0, n = this.animations_.length; t < n; ++t) {
      const r = this.animations_[t];
      if (r[0].callback && ts(r[0].callback, !1), !e) for (let s = 0, o = r.length; s < o; ++s) {
        const a = r[s];
        if (!a.complete) {
          e = a.anchor;
          break;
        }
      }
    }
    this.animations_.length = 0, this.cancelAnchor_ = e, this.nextCenter_ = null, this.nextResolution_ = NaN, this.nextRotation_ = NaN;
  }
  updateAnimations_() {
    if (this.updateAnimationKey_ !== void 0 && (cancelAnimationFrame(this.updateAnimationKey_), this.updateAnimationKey_ = void 0), !this.getAnimating()) return;
    const e = Date.now();
    let t = !1;
    for (let n = this.animations_.length - 1; n >= 0; --n) {
      const r = this.animations_[n];
      let s = !0;
      for (let o = 0, a = r.length; o < a; ++o) {
        const l = r[o];
        if (l.complete) continue;
        const h = e - l.start;
        let c = l.duration > 0 ? h / l.duration : 1;
        c >= 1 ? (l.complete = !0, c = 1) : s = !1;
        const u = l.easing(c);
        if (l.sourceCenter) {
          const d = l.sourceCenter[0], g = l.sourceCenter[1], f = l.targetCenter[0], p = l.targetCenter[1];
          this.nextCenter_ = l.targetCenter;
          const _ = d + u * (f - d), y = g + u * (p - g);
          this.targetCenter_ = [_, y];
        }
        if (l.sourceResolution && l.targetResolution) {
          const d = u === 1 ? l.targetResolution : l.sourceResolution + u * (l.targetResolution - l.sourceResolution);
          if (l.anchor) {
            const g = this.getViewportSize_(this.getRotation()), f = this.constraints_.resolution(d, 0, g, !0);
            this.targetCenter_ = this.calculateCenterZoom(f, l.anchor);
          }
          this.nextResolution_ = l.targetResolution, this.targetResolution_ = d, this.applyTargetState_(!0);
        }
        if (l.sourceRotation !== void 0 && l.targetRotation !== void 0) {
          const d = u === 1 ? Nn(l.targetRotation + Math.PI, 2 * Math.PI) - Math.PI : l.sourceRotation + u * (l.targetRotation - l.sourceRotation);
          if (l.anchor) {
            const g = this.constraints_.rotation(d, !0);
            this.targetCenter_ = this.calculateCenterRotate(g, l.anchor);
          }
          this.nextRotation_ = l.targetRotation, this.targetRotation_ = d;
        }
        if (this.applyTargetState_(!0), t = !0, !l.complete) break;
      }
      if (s) {
        this.animations_[n] = null, this.setHint(Fe.ANIMATING, -1), this.nextCenter_ = null, this.nextResolution_ = NaN, this.nextRotation_ = NaN;
        const o = r[0].callback;
        o && ts(o, !0);
      }
    }
    this.animations_ = this.animations_.filter(Boolean), t && this.updateAnimationKey_ === void 0 && (this.updateAnimationKey_ = requestAnimationFrame(this.updateAnimations_.bind(this)));
  }
  calculateCenterRotate(e, t) {
    let n;
    const r = this.getCenterInternal();
    return r !== void 0 && (n = [r[0] - t[0], r[1] - t[1]], Ca(n, e - this.getRotation()), vd(n, t)), n;
  }
  calculateCenterZoom(e, t) {
    let n;
    const r = this.getCenterInternal(), s = this.getResolution();
    if (r !== void 0 && s !== void 0) {
      const o = t[0] - e * (t[0] - r[0]) / s, a = t[1] - e * (t[1] - r[1]) / s;
      n = [o, a];
    }
    return n;
  }
  getViewportSize_(e) {
    const t = this.viewportSize_;
    if (e) {
      const n = t[0], r = t[1];
      return [Math.abs(n * Math.cos(e)) + Math.abs(r * Math.sin(e)), Math.abs(n * Math.sin(e)) + Math.abs(r * Math.cos(e))];
    }
    return t;
  }
  setViewportSize(e) {
    this.viewportSize_ = Array.isArray(e) ? e.slice() : [100, 100], this.getAnimating() || this.resolveConstraints(0);
  }
  getCenter() {
    const e = this.getCenterInternal();
    return e && Un(e, this.getProjection());
  }
  getCenterInternal() {
    return this.get(Et.CENTER);
  }
  getConstraints() {
    return this.constraints_;
  }
  getConstrainResolution() {
    return this.get("constrainResolution");
  }
  getHints(e) {
    return e !== void 0 ? (e[0] = this.hints_[0], e[1] = this.hints_[1], e) : this.hints_.slice();
  }
  calculateExtent(e) {
    const t = this.calculateExtentInternal(e);
    return Aa(t, this.getProjection());
  }
  calculateExtentInternal(e) {
    e = e || this.getViewportSizeMinusPadding_();
    const t = this.getCenterInternal();
    ne(t, "The view center is not defined");
    const n = this.getResolution();
    ne(n !== void 0, "The view resolution is not defined");
    const r = this.getRotation();
    return ne(r !== void 0, "The view rotation is not defined"), jo(t, n, r, e);
  }
  getMaxResolution() {
    return this.maxResolution_;
  }
  getMinResolution() {
    return this.minResolution_;
  }
  getMaxZoom() {
    return this.getZoomForResolution(this.minResolution_);
  }
  setMaxZoom(e) {
    this.applyOptions_(this.getUpdatedOptions_({ maxZoom: e }));
  }
  getMinZoom() {
    return this.getZoomForResolution(this.maxResolution_);
  }
  setMinZoom(e) {
    this.applyOptions_(this.getUpdatedOptions_({ minZoom: e }));
  }
  setConstrainResolution(e) {
    this.applyOptions_(this.getUpdatedOptions_({ constrainResolution: e }));
  }
  getProjection() {
    return this.projection_;
  }
  getResolution() {
    return this.get(Et.RESOLUTION);
  }
  getResolutions() {
    return this.resolutions_;
  }
  getResolutionForExtent(e, t) {
    return this.getResolutionForExtentInternal(Qt(e, this.getProjection()), t);
  }
  getResolutionForExtentInternal(e, t) {
    t = t || this.getViewportSizeMinusPadding_();
    const n = ae(e) / t[0], r = Ze(e) / t[1];
    return Math.max(n, r);
  }
  getResolutionForValueFunction(e) {
    e = e || 2;
    const t = this.getConstrainedResolution(this.maxResolution_), n = this.minResolution_, r = Math.log(t / n) / Math.log(e);
    return (function(s) {
      return t / Math.pow(e, s * r);
    });
  }
  getRotation() {
    return this.get(Et.ROTATION);
  }
  getValueForResolutionFunction(e) {
    const t = Math.log(e || 2), n = this.getConstrainedResolution(this.maxResolution_), r = this.minResolution_, s = Math.log(n / r) / t;
    return (function(o) {
      return Math.log(n / o) / t / s;
    });
  }
  getViewportSizeMinusPadding_(e) {
    let t = this.getViewportSize_(e);
    const n = this.padding_;
    return n && (t = [t[0] - n[1] - n[3], t[1] - n[0] - n[2]]), t;
  }
  getState() {
    const e = this.getProjection(), t = this.getResolution(), n = this.getRotation();
    let r = this.getCenterInternal();
    const s = this.padding_;
    if (s) {
      const o = this.getViewportSizeMinusPadding_();
      r = So(r, this.getViewportSize_(), [o[0] / 2 + s[3], o[1] / 2 + s[0]], t, n);
    }
    return { center: r.slice(0), projection: e !== void 0 ? e : null, resolution: t, nextCenter: this.nextCenter_, nextResolution: this.nextResolution_, nextRotation: this.nextRotation_, rotation: n, zoom: this.getZoom() };
  }
  getViewStateAndExtent() {
    return { viewState: this.getState(), extent: this.calculateExtent() };
  }
  getZoom() {
    let e;
    const t = this.getResolution();
    return t !== void 0 && (e = this.getZoomForResolution(t)), e;
  }
  getZoomForResolution(e) {
    let t = this.minZoom_ || 0, n, r;
    if (this.resolutions_) {
      const s = Ia(this.resolutions_, e, 1);
      t = s, n = this.resolutions_[s], s == this.resolutions_.length - 1 ? r = 2 : r = n / this.resolutions_[s + 1];
    } else n = this.maxResolution_, r = this.zoomFactor_;
    return t + Math.log(n / e) / Math.log(r);
  }
  getResolutionForZoom(e) {
    if (this.resolutions_?.length) {
      if (this.resolutions_.length === 1) return this.resolutions_[0];
      const t = de(Math.floor(e), 0, this.resolutions_.length - 2), n = this.resolutions_[t] / this.resolutions_[t + 1];
      return this.resolutions_[t] / Math.pow(n, de(e - t, 0, 1));
    }
    return this.maxResolution_ / Math.pow(this.zoomFactor_, e - this.minZoom_);
  }
  fit(e, t) {
    let n;
    if (ne(Array.isArray(e) || typeof e.getSimplifiedGeometry == "function", "Invalid extent or geometry provided as `geometry`"), Array.isArray(e)) {
      ne(!Ri(e), "Cannot fit empty extent provided as `geometry`");
      const r = Qt(e, this.getProjection());
      n = Hl(r);
    } else if (e.getType() === "Circle") {
      const r = Qt(e.getExtent(), this.getProjection());
      n = Hl(r), n.rotate(this.getRotation(), Ut(r));
    } else n = e;
    this.fitInternal(n, t);
  }
  rotatedExtentForGeometry(e) {
    const t = this.getRotation(), n = Math.cos(t), r = Math.sin(-t), s = e.getFlatCoordinates(), o = e.getStride();
    let a = 1 / 0, l = 1 / 0, h = -1 / 0, c = -1 / 0;
    for (let u = 0, d = s.length; u < d; u += o) {
      const g = s[u] * n - s[u + 1] * r, f = s[u] * r + s[u + 1] * n;
      a = Math.min(a, g), l = Math.min(l, f), h = Math.max(h, g), c = Math.max(c, f);
    }
    return [a, l, h, c];
  }
  fitInternal(e, t) {
    t = t || {};
    let n = t.size;
    n || (n = this.getViewportSizeMinusPadding_());
    const r = t.padding !== void 0 ? t.padding : [0, 0, 0, 0], s = t.nearest !== void 0 ? t.nearest : !1;
    let o;
    t.minResolution !== void 0 ? o = t.minResolution : t.maxZoom !== void 0 ? o = this.getResolutionForZoom(t.maxZoom) : o = 0;
    const a = this.rotatedExtentForGeometry(e);
    let l = this.getResolutionForExtentInternal(a, [n[0] - r[1] - r[3], n[1] - r[0] - r[2]]);
    l = isNaN(l) ? o : Math.max(l, o), l = this.getConstrainedResolution(l, s ? 0 : 1);
    const h = this.getRotation(), c = Math.sin(h), u = Math.cos(h), d = Ut(a);
    d[0] += (r[1] - r[3]) / 2 * l, d[1] += (r[0] - r[2]) / 2 * l;
    const g = d[0] * u - d[1] * c, f = d[1] * u + d[0] * c, p = this.getConstrainedCenter([g, f], l), _ = t.callback ? t.callback : dr;
    t.duration !== void 0 ? this.animateInternal({ resolution: l, center: p, duration: t.duration, easing: t.easing }, _) : (this.targetResolution_ = l, this.targetCenter_ = p, this.applyTargetState_(!1, !0), ts(_, !0));
  }
  centerOn(e, t, n) {
    this.centerOnInternal(ge(e, this.getProjection()), t, n);
  }
  centerOnInternal(e, t, n) {
    this.setCenterInternal(So(e, t, n, this.getResolution(), this.getRotation()));
  }
  calculateCenterShift(e, t, n, r) {
    let s;
    const o = this.padding_;
    if (o && e) {
      const a = this.getViewportSizeMinusPadding_(-n), l = So(e, r, [a[0] / 2 + o[3], a[1] / 2 + o[0]], t, n);
      s = [e[0] - l[0], e[1] - l[1]];
    }
    return s;
  }
  isDef() {
    return !!this.getCenterInternal() && this.getResolution() !== void 0;
  }
  adjustCenter(e) {
    const t = Un(this.targetCenter_, this.getProjection());
    this.setCenter([t[0] + e[0], t[1] + e[1]]);
  }
  adjustCenterInternal(e) {
    const t = this.targetCenter_;
    this.setCenterInternal([t[0] + e[0], t[1] + e[1]]);
  }
  adjustResolution(e, t) {
    t = t && ge(t, this.getProjection()), this.adjustResolutionInternal(e, t);
  }
  adjustResolutionInternal(e, t) {
    const n = this.getAnimating() || this.getInteracting(), r = this.getViewportSize_(this.getRotation()), s = this.constraints_.resolution(this.targetResolution_ * e, 0, r, n);
    t && (this.targetCenter_ = this.calculateCenterZoom(s, t)), this.targetResolution_ *= e, this.applyTargetState_();
  }
  adjustZoom(e, t) {
    this.adjustResolution(Math.pow(this.zoomFactor_, -e), t);
  }
  adjustRotation(e, t) {
    t && (t = ge(t, this.getProjection())), this.adjustRotationInternal(e, t);
  }
  adjustRotationInternal(e, t) {
    const n = this.getAnimating() || this.getInteracting(), r = this.constraints_.rotation(this.targetRotation_ + e, n);
    t && (this.targetCenter_ = this.calculateCenterRotate(r, t)), this.targetRotation_ += e, this.applyTargetState_();
  }
  setCenter(e) {
    this.setCenterInternal(e && ge(e, this.getProjection()));
  }
  setCenterInternal(e) {
    this.targetCenter_ = e, this.applyTargetState_();
  }
  setHint(e, t) {
    return this.hints_[e] += t, this.changed(), this.hints_[e];
  }
  setResolution(e) {
    this.targetResolution_ = e, this.applyTargetState_();
  }
  setRotation(e) {
    this.targetRotation_ = e, this.applyTargetState_();
  }
  setZoom(e) {
    this.setResolution(this.getResolutionForZoom(e));
  }
  applyTargetState_(e, t) {
    const n = this.getAnimating() || this.getInteracting() || t, r = this.constraints_.rotation(this.targetRotation_, n), s = this.getViewportSize_(r), o = this.constraints_.resolution(this.targetResolution_, 0, s, n), a = this.constraints_.center(this.targetCenter_, o, s, n, this.calculateCenterShift(this.targetCenter_, o, r, s));
    this.get(Et.ROTATION) !== r && this.set(Et.ROTATION, r), this.get(Et.RESOLUTION) !== o && (this.set(Et.RESOLUTION, o), this.set("zoom", this.getZoom(), !0)), (!a || !this.get(Et.CENTER) || !Xe(this.get(Et.CENTER), a)) && this.set(Et.CENTER, a), this.getAnimating() && !e && this.cancelAnimations(), this.cancelAnchor_ = void 0;
  }
  resolveConstraints(e, t, n) {
    e = e !== void 0 ? e : 200;
    const r = t || 0, s = this.constraints_.rotation(this.targetRotation_), o = this.getViewportSize_(s), a = this.constraints_.resolution(this.targetResolution_, r, o), l = this.constraints_.center(this.targetCenter_, a, o, !1, this.calculateCenterShift(this.targetCenter_, a, s, o));
    if (e === 0 && !this.cancelAnchor_) {
      this.targetResolution_ = a, this.targetRotation_ = s, this.targetCenter_ = l, this.applyTargetState_();
      return;
    }
    n = n || (e === 0 ? this.cancelAnchor_ : void 0), this.cancelAnchor_ = void 0, (this.getResolution() !== a || this.getRotation() !== s || !this.getCenterInternal() || !Xe(this.getCenterInternal(), l)) && (this.getAnimating() && this.cancelAnimations(), this.animateInternal({ rotation: s, center: l, resolution: a, duration: e, easing: pt, anchor: n }));
  }
  beginInteraction() {
    this.resolveConstraints(0), this.setHint(Fe.INTERACTING, 1);
  }
  endInteraction(e, t, n) {
    n = n && ge(n, this.getProjection()), this.endInteractionInternal(e, t, n);
  }
  endInteractionInternal(e, t, n) {
    this.getInteracting() && (this.setHint(Fe.INTERACTING, -1), this.resolveConstraints(e, t, n));
  }
  getConstrainedCenter(e, t) {
    const n = this.getViewportSize_(this.getRotation());
    return this.constraints_.center(e, t || this.getResolution(), n);
  }
  getConstrainedZoom(e, t) {
    const n = this.getResolutionForZoom(e);
    return this.getZoomForResolution(this.getConstrainedResolution(n, t));
  }
  getConstrainedResolution(e, t) {
    t = t || 0;
    const n = this.getViewportSize_(this.getRotation());
    return this.constraints_.resolution(e, t, n);
  }
}
function ts(i, e) {
  setTimeout(function() {
    i(e);
  }, 0);
}
function gp(i) {
  if (i.extent !== void 0) {
    const t = i.smoothExtentConstraint !== void 0 ? i.smoothExtentConstraint : !0;
    return Th(i.extent, i.constrainOnlyCenter, t);
  }
  const e = ba(i.projection, "EPSG:3857");
  if (i.multiWorld !== !0 && e.isGlobal()) {
    const t = e.getExtent().slice();
    return t[0] = -1 / 0, t[2] = 1 / 0, Th(t, !1, !1);
  }
  return sp;
}
function fp(i) {
  let e, t, n, r = i.minZoom !== void 0 ? i.minZoom : Co, s = i.maxZoom !== void 0 ? i.maxZoom : 28;
  const o = i.zoomFactor !== void 0 ? i.zoomFactor : 2, a = i.multiWorld !== void 0 ? i.multiWorld : !1, l = i.smoothResolutionConstraint !== void 0 ? i.smoothResolutionConstraint : !0, h = i.showFullExtent !== void 0 ? i.showFullExtent : !1, c = ba(i.projection, "EPSG:3857"), u = c.getExtent();
  let d = i.constrainOnlyCenter, g = i.extent;
  if (!a && !g && c.isGlobal() && (d = !1, g = u), i.resolutions !== void 0) {
    const f = i.resolutions;
    t = f[r], n = f[s] !== void 0 ? f[s] : f[f.length - 1], i.constrainResolution ? e = lp(f, l, !d && g, h) : e = wh(t, n, l, !d && g, h);
  } else {
    const f = (u ? Math.max(ae(u), Ze(u)) : 360 * ar.degrees / c.getMetersPerUnit()) / el / Math.pow(2, Co), p = f / Math.pow(2, 28 - Co);
    t = i.maxResolution, t !== void 0 ? r = 0 : t = f / Math.pow(o, r), n = i.minResolution, n === void 0 && (i.maxZoom !== void 0 ? i.maxResolution !== void 0 ? n = t / Math.pow(o, s) : n = f / Math.pow(o, s) : n = p), s = r + Math.floor(Math.log(t / n) / Math.log(o)), n = t / Math.pow(o, s - r), i.constrainResolution ? e = hp(o, t, n, l, !d && g, h) : e = wh(t, n, l, !d && g, h);
  }
  return { constraint: e, maxResolution: t, minResolution: n, minZoom: r, zoomFactor: o };
}
function _p(i) {
  if (i.enableRotation === void 0 || i.enableRotation) {
    const e = i.constrainRotation;
    return e === void 0 || e === !0 ? up() : e === !1 ? Rh : typeof e == "number" ? cp(e) : Rh;
  }
  return Qa;
}
function pp(i) {
  return !(i.sourceCenter && i.targetCenter && !Xe(i.sourceCenter, i.targetCenter) || i.sourceResolution !== i.targetResolution || i.sourceRotation !== i.targetRotation);
}
function So(i, e, t, n, r) {
  const s = Math.cos(-r);
  let o = Math.sin(-r), a = i[0] * s - i[1] * o, l = i[1] * s + i[0] * o;
  a += (e[0] / 2 - t[0]) * n, l += (t[1] - e[1] / 2) * n, o = -o;
  const h = a * s - l * o, c = l * s + a * o;
  return [h, c];
}
const oe = { OPACITY: "opacity", VISIBLE: "visible", EXTENT: "extent", Z_INDEX: "zIndex", MAX_RESOLUTION: "maxResolution", MIN_RESOLUTION: "minResolution", MAX_ZOOM: "maxZoom", MIN_ZOOM: "minZoom", SOURCE: "source", MAP: "map" };
class cu extends $t {
  constructor(e) {
    super(), this.on, this.once, this.un, this.background_ = e.background;
    const t = Object.assign({}, e);
    typeof e.properties == "object" && (delete t.properties, Object.assign(t, e.properties)), t[oe.OPACITY] = e.opacity !== void 0 ? e.opacity : 1, ne(typeof t[oe.OPACITY] == "number", "Layer opacity must be a number"), t[oe.VISIBLE] = e.visible !== void 0 ? e.visible : !0, t[oe.Z_INDEX] = e.zIndex, t[oe.MAX_RESOLUTION] = e.maxResolution !== void 0 ? e.maxResolution : 1 / 0, t[oe.MIN_RESOLUTION] = e.minResolution !== void 0 ? e.minResolution : 0, t[oe.MIN_ZOOM] = e.minZoom !== void 0 ? e.minZoom : -1 / 0, t[oe.MAX_ZOOM] = e.maxZoom !== void 0 ? e.maxZoom : 1 / 0, this.className_ = t.className !== void 0 ? t.className : "ol-layer", delete t.className, this.setProperties(t), this.state_ = null;
  }
  getBackground() {
    return this.background_;
  }
  getClassName() {
    return this.className_;
  }
  getLayerState(e) {
    const t = this.state_ || { layer: this, managed: e === void 0 ? !0 : e }, n = this.getZIndex();
    return t.opacity = de(Math.round(this.getOpacity() * 100) / 100, 0, 1), t.visible = this.getVisible(), t.extent = this.getExtent(), t.zIndex = n === void 0 && !t.managed ? 1 / 0 : n, t.maxResolution = this.getMaxResolution(), t.minResolution = Math.max(this.getMinResolution(), 0), t.minZoom = this.getMinZoom(), t.maxZoom = this.getMaxZoom(), this.state_ = t, t;
  }
  getLayersArray(e) {
    return X();
  }
  getLayerStatesArray(e) {
    return X();
  }
  getExtent() {
    return this.get(oe.EXTENT);
  }
  getMaxResolution() {
    return this.get(oe.MAX_RESOLUTION);
  }
  getMinResolution() {
    return this.get(oe.MIN_RESOLUTION);
  }
  getMinZoom() {
    return this.get(oe.MIN_ZOOM);
  }
  getMaxZoom() {
    return this.get(oe.MAX_ZOOM);
  }
  getOpacity() {
    return this.get(oe.OPACITY);
  }
  getSourceState() {
    return X();
  }
  getVisible() {
    return this.get(oe.VISIBLE);
  }
  getZIndex() {
    return this.get(oe.Z_INDEX);
  }
  setBackground(e) {
    this.background_ = e, this.changed();
  }
  setExtent(e) {
    this.set(oe.EXTENT, e);
  }
  setMaxResolution(e) {
    this.set(oe.MAX_RESOLUTION, e);
  }
  setMinResolution(e) {
    this.set(oe.MIN_RESOLUTION, e);
  }
  setMaxZoom(e) {
    this.set(oe.MAX_ZOOM, e);
  }
  setMinZoom(e) {
    this.set(oe.MIN_ZOOM, e);
  }
  setOpacity(e) {
    ne(typeof e == "number", "Layer opacity must be a number"), this.set(oe.OPACITY, e);
  }
  setVisible(e) {
    this.set(oe.VISIBLE, e);
  }
  setZIndex(e) {
    this.set(oe.Z_INDEX, e);
  }
  disposeInternal() {
    this.state_ && (this.state_.layer = null, this.state_ = null), super.disposeInternal();
  }
}
class Gr extends cu {
  constructor(e) {
    const t = Object.assign({}, e);
    delete t.source, super(t), this.on, this.once, this.un, this.mapPrecomposeKey_ = null, this.mapRenderKey_ = null, this.sourceChangeKey_ = null, this.renderer_ = null, this.sourceReady_ = !1, this.rendered = !1, e.render && (this.render = e.render), e.map && this.setMap(e.map), this.addChangeListener(oe.SOURCE, this.handleSourcePropertyChange_);
    const n = e.source ? e.source : null;
    this.setSource(n);
  }
  getLayersArray(e) {
    return e = e || [], e.push(this), e;
  }
  getLayerStatesArray(e) {
    return e = e || [], e.push(this.getLayerState()), e;
  }
  getSource() {
    return this.get(oe.SOURCE) || null;
  }
  getRenderSource() {
    return this.getSource();
  }
  getSourceState() {
    const e = this.getSource();
    return e ? e.getState() : "undefined";
  }
  handleSourceChange_() {
    this.changed(), !(this.sourceReady_ || this.getSource().getState() !== "ready") && (this.sourceReady_ = !0, this.dispatchEvent("sourceready"));
  }
  handleSourcePropertyChange_() {
    this.sourceChangeKey_ && (he(this.sourceChangeKey_), this.sourceChangeKey_ = null), this.sourceReady_ = !1;
    const e = this.getSource();
    e && (this.sourceChangeKey_ = ee(e, Y.CHANGE, this.handleSourceChange_, this), e.getState() === "ready" && (this.sourceReady_ = !0, setTimeout(() => {
      this.dispatchEvent("sourceready");
    }, 0))), this.changed();
  }
  getFeatures(e) {
    return this.renderer_ ? this.renderer_.getFeatures(e) : Promise.resolve([]);
  }
  getData(e) {
    return !this.renderer_ || !this.rendered ? null : this.renderer_.getData(e);
  }
  isVisible(e) {
    let t;
    const n = this.getMapInternal();
    !e && n && (e = n.getView()), e instanceof Ot ? t = { viewState: e.getState(), extent: e.calculateExtent() } : t = e, !t.layerStatesArray && n && (t.layerStatesArray = n.getLayerGroup().getLayerStatesArray());
    let r;
    if (t.layerStatesArray) {
      if (r = t.layerStatesArray.find((o) => o.layer === this), !r) return !1;
    } else r = this.getLayerState();
    const s = this.getExtent();
    return tl(r, t.viewState) && (!s || Ye(s, t.extent));
  }
  getAttributions(e) {
    if (!this.isVisible(e)) return [];
    const t = this.getSource()?.getAttributions();
    if (!t) return [];
    const n = e instanceof Ot ? e.getViewStateAndExtent() : e;
    let r = t(n);
    return Array.isArray(r) || (r = [r]), r;
  }
  render(e, t) {
    const n = this.getRenderer();
    return n.prepareFrame(e) ? (this.rendered = !0, n.renderFrame(e, t)) : null;
  }
  unrender() {
    this.rendered = !1;
  }
  getDeclutter() {
  }
  renderDeclutter(e, t) {
  }
  renderDeferred(e) {
    const t = this.getRenderer();
    t && t.renderDeferred(e);
  }
  setMapInternal(e) {
    e || this.unrender(), this.set(oe.MAP, e);
  }
  getMapInternal() {
    return this.get(oe.MAP);
  }
  setMap(e) {
    this.mapPrecomposeKey_ && (he(this.mapPrecomposeKey_), this.mapPrecomposeKey_ = null), e || this.changed(), this.mapRenderKey_ && (he(this.mapRenderKey_), this.mapRenderKey_ = null), e && (this.mapPrecomposeKey_ = ee(e, Le.PRECOMPOSE, this.handlePrecompose_, this), this.mapRenderKey_ = ee(this, Y.CHANGE, e.render, e), this.changed());
  }
  handlePrecompose_(e) {
    const t = e.frameState.layerStatesArray, n = this.getLayerState(!1);
    ne(!t.some((r) => r.layer === n.layer), "A layer can only be added to the map once. Use either `layer.setMap()` or `map.addLayer()`, not both."), t.push(n);
  }
  setSource(e) {
    this.set(oe.SOURCE, e);
  }
  getRenderer() {
    return this.renderer_ || (this.renderer_ = this.createRenderer()), this.renderer_;
  }
  hasRenderer() {
    return !!this.renderer_;
  }
  createRenderer() {
    return null;
  }
  clearRenderer() {
    this.renderer_ && (this.renderer_.dispose(), delete this.renderer_);
  }
  disposeInternal() {
    this.clearRenderer(), this.setSource(null), super.disposeInternal();
  }
}
function tl(i, e) {
  if (!i.visible) return !1;
  const t = e.resolution;
  if (t < i.minResolution || t >= i.maxResolution) return !1;
  const n = e.zoom;
  return n > i.minZoom && n <= i.maxZoom;
}
const bh = { RENDER_ORDER: "renderOrder" };
class nl extends Gr {
  constructor(e) {
    e = e || {};
    const t = Object.assign({}, e);
    delete t.style, delete t.renderBuffer, delete t.updateWhileAnimating, delete t.updateWhileInteracting, super(t), this.declutter_ = e.declutter ? String(e.declutter) : void 0, this.renderBuffer_ = e.renderBuffer !== void 0 ? e.renderBuffer : 100, this.style_ = null, this.styleFunction_ = void 0, this.setStyle(e.style), this.updateWhileAnimating_ = e.updateWhileAnimating !== void 0 ? e.updateWhileAnimating : !1, this.updateWhileInteracting_ = e.updateWhileInteracting !== void 0 ? e.updateWhileInteracting : !1;
  }
  getDeclutter() {
    return this.declutter_;
  }
  getFeatures(e) {
    return super.getFeatures(e);
  }
  getRenderBuffer() {
    return this.renderBuffer_;
  }
  getRenderOrder() {
    return this.get(bh.RENDER_ORDER);
  }
  getStyle() {
    return this.style_;
  }
  getStyleFunction() {
    return this.styleFunction_;
  }
  getUpdateWhileAnimating() {
    return this.updateWhileAnimating_;
  }
  getUpdateWhileInteracting() {
    return this.updateWhileInteracting_;
  }
  renderDeclutter(e, t) {
    const n = this.getDeclutter();
    n in e.declutter || (e.declutter[n] = new qc(9)), this.getRenderer().renderDeclutter(e, t);
  }
  setRenderOrder(e) {
    this.set(bh.RENDER_ORDER, e);
  }
  setStyle(e) {
    this.style_ = e === void 0 ? Wc : e;
    const t = mp(e);
    this.styleFunction_ = e === null ? void 0 : Ff(t), this.changed();
  }
  setDeclutter(e) {
    this.declutter_ = e ? String(e) : void 0, this.changed();
  }
}
function mp(i) {
  if (i === void 0) return Wc;
  if (!i) return null;
  if (typeof i == "function" || i instanceof Me) return i;
  if (!Array.isArray(i)) return vh([i]);
  if (i.length === 0) return [];
  const e = i.length, t = i[0];
  if (t instanceof Me) {
    const n = new Array(e);
    for (let r = 0; r < e; ++r) {
      const s = i[r];
      if (!(s instanceof Me)) throw new Error("Expected a list of style instances");
      n[r] = s;
    }
    return n;
  }
  if ("style" in t) {
    const n = new Array(e);
    for (let r = 0; r < e; ++r) {
      const s = i[r];
      if (!("style" in s)) throw new Error("Expected a list of rules with a style property");
      n[r] = s;
    }
    return X_(n);
  }
  return vh(i);
}
class Hs extends nl {
  constructor(e) {
    super(e);
  }
  createRenderer() {
    return new E_(this);
  }
}
const V = { IDLE: 0, LOADING: 1, LOADED: 2, ERROR: 3, EMPTY: 4 };
class il extends Gs {
  constructor(e, t, n) {
    super(), n = n || {}, this.tileCoord = e, this.state = t, this.key = "", this.transition_ = n.transition === void 0 ? 250 : n.transition, this.transitionStarts_ = {}, this.interpolate = !!n.interpolate;
  }
  changed() {
    this.dispatchEvent(Y.CHANGE);
  }
  release() {
    this.setState(V.EMPTY);
  }
  getKey() {
    return this.key + "/" + this.tileCoord;
  }
  getTileCoord() {
    return this.tileCoord;
  }
  getState() {
    return this.state;
  }
  setState(e) {
    if (this.state !== V.EMPTY) {
      if (this.state !== V.ERROR && this.state > e) throw new Error("Tile load sequence violation");
      this.state = e, this.changed();
    }
  }
  load() {
    X();
  }
  getAlpha(e, t) {
    if (!this.transition_) return 1;
    let n = this.transitionStarts_[e];
    if (!n) n = t, this.transitionStarts_[e] = n;
    else if (n === -1) return 1;
    const r = t - n + 1e3 / 60;
    return r >= this.transition_ ? 1 : hu(r / this.transition_);
  }
  inTransition(e) {
    return this.transition_ ? this.transitionStarts_[e] !== -1 : !1;
  }
  endTransition(e) {
    this.transition_ && (this.transitionStarts_[e] = -1);
  }
  disposeInternal() {
    this.release(), super.disposeInternal();
  }
}
class uu extends il {
  constructor(e, t, n, r, s, o) {
    super(e, t, o), this.crossOrigin_ = r, this.src_ = n, this.key = n, this.image_, lt ? this.image_ = new OffscreenCanvas(1, 1) : (this.image_ = new Image(), r !== null && (this.image_.crossOrigin = r)), this.unlisten_ = null, this.tileLoadFunction_ = s;
  }
  getImage() {
    return this.image_;
  }
  setImage(e) {
    this.image_ = e, this.state = V.LOADED, this.unlistenImage_(), this.changed();
  }
  getCrossOrigin() {
    return this.crossOrigin_;
  }
  handleImageError_() {
    this.state = V.ERROR, this.unlistenImage_(), this.image_ = yp(), this.changed();
  }
  handleImageLoad_() {
    if (lt) this.state = V.LOADED;
    else {
      const e = this.image_;
      e.naturalWidth && e.naturalHeight ? this.state = V.LOADED : this.state = V.EMPTY;
    }
    this.unlistenImage_(), this.changed();
  }
  load() {
    this.state == V.ERROR && (this.state = V.IDLE, this.image_ = new Image(), this.crossOrigin_ !== null && (this.image_.crossOrigin = this.crossOrigin_)), this.state == V.IDLE && (this.state = V.LOADING, this.changed(), this.tileLoadFunction_(this, this.src_), this.unlisten_ = mf(this.image_, this.handleImageLoad_.bind(this), this.handleImageError_.bind(this)));
  }
  unlistenImage_() {
    this.unlisten_ && (this.unlisten_(), this.unlisten_ = null);
  }
  disposeInternal() {
    this.unlistenImage_(), this.image_ = null, super.disposeInternal();
  }
}
function yp() {
  const i = Re(1, 1);
  return i.fillStyle = "rgba(0,0,0,0)", i.fillRect(0, 0, 1, 1), i.canvas;
}
class xp {
  constructor(e, t, n) {
    this.decay_ = e, this.minVelocity_ = t, this.delay_ = n, this.points_ = [], this.angle_ = 0, this.initialVelocity_ = 0;
  }
  begin() {
    this.points_.length = 0, this.angle_ = 0, this.initialVelocity_ = 0;
  }
  update(e, t) {
    this.points_.push(e, t, Date.now());
  }
  end() {
    if (this.points_.length < 6) return !1;
    const e = Date.now() - this.delay_, t = this.points_.length - 3;
    if (this.points_[t + 2] < e) return !1;
    let n = t - 3;
    for (; n > 0 && this.points_[n + 2] > e; ) n -= 3;
    const r = this.points_[t + 2] - this.points_[n + 2];
    if (r < 1e3 / 60) return !1;
    const s = this.points_[t] - this.points_[n], o = this.points_[t + 1] - this.points_[n + 1];
    return this.angle_ = Math.atan2(o, s), this.initialVelocity_ = Math.sqrt(s * s + o * o) / r, this.initialVelocity_ > this.minVelocity_;
  }
  getDistance() {
    return (this.minVelocity_ - this.initialVelocity_) / this.decay_;
  }
  getAngle() {
    return this.angle_;
  }
}
class fi extends Pt {
  constructor(e, t, n) {
    super(e), this.map = t, this.frameState = n !== void 0 ? n : null;
  }
}
class fn extends fi {
  constructor(e, t, n, r, s, o) {
    super(e, t, s), this.originalEvent = n, this.pixel_ = null, this.coordinate_ = null, this.dragging = r !== void 0 ? r : !1, this.activePointers = o;
  }
  get pixel() {
    return this.pixel_ || (this.pixel_ = this.map.getEventPixel(this.originalEvent)), this.pixel_;
  }
  set pixel(e) {
    this.pixel_ = e;
  }
  get coordinate() {
    return this.coordinate_ || (this.coordinate_ = this.map.getCoordinateFromPixel(this.pixel)), this.coordinate_;
  }
  set coordinate(e) {
    this.coordinate_ = e;
  }
  preventDefault() {
    super.preventDefault(), "preventDefault" in this.originalEvent && this.originalEvent.preventDefault();
  }
  stopPropagation() {
    super.stopPropagation(), "stopPropagation" in this.originalEvent && this.originalEvent.stopPropagation();
  }
}
const le = { SINGLECLICK: "singleclick", CLICK: Y.CLICK, DBLCLICK: Y.DBLCLICK, POINTERDRAG: "pointerdrag", POINTERMOVE: "pointermove", POINTERDOWN: "pointerdown", POINTERUP: "pointerup", POINTEROVER: "pointerover", POINTEROUT: "pointerout", POINTERENTER: "pointerenter", POINTERLEAVE: "pointerleave", POINTERCANCEL: "pointercancel" }, la = { POINTERMOVE: "pointermove", POINTERDOWN: "pointerdown" };
class vp extends Gs {
  constructor(e, t) {
    super(e), this.map_ = e, this.clickTimeoutId_, this.emulateClicks_ = !1, this.dragging_ = !1, this.dragListenerKeys_ = [], this.moveTolerance_ = t === void 0 ? 1 : t, this.down_ = null;
    const n = this.map_.getViewport();
    this.activePointers_ = [], this.trackedTouches_ = {}, this.element_ = n, this.pointerdownListenerKey_ = ee(n, la.POINTERDOWN, this.handlePointerDown_, this), this.originalPointerMoveEvent_, this.relayedListenerKey_ = ee(n, la.POINTERMOVE, this.relayMoveEvent_, this), this.boundHandleTouchMove_ = this.handleTouchMove_.bind(this), this.element_.addEventListener(Y.TOUCHMOVE, this.boundHandleTouchMove_, Nc ? { passive: !1 } : !1);
  }
  emulateClick_(e) {
    let t = new fn(le.CLICK, this.map_, e);
    this.dispatchEvent(t), this.clickTimeoutId_ !== void 0 ? (clearTimeout(this.clickTimeoutId_), this.clickTimeoutId_ = void 0, t = new fn(le.DBLCLICK, this.map_, e), this.dispatchEvent(t)) : this.clickTimeoutId_ = setTimeout(() => {
      this.clickTimeoutId_ = void 0;
      const n = new fn(le.SINGLECLICK, this.map_, e);
      this.dispatchEvent(n);
    }, 250);
  }
  updateActivePointers_(e) {
    const t = e, n = t.pointerId;
    if (t.type == le.POINTERUP || t.type == le.POINTERCANCEL) {
      delete this.trackedTouches_[n];
      for (const r in this.trackedTouches_) if (this.trackedTouches_[r].target !== t.target) {
        delete this.trackedTouches_[r];
        break;
      }
    } else (t.type == le.POINTERDOWN || t.type == le.POINTERMOVE) && (this.trackedTouches_[n] = t);
    this.activePointers_ = Object.values(this.trackedTouches_);
  }
  handlePointerUp_(e) {
    this.updateActivePointers_(e);
    const t = new fn(le.POINTERUP, this.map_, e, void 0, void 0, this.activePointers_);
    this.dispatchEvent(t), this.emulateClicks_ && !t.defaultPrevented && !this.dragging_ && this.isMouseActionButton_(e) && this.emulateClick_(this.down_), this.activePointers_.length === 0 && (this.dragListenerKeys_.forEach(he), this.dragListenerKeys_.length = 0, this.dragging_ = !1, this.down_ = null);
  }
  isMouseActionButton_(e) {
    return e.button === 0;
  }
  handlePointerDown_(e) {
    this.emulateClicks_ = this.activePointers_.length === 0, this.updateActivePointers_(e);
    const t = new fn(le.POINTERDOWN, this.map_, e, void 0, void 0, this.activePointers_);
    if (this.dispatchEvent(t), this.down_ = new PointerEvent(e.type, e), Object.defineProperty(this.down_, "target", { writable: !1, value: e.target }), this.dragListenerKeys_.length === 0) {
      const n = this.map_.getOwnerDocument();
      this.dragListenerKeys_.push(ee(n, le.POINTERMOVE, this.handlePointerMove_, this), ee(n, le.POINTERUP, this.handlePointerUp_, this), ee(this.element_, le.POINTERCANCEL, this.handlePointerUp_, this)), this.element_.getRootNode && this.element_.getRootNode() !== n && this.dragListenerKeys_.push(ee(this.element_.getRootNode(), le.POINTERUP, this.handlePointerUp_, this));
    }
  }
  handlePointerMove_(e) {
    if (this.isMoving_(e)) {
      this.updateActivePointers_(e), this.dragging_ = !0;
      const t = new fn(le.POINTERDRAG, this.map_, e, this.dragging_, void 0, this.activePointers_);
      this.dispatchEvent(t);
    }
  }
  relayMoveEvent_(e) {
    this.originalPointerMoveEvent_ = e;
    const t = !!(this.down_ && this.isMoving_(e));
    this.dispatchEvent(new fn(le.POINTERMOVE, this.map_, e, t));
  }
  handleTouchMove_(e) {
    const t = this.originalPointerMoveEvent_;
    (!t || t.defaultPrevented) && (typeof e.cancelable != "boolean" || e.cancelable === !0) && e.preventDefault();
  }
  isMoving_(e) {
    return this.dragging_ || Math.abs(e.clientX - this.down_.clientX) > this.moveTolerance_ || Math.abs(e.clientY - this.down_.clientY) > this.moveTolerance_;
  }
  disposeInternal() {
    this.relayedListenerKey_ && (he(this.relayedListenerKey_), this.relayedListenerKey_ = null), this.element_.removeEventListener(Y.TOUCHMOVE, this.boundHandleTouchMove_), this.pointerdownListenerKey_ && (he(this.pointerdownListenerKey_), this.pointerdownListenerKey_ = null), this.dragListenerKeys_.forEach(he), this.dragListenerKeys_.length = 0, this.element_ = null, super.disposeInternal();
  }
}
const _n = { POSTRENDER: "postrender", MOVESTART: "movestart", MOVEEND: "moveend", LOADSTART: "loadstart", LOADEND: "loadend" }, Ue = { LAYERGROUP: "layergroup", SIZE: "size", TARGET: "target", VIEW: "view" }, ha = 1 / 0;
class Ep {
  constructor(e, t) {
    this.priorityFunction_ = e, this.keyFunction_ = t, this.elements_ = [], this.priorities_ = [], this.queuedElements_ = {};
  }
  clear() {
    this.elements_.length = 0, this.priorities_.length = 0, Mi(this.queuedElements_);
  }
  dequeue() {
    const e = this.elements_, t = this.priorities_, n = e[0];
    e.length == 1 ? (e.length = 0, t.length = 0) : (e[0] = e.pop(), t[0] = t.pop(), this.siftUp_(0));
    const r = this.keyFunction_(n);
    return delete this.queuedElements_[r], n;
  }
  enqueue(e) {
    ne(!(this.keyFunction_(e) in this.queuedElements_), "Tried to enqueue an `element` that was already added to the queue");
    const t = this.priorityFunction_(e);
    return t != ha ? (this.elements_.push(e), this.priorities_.push(t), this.queuedElements_[this.keyFunction_(e)] = !0, this.siftDown_(0, this.elements_.length - 1), !0) : !1;
  }
  getCount() {
    return this.elements_.length;
  }
  getLeftChildIndex_(e) {
    return e * 2 + 1;
  }
  getRightChildIndex_(e) {
    return e * 2 + 2;
  }
  getParentIndex_(e) {
    return e - 1 >> 1;
  }
  heapify_() {
    let e;
    for (e = (this.elements_.length >> 1) - 1; e >= 0; e--) this.siftUp_(e);
  }
  isEmpty() {
    return this.elements_.length === 0;
  }
  isKeyQueued(e) {
    return e in this.queuedElements_;
  }
  isQueued(e) {
    return this.isKeyQueued(this.keyFunction_(e));
  }
  siftUp_(e) {
    const t = this.elements_, n = this.priorities_, r = t.length, s = t[e], o = n[e], a = e;
    for (; e < r >> 1; ) {
      const l = this.getLeftChildIndex_(e), h = this.getRightChildIndex_(e), c = h < r && n[h] < n[l] ? h : l;
      t[e] = t[c], n[e] = n[c], e = c;
    }
    t[e] = s, n[e] = o, this.siftDown_(a, e);
  }
  siftDown_(e, t) {
    const n = this.elements_, r = this.priorities_, s = n[t], o = r[t];
    for (; t > e; ) {
      const a = this.getParentIndex_(t);
      if (r[a] > o) n[t] = n[a], r[t] = r[a], t = a;
      else break;
    }
    n[t] = s, r[t] = o;
  }
  reprioritize() {
    const e = this.priorityFunction_, t = this.elements_, n = this.priorities_;
    let r = 0;
    const s = t.length;
    let o, a, l;
    for (a = 0; a < s; ++a) o = t[a], l = e(o), l == ha ? delete this.queuedElements_[this.keyFunction_(o)] : (n[r] = l, t[r++] = o);
    t.length = r, n.length = r, this.heapify_();
  }
}
class Cp extends Ep {
  constructor(e, t) {
    super((n) => e.apply(null, n), (n) => n[0].getKey()), this.boundHandleTileChange_ = this.handleTileChange.bind(this), this.tileChangeCallback_ = t, this.tilesLoading_ = 0, this.tilesLoadingKeys_ = {};
  }
  enqueue(e) {
    const t = super.enqueue(e);
    return t && e[0].addEventListener(Y.CHANGE, this.boundHandleTileChange_), t;
  }
  getTilesLoading() {
    return this.tilesLoading_;
  }
  handleTileChange(e) {
    const t = e.target, n = t.getState();
    if (n === V.LOADED || n === V.ERROR || n === V.EMPTY) {
      n !== V.ERROR && t.removeEventListener(Y.CHANGE, this.boundHandleTileChange_);
      const r = t.getKey();
      r in this.tilesLoadingKeys_ && (delete this.tilesLoadingKeys_[r], --this.tilesLoading_), this.tileChangeCallback_();
    }
  }
  loadMoreTiles(e, t) {
    let n = 0;
    for (; this.tilesLoading_ < e && n < t && this.getCount() > 0; ) {
      const r = this.dequeue()[0], s = r.getKey();
      r.getState() === V.IDLE && !(s in this.tilesLoadingKeys_) && (this.tilesLoadingKeys_[s] = !0, ++this.tilesLoading_, ++n, r.load());
    }
  }
}
function Sp(i, e, t, n, r) {
  if (!i || !(t in i.wantedTiles) || !i.wantedTiles[t][e.getKey()]) return ha;
  const s = i.viewState.center, o = n[0] - s[0], a = n[1] - s[1];
  return 65536 * Math.log(r) + Math.sqrt(o * o + a * a) / r;
}
class rl extends $t {
  constructor(e) {
    super();
    const t = e.element;
    t && !e.target && !t.style.pointerEvents && (t.style.pointerEvents = "auto"), this.element = t || null, this.target_ = null, this.map_ = null, this.listenerKeys = [], e.render && (this.render = e.render), e.target && this.setTarget(e.target);
  }
  disposeInternal() {
    this.element?.remove(), super.disposeInternal();
  }
  getMap() {
    return this.map_;
  }
  setMap(e) {
    this.map_ && this.element?.remove();
    for (let t = 0, n = this.listenerKeys.length; t < n; ++t) he(this.listenerKeys[t]);
    if (this.listenerKeys.length = 0, this.map_ = e, e) {
      const t = this.target_ ?? e.getOverlayContainerStopEvent();
      this.element && t.appendChild(this.element), this.render !== dr && this.listenerKeys.push(ee(e, _n.POSTRENDER, this.render, this)), e.render();
    }
  }
  render(e) {
  }
  setTarget(e) {
    this.target_ = typeof e == "string" ? document.getElementById(e) : e;
  }
}
class du extends rl {
  constructor(e) {
    e = e || {}, super({ element: document.createElement("div"), render: e.render, target: e.target }), this.ulElement_ = document.createElement("ul"), this.collapsed_ = e.collapsed !== void 0 ? e.collapsed : !0, this.userCollapsed_ = this.collapsed_, this.overrideCollapsible_ = e.collapsible !== void 0, this.collapsible_ = e.collapsible !== void 0 ? e.collapsible : !0, this.collapsible_ || (this.collapsed_ = !1), this.attributions_ = e.attributions;
    const t = e.className !== void 0 ? e.className : "ol-attribution", n = e.tipLabel !== void 0 ? e.tipLabel : "Attributions", r = e.expandClassName !== void 0 ? e.expandClassName : t + "-expand", s = e.collapseLabel !== void 0 ? e.collapseLabel : "›", o = e.collapseClassName !== void 0 ? e.collapseClassName : t + "-collapse";
    typeof s == "string" ? (this.collapseLabel_ = document.createElement("span"), this.collapseLabel_.textContent = s, this.collapseLabel_.className = o) : this.collapseLabel_ = s;
    const a = e.label !== void 0 ? e.label : "i";
    typeof a == "string" ? (this.label_ = document.createElement("span"), this.label_.textContent = a, this.label_.className = r) : this.label_ = a;
    const l = this.collapsible_ && !this.collapsed_ ? this.collapseLabel_ : this.label_;
    this.toggleButton_ = document.createElement("button"), this.toggleButton_.setAttribute("type", "button"), this.toggleButton_.setAttribute("aria-expanded", String(!this.collapsed_)), this.toggleButton_.title = n, this.toggleButton_.appendChild(l), this.toggleButton_.addEventListener(Y.CLICK, this.handleClick_.bind(this), !1);
    const h = t + " " + Vs + " " + Wa + (this.collapsed_ && this.collapsible_ ? " " + Jl : "") + (this.collapsible_ ? "" : " ol-uncollapsible"), c = this.element;
    c.className = h, c.appendChild(this.toggleButton_), c.appendChild(this.ulElement_), this.renderedAttributions_ = [], this.renderedVisible_ = !0;
  }
  collectSourceAttributions_(e) {
    const t = this.getMap().getAllLayers(), n = new Set(t.flatMap((r) => r.getAttributions(e)));
    if (this.attributions_ !== void 0 && (Array.isArray(this.attributions_) ? this.attributions_.forEach((r) => n.add(r)) : n.add(this.attributions_)), !this.overrideCollapsible_) {
      const r = !t.some((s) => s.getSource()?.getAttributionsCollapsible() === !1);
      this.setCollapsible(r);
    }
    return Array.from(n);
  }
  async updateElement_(e) {
    if (!e) {
      this.renderedVisible_ && (this.element.style.display = "none", this.renderedVisible_ = !1);
      return;
    }
    const t = await Promise.all(this.collectSourceAttributions_(e).map((r) => Ig(() => r))), n = t.length > 0;
    if (this.renderedVisible_ != n && (this.element.style.display = n ? "" : "none", this.renderedVisible_ = n), !zt(t, this.renderedAttributions_)) {
      of(this.ulElement_);
      for (let r = 0, s = t.length; r < s; ++r) {
        const o = document.createElement("li");
        o.innerHTML = t[r], this.ulElement_.appendChild(o);
      }
      this.renderedAttributions_ = t;
    }
  }
  handleClick_(e) {
    e.preventDefault(), this.handleToggle_(), this.userCollapsed_ = this.collapsed_;
  }
  handleToggle_() {
    this.element.classList.toggle(Jl), this.collapsed_ ? Kl(this.collapseLabel_, this.label_) : Kl(this.label_, this.collapseLabel_), this.collapsed_ = !this.collapsed_, this.toggleButton_.setAttribute("aria-expanded", String(!this.collapsed_));
  }
  getCollapsible() {
    return this.collapsible_;
  }
  setCollapsible(e) {
    this.collapsible_ !== e && (this.collapsible_ = e, this.element.classList.toggle("ol-uncollapsible"), this.userCollapsed_ && this.handleToggle_());
  }
  setCollapsed(e) {
    this.userCollapsed_ = e, !(!this.collapsible_ || this.collapsed_ === e) && this.handleToggle_();
  }
  getCollapsed() {
    return this.collapsed_;
  }
  render(e) {
    this.updateElement_(e.frameState);
  }
}
class Tp extends rl {
  constructor(e) {
    e = e || {}, super({ element: document.createElement("div"), render: e.render, target: e.target });
    const t = e.className !== void 0 ? e.className : "ol-rotate", n = e.label !== void 0 ? e.label : "⇧", r = e.compassClassName !== void 0 ? e.compassClassName : "ol-compass";
    this.label_ = null, typeof n == "string" ? (this.label_ = document.createElement("span"), this.label_.className = r, this.label_.textContent = n) : (this.label_ = n, this.label_.classList.add(r));
    const s = e.tipLabel ? e.tipLabel : "Reset rotation", o = document.createElement("button");
    o.className = t + "-reset", o.setAttribute("type", "button"), o.title = s, o.appendChild(this.label_), o.addEventListener(Y.CLICK, this.handleClick_.bind(this), !1);
    const a = t + " " + Vs + " " + Wa, l = this.element;
    l.className = a, l.appendChild(o), this.callResetNorth_ = e.resetNorth ? e.resetNorth : void 0, this.duration_ = e.duration !== void 0 ? e.duration : 250, this.autoHide_ = e.autoHide !== void 0 ? e.autoHide : !0, this.rotation_ = void 0, this.autoHide_ && this.element.classList.add(Hr);
  }
  handleClick_(e) {
    e.preventDefault(), this.callResetNorth_ !== void 0 ? this.callResetNorth_() : this.resetNorth_();
  }
  resetNorth_() {
    const e = this.getMap().getView();
    if (!e) return;
    const t = e.getRotation();
    t !== void 0 && (this.duration_ > 0 && t % (2 * Math.PI) !== 0 ? e.animate({ rotation: 0, duration: this.duration_, easing: pt }) : e.setRotation(0));
  }
  render(e) {
    const t = e.frameState;
    if (!t) return;
    const n = t.viewState.rotation;
    if (n != this.rotation_) {
      const r = "rotate(" + n + "rad)";
      if (this.autoHide_) {
        const s = this.element.classList.contains(Hr);
        !s && n === 0 ? this.element.classList.add(Hr) : s && n !== 0 && this.element.classList.remove(Hr);
      }
      this.label_.style.transform = r;
    }
    this.rotation_ = n;
  }
}
class gu extends rl {
  constructor(e) {
    e = e || {}, super({ element: document.createElement("div"), target: e.target });
    const t = e.className !== void 0 ? e.className : "ol-zoom", n = e.delta !== void 0 ? e.delta : 1, r = e.zoomInClassName !== void 0 ? e.zoomInClassName : t + "-in", s = e.zoomOutClassName !== void 0 ? e.zoomOutClassName : t + "-out", o = e.zoomInLabel !== void 0 ? e.zoomInLabel : "+", a = e.zoomOutLabel !== void 0 ? e.zoomOutLabel : "–", l = e.zoomInTipLabel !== void 0 ? e.zoomInTipLabel : "Zoom in", h = e.zoomOutTipLabel !== void 0 ? e.zoomOutTipLabel : "Zoom out", c = document.createElement("button");
    c.className = r, c.setAttribute("type", "button"), c.title = l, c.appendChild(typeof o == "string" ? document.createTextNode(o) : o), c.addEventListener(Y.CLICK, this.handleClick_.bind(this, n), !1);
    const u = document.createElement("button");
    u.className = s, u.setAttribute("type", "button"), u.title = h, u.appendChild(typeof a == "string" ? document.createTextNode(a) : a), u.addEventListener(Y.CLICK, this.handleClick_.bind(this, -n), !1);
    const d = t + " " + Vs + " " + Wa, g = this.element;
    g.className = d, g.appendChild(c), g.appendChild(u), this.duration_ = e.duration !== void 0 ? e.duration : 250;
  }
  handleClick_(e, t) {
    t.preventDefault(), this.zoomByDelta_(e);
  }
  zoomByDelta_(e) {
    const t = this.getMap().getView();
    if (!t) return;
    const n = t.getZoom();
    if (n !== void 0) {
      const r = t.getConstrainedZoom(n + e);
      this.duration_ > 0 ? (t.getAnimating() && t.cancelAnimations(), t.animate({ zoom: r, duration: this.duration_, easing: pt })) : t.setZoom(r);
    }
  }
}
function wp(i) {
  i = i || {};
  const e = new Ne();
  return (i.zoom === void 0 || i.zoom) && e.push(new gu(i.zoomOptions)), (i.rotate === void 0 || i.rotate) && e.push(new Tp(i.rotateOptions)), (i.attribution === void 0 || i.attribution) && e.push(new du(i.attributionOptions)), e;
}
const ca = { ACTIVE: "active" };
class Br extends $t {
  constructor(e) {
    super(), this.on, this.once, this.un, e && e.handleEvent && (this.handleEvent = e.handleEvent), this.map_ = null, this.setActive(!0);
  }
  getActive() {
    return this.get(ca.ACTIVE);
  }
  getMap() {
    return this.map_;
  }
  handleEvent(e) {
    return !0;
  }
  setActive(e) {
    this.set(ca.ACTIVE, e);
  }
  setMap(e) {
    this.map_ = e;
  }
}
function Rp(i, e, t) {
  const n = i.getCenterInternal();
  if (n) {
    const r = [n[0] + e[0], n[1] + e[1]];
    i.animateInternal({ duration: t !== void 0 ? t : 250, easing: ap, center: i.getConstrainedCenter(r) });
  }
}
function sl(i, e, t, n) {
  const r = i.getZoom();
  if (r === void 0) return;
  const s = i.getConstrainedZoom(r + e), o = i.getResolutionForZoom(s);
  i.getAnimating() && i.cancelAnimations(), i.animate({ resolution: o, anchor: t, duration: n !== void 0 ? n : 250, easing: pt });
}
class bp extends Br {
  constructor(e) {
    super(), e = e || {}, this.delta_ = e.delta ? e.delta : 1, this.duration_ = e.duration !== void 0 ? e.duration : 250;
  }
  handleEvent(e) {
    let t = !1;
    if (e.type == le.DBLCLICK) {
      const n = e.originalEvent, r = e.map, s = e.coordinate, o = n.shiftKey ? -this.delta_ : this.delta_, a = r.getView();
      sl(a, o, s, this.duration_), n.preventDefault(), t = !0;
    }
    return !t;
  }
}
function ua(i) {
  const e = arguments;
  return function(t) {
    let n = !0;
    for (let r = 0, s = e.length; r < s && (n = n && e[r](t), !!n); ++r) ;
    return n;
  };
}
const Pp = function(i) {
  const e = i.originalEvent;
  return e.altKey && !(e.metaKey || e.ctrlKey) && !e.shiftKey;
}, Ap = function(i) {
  const e = i.originalEvent;
  return e.altKey && !(e.metaKey || e.ctrlKey) && e.shiftKey;
}, Ip = function(i) {
  const e = i.map.getTargetElement(), t = e.getRootNode(), n = i.map.getOwnerDocument().activeElement;
  return t instanceof ShadowRoot ? t.host.contains(n) : e.contains(n);
}, fu = function(i) {
  const e = i.map.getTargetElement(), t = e.getRootNode();
  return (t instanceof ShadowRoot ? t.host : e).hasAttribute("tabindex") ? Ip(i) : !0;
}, ws = zn, _u = function(i) {
  const e = i.originalEvent;
  return "pointerId" in e && e.button == 0 && !(rf && Oc && e.ctrlKey);
}, Fp = Mr, Lp = function(i) {
  return i.type == le.SINGLECLICK;
}, pu = function(i) {
  const e = i.originalEvent;
  return !e.altKey && !(e.metaKey || e.ctrlKey) && !e.shiftKey;
}, Mp = function(i) {
  const e = i.originalEvent;
  return Oc ? e.metaKey : e.ctrlKey;
}, Dp = function(i) {
  const e = i.originalEvent;
  return !e.altKey && !(e.metaKey || e.ctrlKey) && e.shiftKey;
}, mu = function(i) {
  const e = i.originalEvent, t = e.target.tagName;
  return t !== "INPUT" && t !== "SELECT" && t !== "TEXTAREA" && !e.target.isContentEditable;
}, To = function(i) {
  const e = i.originalEvent;
  return "pointerId" in e && e.pointerType == "mouse";
}, yu = function(i) {
  const e = i.originalEvent;
  return "pointerId" in e && e.isPrimary && e.button === 0;
};
class Hn extends Br {
  constructor(e) {
    e = e || {}, super(e), e.handleDownEvent && (this.handleDownEvent = e.handleDownEvent), e.handleDragEvent && (this.handleDragEvent = e.handleDragEvent), e.handleMoveEvent && (this.handleMoveEvent = e.handleMoveEvent), e.handleUpEvent && (this.handleUpEvent = e.handleUpEvent), e.stopDown && (this.stopDown = e.stopDown), this.handlingDownUpSequence = !1, this.targetPointers = [];
  }
  getPointerCount() {
    return this.targetPointers.length;
  }
  handleDownEvent(e) {
    return !1;
  }
  handleDragEvent(e) {
  }
  handleEvent(e) {
    if (!e.originalEvent) return !0;
    let t = !1;
    if (this.updateTrackedPointers_(e), this.handlingDownUpSequence) {
      if (e.type == le.POINTERDRAG) this.handleDragEvent(e), e.originalEvent.preventDefault();
      else if (e.type == le.POINTERUP) {
        const n = this.handleUpEvent(e);
        this.handlingDownUpSequence = n && this.targetPointers.length > 0;
      }
    } else if (e.type == le.POINTERDOWN) {
      const n = this.handleDownEvent(e);
      this.handlingDownUpSequence = n, t = this.stopDown(n);
    } else e.type == le.POINTERMOVE && this.handleMoveEvent(e);
    return !t;
  }
  handleMoveEvent(e) {
  }
  handleUpEvent(e) {
    return !1;
  }
  stopDown(e) {
    return e;
  }
  updateTrackedPointers_(e) {
    e.activePointers && (this.targetPointers = e.activePointers);
  }
}
function ol(i) {
  const e = i.length;
  let t = 0, n = 0;
  for (let r = 0; r < e; r++) t += i[r].clientX, n += i[r].clientY;
  return { clientX: t / e, clientY: n / e };
}
class Op extends Hn {
  constructor(e) {
    super({ stopDown: Mr }), e = e || {}, this.kinetic_ = e.kinetic, this.lastCentroid = null, this.lastPointersCount_, this.panning_ = !1;
    const t = e.condition ? e.condition : ua(pu, yu);
    this.condition_ = e.onFocusOnly ? ua(fu, t) : t, this.noKinetic_ = !1;
  }
  handleDragEvent(e) {
    const t = e.map;
    this.panning_ || (this.panning_ = !0, t.getView().beginInteraction());
    const n = this.targetPointers, r = t.getEventPixel(ol(n));
    if (n.length == this.lastPointersCount_) {
      if (this.kinetic_ && this.kinetic_.update(r[0], r[1]), this.lastCentroid) {
        const s = [this.lastCentroid[0] - r[0], r[1] - this.lastCentroid[1]], o = e.map.getView();
        Ed(s, o.getResolution()), Ca(s, o.getRotation()), o.adjustCenterInternal(s);
      }
    } else this.kinetic_ && this.kinetic_.begin();
    this.lastCentroid = r, this.lastPointersCount_ = n.length, e.originalEvent.preventDefault();
  }
  handleUpEvent(e) {
    const t = e.map, n = t.getView();
    if (this.targetPointers.length === 0) {
      if (!this.noKinetic_ && this.kinetic_ && this.kinetic_.end()) {
        const r = this.kinetic_.getDistance(), s = this.kinetic_.getAngle(), o = n.getCenterInternal(), a = t.getPixelFromCoordinateInternal(o), l = t.getCoordinateFromPixelInternal([a[0] - r * Math.cos(s), a[1] - r * Math.sin(s)]);
        n.animateInternal({ center: n.getConstrainedCenter(l), duration: 500, easing: pt });
      }
      return this.panning_ && (this.panning_ = !1, n.endInteraction()), !1;
    }
    return this.kinetic_ && this.kinetic_.begin(), this.lastCentroid = null, !0;
  }
  handleDownEvent(e) {
    if (this.targetPointers.length > 0 && this.condition_(e)) {
      const t = e.map.getView();
      return this.lastCentroid = null, t.getAnimating() && t.cancelAnimations(), this.kinetic_ && this.kinetic_.begin(), this.noKinetic_ = this.targetPointers.length > 1, !0;
    }
    return !1;
  }
}
class kp extends Hn {
  constructor(e) {
    e = e || {}, super({ stopDown: Mr }), this.condition_ = e.condition ? e.condition : Ap, this.lastAngle_ = void 0, this.duration_ = e.duration !== void 0 ? e.duration : 250;
  }
  handleDragEvent(e) {
    if (!To(e)) return;
    const t = e.map, n = t.getView();
    if (n.getConstraints().rotation === Qa) return;
    const r = t.getSize(), s = e.pixel, o = Math.atan2(r[1] / 2 - s[1], s[0] - r[0] / 2);
    if (this.lastAngle_ !== void 0) {
      const a = o - this.lastAngle_;
      n.adjustRotationInternal(-a);
    }
    this.lastAngle_ = o;
  }
  handleUpEvent(e) {
    return To(e) ? (e.map.getView().endInteraction(this.duration_), !1) : !0;
  }
  handleDownEvent(e) {
    return To(e) && _u(e) && this.condition_(e) ? (e.map.getView().beginInteraction(), this.lastAngle_ = void 0, !0) : !1;
  }
}
class Np extends Lr {
  constructor(e) {
    super(), this.geometry_ = null, this.element_ = document.createElement("div"), this.element_.style.position = "absolute", this.element_.style.pointerEvents = "auto", this.element_.className = "ol-box " + e, this.map_ = null, this.startPixel_ = null, this.endPixel_ = null;
  }
  disposeInternal() {
    this.setMap(null);
  }
  render_() {
    const e = this.startPixel_, t = this.endPixel_, n = "px", r = this.element_.style;
    r.left = Math.min(e[0], t[0]) + n, r.top = Math.min(e[1], t[1]) + n, r.width = Math.abs(t[0] - e[0]) + n, r.height = Math.abs(t[1] - e[1]) + n;
  }
  setMap(e) {
    if (this.map_) {
      this.map_.getOverlayContainer().removeChild(this.element_);
      const t = this.element_.style;
      t.left = "inherit", t.top = "inherit", t.width = "inherit", t.height = "inherit";
    }
    this.map_ = e, this.map_ && this.map_.getOverlayContainer().appendChild(this.element_);
  }
  setPixels(e, t) {
    this.startPixel_ = e, this.endPixel_ = t, this.createOrUpdateGeometry(), this.render_();
  }
  createOrUpdateGeometry() {
    if (!this.map_) return;
    const e = this.startPixel_, t = this.endPixel_, n = [e, [e[0], t[1]], t, [t[0], e[1]]].map(this.map_.getCoordinateFromPixelInternal, this.map_);
    n[4] = n[0].slice(), this.geometry_ ? this.geometry_.setCoordinates([n]) : this.geometry_ = new it([n]);
  }
  getGeometry() {
    return this.geometry_;
  }
}
const ri = { BOXSTART: "boxstart", BOXDRAG: "boxdrag", BOXEND: "boxend", BOXCANCEL: "boxcancel" };
class Wi extends Pt {
  constructor(e, t, n) {
    super(e), this.coordinate = t, this.mapBrowserEvent = n;
  }
}
class Gp extends Hn {
  constructor(e) {
    super(), this.on, this.once, this.un, e = e ?? {}, this.box_ = new Np(e.className || "ol-dragbox"), this.minArea_ = e.minArea ?? 64, e.onBoxEnd && (this.onBoxEnd = e.onBoxEnd), this.startPixel_ = null, this.condition_ = e.condition ?? _u, this.boxEndCondition_ = e.boxEndCondition ?? this.defaultBoxEndCondition;
  }
  defaultBoxEndCondition(e, t, n) {
    const r = n[0] - t[0], s = n[1] - t[1];
    return r * r + s * s >= this.minArea_;
  }
  getGeometry() {
    return this.box_.getGeometry();
  }
  handleDragEvent(e) {
    this.startPixel_ && (this.box_.setPixels(this.startPixel_, e.pixel), this.dispatchEvent(new Wi(ri.BOXDRAG, e.coordinate, e)));
  }
  handleUpEvent(e) {
    if (!this.startPixel_) return !1;
    const t = this.boxEndCondition_(e, this.startPixel_, e.pixel);
    return t && this.onBoxEnd(e), this.dispatchEvent(new Wi(t ? ri.BOXEND : ri.BOXCANCEL, e.coordinate, e)), this.box_.setMap(null), this.startPixel_ = null, !1;
  }
  handleDownEvent(e) {
    return this.condition_(e) ? (this.startPixel_ = e.pixel, this.box_.setMap(e.map), this.box_.setPixels(this.startPixel_, this.startPixel_), this.dispatchEvent(new Wi(ri.BOXSTART, e.coordinate, e)), !0) : !1;
  }
  onBoxEnd(e) {
  }
  setActive(e) {
    e || (this.box_.setMap(null), this.startPixel_ && (this.dispatchEvent(new Wi(ri.BOXCANCEL, this.startPixel_, null)), this.startPixel_ = null)), super.setActive(e);
  }
  setMap(e) {
    this.getMap() && (this.box_.setMap(null), this.startPixel_ && (this.dispatchEvent(new Wi(ri.BOXCANCEL, this.startPixel_, null)), this.startPixel_ = null)), super.setMap(e);
  }
}
class Bp extends Gp {
  constructor(e) {
    e = e || {};
    const t = e.condition ? e.condition : Dp;
    super({ condition: t, className: e.className || "ol-dragzoom", minArea: e.minArea }), this.duration_ = e.duration !== void 0 ? e.duration : 200, this.out_ = e.out !== void 0 ? e.out : !1;
  }
  onBoxEnd(e) {
    const t = this.getMap().getView();
    let n = this.getGeometry();
    if (this.out_) {
      const r = t.rotatedExtentForGeometry(n), s = t.getResolutionForExtentInternal(r), o = t.getResolution() / s;
      n = n.clone(), n.scale(o * o);
    }
    t.fitInternal(n, { duration: this.duration_, easing: pt });
  }
}
const Pn = { LEFT: "ArrowLeft", UP: "ArrowUp", RIGHT: "ArrowRight", DOWN: "ArrowDown" };
class Up extends Br {
  constructor(e) {
    super(), e = e || {}, this.defaultCondition_ = function(t) {
      return pu(t) && mu(t);
    }, this.condition_ = e.condition !== void 0 ? e.condition : this.defaultCondition_, this.duration_ = e.duration !== void 0 ? e.duration : 100, this.pixelDelta_ = e.pixelDelta !== void 0 ? e.pixelDelta : 128;
  }
  handleEvent(e) {
    let t = !1;
    if (e.type == Y.KEYDOWN) {
      const n = e.originalEvent, r = n.key;
      if (this.condition_(e) && (r == Pn.DOWN || r == Pn.LEFT || r == Pn.RIGHT || r == Pn.UP)) {
        const s = e.map.getView(), o = s.getResolution() * this.pixelDelta_;
        let a = 0, l = 0;
        r == Pn.DOWN ? l = -o : r == Pn.LEFT ? a = -o : r == Pn.RIGHT ? a = o : l = o;
        const h = [a, l];
        Ca(h, s.getRotation()), Rp(s, h, this.duration_), n.preventDefault(), t = !0;
      }
    }
    return !t;
  }
}
class zp extends Br {
  constructor(e) {
    super(), e = e || {}, this.condition_ = e.condition ? e.condition : function(t) {
      return !Mp(t) && mu(t);
    }, this.delta_ = e.delta ? e.delta : 1, this.duration_ = e.duration !== void 0 ? e.duration : 100;
  }
  handleEvent(e) {
    let t = !1;
    if (e.type == Y.KEYDOWN || e.type == Y.KEYPRESS) {
      const n = e.originalEvent, r = n.key;
      if (this.condition_(e) && (r === "+" || r === "-")) {
        const s = e.map, o = r === "+" ? this.delta_ : -this.delta_, a = s.getView();
        sl(a, o, void 0, this.duration_), n.preventDefault(), t = !0;
      }
    }
    return !t;
  }
}
const $p = 40, Vp = 300;
class Wp extends Br {
  constructor(e) {
    e = e || {}, super(e), this.totalDelta_ = 0, this.lastDelta_ = 0, this.maxDelta_ = e.maxDelta !== void 0 ? e.maxDelta : 1, this.duration_ = e.duration !== void 0 ? e.duration : 250, this.timeout_ = e.timeout !== void 0 ? e.timeout : 80, this.useAnchor_ = e.useAnchor !== void 0 ? e.useAnchor : !0, this.constrainResolution_ = e.constrainResolution !== void 0 ? e.constrainResolution : !1;
    const t = e.condition ? e.condition : ws;
    this.condition_ = e.onFocusOnly ? ua(fu, t) : t, this.lastAnchor_ = null, this.startTime_ = void 0, this.timeoutId_, this.mode_ = void 0, this.trackpadEventGap_ = 400, this.trackpadTimeoutId_, this.deltaPerZoom_ = 300;
  }
  endInteraction_() {
    this.trackpadTimeoutId_ = void 0;
    const e = this.getMap();
    e && e.getView().endInteraction(void 0, this.lastDelta_ ? this.lastDelta_ > 0 ? 1 : -1 : 0, this.lastAnchor_ ? e.getCoordinateFromPixel(this.lastAnchor_) : null);
  }
  handleEvent(e) {
    if (!this.condition_(e) || e.type !== Y.WHEEL) return !0;
    const t = e.map, n = e.originalEvent;
    n.preventDefault(), this.useAnchor_ && (this.lastAnchor_ = e.pixel);
    let r = n.deltaY;
    switch (n.deltaMode) {
      case WheelEvent.DOM_DELTA_LINE:
        r *= $p;
        break;
      case WheelEvent.DOM_DELTA_PAGE:
        r *= Vp;
        break;
    }
    if (r === 0) return !1;
    this.lastDelta_ = r;
    const s = Date.now();
    this.startTime_ === void 0 && (this.startTime_ = s), (!this.mode_ || s - this.startTime_ > this.trackpadEventGap_) && (this.mode_ = Math.abs(r) < 4 ? "trackpad" : "wheel");
    const o = t.getView();
    if (this.mode_ === "trackpad" && !(o.getConstrainResolution() || this.constrainResolution_)) return this.trackpadTimeoutId_ ? clearTimeout(this.trackpadTimeoutId_) : (o.getAnimating() && o.cancelAnimations(), o.beginInteraction()), this.trackpadTimeoutId_ = setTimeout(this.endInteraction_.bind(this), this.timeout_), o.adjustZoom(-r / this.deltaPerZoom_, this.lastAnchor_ ? t.getCoordinateFromPixel(this.lastAnchor_) : null), this.startTime_ = s, !1;
    this.totalDelta_ += r;
    const a = Math.max(this.timeout_ - (s - this.startTime_), 0);
    return clearTimeout(this.timeoutId_), this.timeoutId_ = setTimeout(this.handleWheelZoom_.bind(this, t), a), !1;
  }
  handleWheelZoom_(e) {
    const t = e.getView();
    t.getAnimating() && t.cancelAnimations();
    let n = -de(this.totalDelta_, -this.maxDelta_ * this.deltaPerZoom_, this.maxDelta_ * this.deltaPerZoom_) / this.deltaPerZoom_;
    (t.getConstrainResolution() || this.constrainResolution_) && (n = n ? n > 0 ? 1 : -1 : 0), sl(t, n, this.lastAnchor_ ? e.getCoordinateFromPixel(this.lastAnchor_) : null, this.duration_), this.mode_ = void 0, this.totalDelta_ = 0, this.lastAnchor_ = null, this.startTime_ = void 0, this.timeoutId_ = void 0;
  }
  setMouseAnchor(e) {
    this.useAnchor_ = e, e || (this.lastAnchor_ = null);
  }
}
class jp extends Hn {
  constructor(e) {
    e = e || {};
    const t = e;
    t.stopDown || (t.stopDown = Mr), super(t), this.anchor_ = null, this.lastAngle_ = void 0, this.rotating_ = !1, this.rotationDelta_ = 0, this.threshold_ = e.threshold !== void 0 ? e.threshold : 0.3, this.duration_ = e.duration !== void 0 ? e.duration : 250;
  }
  handleDragEvent(e) {
    let t = 0;
    const n = this.targetPointers[0], r = this.targetPointers[1], s = Math.atan2(r.clientY - n.clientY, r.clientX - n.clientX);
    if (this.lastAngle_ !== void 0) {
      const l = s - this.lastAngle_;
      this.rotationDelta_ += l, !this.rotating_ && Math.abs(this.rotationDelta_) > this.threshold_ && (this.rotating_ = !0), t = l;
    }
    this.lastAngle_ = s;
    const o = e.map, a = o.getView();
    a.getConstraints().rotation !== Qa && (this.anchor_ = o.getCoordinateFromPixelInternal(o.getEventPixel(ol(this.targetPointers))), this.rotating_ && (o.render(), a.adjustRotationInternal(t, this.anchor_)));
  }
  handleUpEvent(e) {
    return this.targetPointers.length < 2 ? (e.map.getView().endInteraction(this.duration_), !1) : !0;
  }
  handleDownEvent(e) {
    if (this.targetPointers.length >= 2) {
      const t = e.map;
      return this.anchor_ = null, this.lastAngle_ = void 0, this.rotating_ = !1, this.rotationDelta_ = 0, this.handlingDownUpSequence || t.getView().beginInteraction(), !0;
    }
    return !1;
  }
}
class Xp extends Hn {
  constructor(e) {
    e = e || {};
    const t = e;
    t.stopDown || (t.stopDown = Mr), super(t), this.anchor_ = null, this.duration_ = e.duration !== void 0 ? e.duration : 400, this.lastDistance_ = void 0, this.lastScaleDelta_ = 1;
  }
  handleDragEvent(e) {
    let t = 1;
    const n = this.targetPointers[0], r = this.targetPointers[1], s = n.clientX - r.clientX, o = n.clientY - r.clientY, a = Math.sqrt(s * s + o * o);
    this.lastDistance_ !== void 0 && (t = this.lastDistance_ / a), this.lastDistance_ = a;
    const l = e.map, h = l.getView();
    t != 1 && (this.lastScaleDelta_ = t), this.anchor_ = l.getCoordinateFromPixelInternal(l.getEventPixel(ol(this.targetPointers))), l.render(), h.adjustResolutionInternal(t, this.anchor_);
  }
  handleUpEvent(e) {
    if (this.targetPointers.length < 2) {
      const t = e.map.getView(), n = this.lastScaleDelta_ > 1 ? 1 : -1;
      return t.endInteraction(this.duration_, n), !1;
    }
    return !0;
  }
  handleDownEvent(e) {
    if (this.targetPointers.length >= 2) {
      const t = e.map;
      return this.anchor_ = null, this.lastDistance_ = void 0, this.lastScaleDelta_ = 1, this.handlingDownUpSequence || t.getView().beginInteraction(), !0;
    }
    return !1;
  }
}
function xu(i) {
  i = i || {};
  const e = new Ne(), t = new xp(-5e-3, 0.05, 100);
  return (i.altShiftDragRotate === void 0 || i.altShiftDragRotate) && e.push(new kp()), (i.doubleClickZoom === void 0 || i.doubleClickZoom) && e.push(new bp({ delta: i.zoomDelta, duration: i.zoomDuration })), (i.dragPan === void 0 || i.dragPan) && e.push(new Op({ onFocusOnly: i.onFocusOnly, kinetic: t })), (i.pinchRotate === void 0 || i.pinchRotate) && e.push(new jp()), (i.pinchZoom === void 0 || i.pinchZoom) && e.push(new Xp({ duration: i.zoomDuration })), (i.keyboard === void 0 || i.keyboard) && (e.push(new Up()), e.push(new zp({ delta: i.zoomDelta, duration: i.zoomDuration }))), (i.mouseWheelZoom === void 0 || i.mouseWheelZoom) && e.push(new Wp({ onFocusOnly: i.onFocusOnly, duration: i.zoomDuration })), (i.shiftDragZoom === void 0 || i.shiftDragZoom) && e.push(new Bp({ duration: i.zoomDuration })), e;
}
const un = { ADDLAYER: "addlayer", REMOVELAYER: "removelayer" };
class pn extends Pt {
  constructor(e, t) {
    super(e), this.layer = t;
  }
}
const wo = { LAYERS: "layers" };
class Di extends cu {
  constructor(e) {
    e = e || {};
    const t = Object.assign({}, e);
    delete t.layers;
    let n = e.layers;
    super(t), this.on, this.once, this.un, this.layersListenerKeys_ = [], this.listenerKeys_ = {}, this.addChangeListener(wo.LAYERS, this.handleLayersChanged_), n ? Array.isArray(n) ? n = new Ne(n.slice(), { unique: !0 }) : ne(typeof n.getArray == "function", "Expected `layers` to be an array or a `Collection`") : n = new Ne(void 0, { unique: !0 }), this.setLayers(n);
  }
  handleLayerChange_() {
    this.changed();
  }
  handleLayersChanged_() {
    this.layersListenerKeys_.forEach(he), this.layersListenerKeys_.length = 0;
    const e = this.getLayers();
    this.layersListenerKeys_.push(ee(e, ze.ADD, this.handleLayersAdd_, this), ee(e, ze.REMOVE, this.handleLayersRemove_, this));
    for (const n in this.listenerKeys_) this.listenerKeys_[n].forEach(he);
    Mi(this.listenerKeys_);
    const t = e.getArray();
    for (let n = 0, r = t.length; n < r; n++) {
      const s = t[n];
      this.registerLayerListeners_(s), this.dispatchEvent(new pn(un.ADDLAYER, s));
    }
    this.changed();
  }
  registerLayerListeners_(e) {
    const t = [ee(e, Pi.PROPERTYCHANGE, this.handleLayerChange_, this), ee(e, Y.CHANGE, this.handleLayerChange_, this)];
    e instanceof Di && t.push(ee(e, un.ADDLAYER, this.handleLayerGroupAdd_, this), ee(e, un.REMOVELAYER, this.handleLayerGroupRemove_, this)), this.listenerKeys_[z(e)] = t;
  }
  handleLayerGroupAdd_(e) {
    this.dispatchEvent(new pn(un.ADDLAYER, e.layer));
  }
  handleLayerGroupRemove_(e) {
    this.dispatchEvent(new pn(un.REMOVELAYER, e.layer));
  }
  handleLayersAdd_(e) {
    const t = e.element;
    this.registerLayerListeners_(t), this.dispatchEvent(new pn(un.ADDLAYER, t)), this.changed();
  }
  handleLayersRemove_(e) {
    const t = e.element, n = z(t);
    this.listenerKeys_[n].forEach(he), delete this.listenerKeys_[n], this.dispatchEvent(new pn(un.REMOVELAYER, t)), this.changed();
  }
  getLayers() {
    return this.get(wo.LAYERS);
  }
  setLayers(e) {
    const t = this.getLayers();
    if (t) {
      const n = t.getArray();
      for (let r = 0, s = n.length; r < s; ++r) this.dispatchEvent(new pn(un.REMOVELAYER, n[r]));
    }
    this.set(wo.LAYERS, e);
  }
  getLayersArray(e) {
    return e = e !== void 0 ? e : [], this.getLayers().forEach(function(t) {
      t.getLayersArray(e);
    }), e;
  }
  getLayerStatesArray(e) {
    const t = e !== void 0 ? e : [], n = t.length;
    this.getLayers().forEach(function(o) {
      o.getLayerStatesArray(t);
    });
    const r = this.getLayerState();
    let s = r.zIndex;
    !e && r.zIndex === void 0 && (s = 0);
    for (let o = n, a = t.length; o < a; o++) {
      const l = t[o];
      l.opacity *= r.opacity, l.visible = l.visible && r.visible, l.maxResolution = Math.min(l.maxResolution, r.maxResolution), l.minResolution = Math.max(l.minResolution, r.minResolution), l.minZoom = Math.max(l.minZoom, r.minZoom), l.maxZoom = Math.min(l.maxZoom, r.maxZoom), r.extent !== void 0 && (l.extent !== void 0 ? l.extent = kn(l.extent, r.extent) : l.extent = r.extent), l.zIndex === void 0 && (l.zIndex = s);
    }
    return t;
  }
  getSourceState() {
    return "ready";
  }
}
class Yp extends Lr {
  constructor(e) {
    super(), this.map_ = e;
  }
  dispatchRenderEvent(e, t) {
    X();
  }
  calculateMatrices2D(e) {
    const t = e.viewState, n = e.coordinateToPixelTransform, r = e.pixelToCoordinateTransform;
    wt(n, e.size[0] / 2, e.size[1] / 2, 1 / t.resolution, -1 / t.resolution, -t.rotation, -t.center[0], -t.center[1]), gr(r, n);
  }
  forEachFeatureAtCoordinate(e, t, n, r, s, o, a, l) {
    let h;
    const c = t.viewState;
    function u(v, m, S, T) {
      return s.call(o, m, v ? S : null, T);
    }
    const d = c.projection, g = dc(e.slice(), d), f = [[0, 0]];
    if (d.canWrapX() && r) {
      const v = d.getExtent(), m = ae(v);
      f.push([-m, 0], [m, 0]);
    }
    const p = t.layerStatesArray, _ = p.length, y = [], x = [];
    for (let v = 0; v < f.length; v++) for (let m = _ - 1; m >= 0; --m) {
      const S = p[m], T = S.layer;
      if (T.hasRenderer() && tl(S, c) && a.call(l, T)) {
        const w = T.getRenderer(), b = T.getSource();
        if (w && b) {
          const M = b.getWrapX() ? g : e, A = u.bind(null, S.managed);
          x[0] = M[0] + f[v][0], x[1] = M[1] + f[v][1], h = w.forEachFeatureAtCoordinate(x, t, n, A, y);
        }
        if (h) return h;
      }
    }
    if (y.length === 0) return;
    const E = 1 / y.length;
    return y.forEach((v, m) => v.distanceSq += m * E), y.sort((v, m) => v.distanceSq - m.distanceSq), y.some((v) => h = v.callback(v.feature, v.layer, v.geometry)), h;
  }
  hasFeatureAtCoordinate(e, t, n, r, s, o) {
    return this.forEachFeatureAtCoordinate(e, t, n, r, zn, this, s, o) !== void 0;
  }
  getMap() {
    return this.map_;
  }
  renderFrame(e) {
    X();
  }
  scheduleExpireIconCache(e) {
    ht.canExpireCache() && e.postRenderFunctions.push(Zp);
  }
}
function Zp(i, e) {
  ht.expire();
}
class Hp extends Yp {
  constructor(e) {
    super(e), this.fontChangeListenerKey_ = ee(ui, Pi.PROPERTYCHANGE, e.redrawText, e), this.element_ = lt ? Gc() : document.createElement("div");
    const t = this.element_.style;
    t.position = "absolute", t.width = "100%", t.height = "100%", t.zIndex = "0", this.element_.className = Vs + " ol-layers";
    const n = e.getViewport();
    n && n.insertBefore(this.element_, n.firstChild || null), this.children_ = [], this.renderedVisible_ = !0;
  }
  dispatchRenderEvent(e, t) {
    const n = this.getMap();
    if (n.hasListener(e)) {
      const r = new rr(e, void 0, t);
      n.dispatchEvent(r);
    }
  }
  disposeInternal() {
    he(this.fontChangeListenerKey_), this.element_.remove(), super.disposeInternal();
  }
  renderFrame(e) {
    if (!e) {
      this.renderedVisible_ && (this.element_.style.display = "none", this.renderedVisible_ = !1);
      return;
    }
    this.calculateMatrices2D(e), this.dispatchRenderEvent(Le.PRECOMPOSE, e);
    const t = e.layerStatesArray.sort((a, l) => a.zIndex - l.zIndex);
    t.some((a) => a.layer instanceof nl && a.layer.getDeclutter()) && (e.declutter = {});
    const n = e.viewState;
    this.children_.length = 0;
    const r = [];
    let s = null;
    for (let a = 0, l = t.length; a < l; ++a) {
      const h = t[a];
      e.layerIndex = a;
      const c = h.layer, u = c.getSourceState();
      if (!tl(h, n) || u != "ready" && u != "undefined") {
        c.unrender();
        continue;
      }
      const d = c.render(e, s);
      d && (d !== s && (this.children_.push(d), s = d), r.push(h));
    }
    this.declutter(e, r), af(this.element_, this.children_);
    const o = this.getMap().getTargetElement();
    if (yn(o)) {
      const a = o.getContext("2d");
      for (const l of this.children_) {
        const h = l.firstElementChild || l, c = l.style.backgroundColor;
        if (c && (!yn(h) || h.width > 0) && (a.fillStyle = c, a.fillRect(0, 0, o.width, o.height)), yn(h) && h.width > 0) {
          const u = l.style.opacity || h.style.opacity;
          a.globalAlpha = u === "" ? 1 : Number(u);
          const d = h.style.transform;
          if (d) a.setTransform(...Jo(d));
          else {
            const g = parseFloat(h.style.width) / h.width, f = parseFloat(h.style.height) / h.height;
            a.setTransform(g, 0, 0, f, 0, 0);
          }
          a.drawImage(h, 0, 0);
        }
      }
      a.globalAlpha = 1, a.setTransform(1, 0, 0, 1, 0, 0);
    }
    this.dispatchRenderEvent(Le.POSTCOMPOSE, e), this.renderedVisible_ || (this.element_.style.display = "", this.renderedVisible_ = !0), this.scheduleExpireIconCache(e);
  }
  declutter(e, t) {
    if (e.declutter) {
      for (let n = t.length - 1; n >= 0; --n) {
        const r = t[n], s = r.layer;
        s.getDeclutter() && s.renderDeclutter(e, r);
      }
      t.forEach((n) => n.layer.renderDeferred(e));
    }
  }
}
function vu(i) {
  if (i instanceof Gr) {
    i.setMapInternal(null);
    return;
  }
  i instanceof Di && i.getLayers().forEach(vu);
}
function Eu(i, e) {
  if (i instanceof Gr) {
    i.setMapInternal(e);
    return;
  }
  if (i instanceof Di) {
    const t = i.getLayers().getArray();
    for (let n = 0, r = t.length; n < r; ++n) Eu(t[n], e);
  }
}
let Kp = class extends $t {
  constructor(i) {
    super(), i = i || {}, this.on, this.once, this.un;
    const e = qp(i);
    this.renderComplete_ = !1, this.loaded_ = !0, this.boundHandleBrowserEvent_ = this.handleBrowserEvent.bind(this), this.maxTilesLoading_ = i.maxTilesLoading !== void 0 ? i.maxTilesLoading : 16, this.pixelRatio_ = i.pixelRatio !== void 0 ? i.pixelRatio : sf, this.postRenderTimeoutHandle_, this.animationDelayKey_, this.animationDelay_ = this.animationDelay_.bind(this), this.coordinateToPixelTransform_ = we(), this.pixelToCoordinateTransform_ = we(), this.frameIndex_ = 0, this.frameState_ = null, this.previousExtent_ = null, this.viewPropertyListenerKey_ = null, this.viewChangeListenerKey_ = null, this.layerGroupPropertyListenerKeys_ = null, lt || (this.viewport_ = document.createElement("div"), this.viewport_.className = "ol-viewport" + ("ontouchstart" in window ? " ol-touch" : ""), this.viewport_.style.position = "relative", this.viewport_.style.overflow = "hidden", this.viewport_.style.width = "100%", this.viewport_.style.height = "100%", this.overlayContainer_ = document.createElement("div"), this.overlayContainer_.style.position = "absolute", this.overlayContainer_.style.zIndex = "0", this.overlayContainer_.style.width = "100%", this.overlayContainer_.style.height = "100%", this.overlayContainer_.style.pointerEvents = "none", this.overlayContainer_.className = "ol-overlaycontainer", this.viewport_.appendChild(this.overlayContainer_), this.overlayContainerStopEvent_ = document.createElement("div"), this.overlayContainerStopEvent_.style.position = "absolute", this.overlayContainerStopEvent_.style.zIndex = "0", this.overlayContainerStopEvent_.style.width = "100%", this.overlayContainerStopEvent_.style.height = "100%", this.overlayContainerStopEvent_.style.pointerEvents = "none", this.overlayContainerStopEvent_.className = "ol-overlaycontainer-stopevent", this.viewport_.appendChild(this.overlayContainerStopEvent_)), this.mapBrowserEventHandler_ = null, this.moveTolerance_ = i.moveTolerance, this.keyboardEventTarget_ = e.keyboardEventTarget, this.targetChangeHandlerKeys_ = null, this.targetElement_ = null, lt || (this.resizeObserver_ = new ResizeObserver(() => this.updateSize())), this.controls = e.controls || (lt ? new Ne() : wp()), this.interactions = e.interactions || (lt ? new Ne() : xu({ onFocusOnly: !0 })), this.overlays_ = e.overlays, this.overlayIdIndex_ = {}, this.renderer_ = null, this.postRenderFunctions_ = [], this.tileQueue_ = new Cp(this.getTilePriority.bind(this), this.handleTileChange_.bind(this)), this.addChangeListener(Ue.LAYERGROUP, this.handleLayerGroupChanged_), this.addChangeListener(Ue.VIEW, this.handleViewChanged_), this.addChangeListener(Ue.SIZE, this.handleSizeChanged_), this.addChangeListener(Ue.TARGET, this.handleTargetChanged_), this.setProperties(e.values);
    const t = this;
    i.view && !(i.view instanceof Ot) && i.view.then(function(n) {
      t.setView(new Ot(n));
    }), this.controls.addEventListener(ze.ADD, (n) => {
      n.element.setMap(this);
    }), this.controls.addEventListener(ze.REMOVE, (n) => {
      n.element.setMap(null);
    }), this.interactions.addEventListener(ze.ADD, (n) => {
      n.element.setMap(this);
    }), this.interactions.addEventListener(ze.REMOVE, (n) => {
      n.element.setMap(null);
    }), this.overlays_.addEventListener(ze.ADD, (n) => {
      this.addOverlayInternal_(n.element);
    }), this.overlays_.addEventListener(ze.REMOVE, (n) => {
      const r = n.element.getId();
      r !== void 0 && delete this.overlayIdIndex_[r.toString()], n.element.setMap(null);
    }), this.controls.forEach((n) => {
      n.setMap(this);
    }), this.interactions.forEach((n) => {
      n.setMap(this);
    }), this.overlays_.forEach(this.addOverlayInternal_.bind(this));
  }
  addControl(i) {
    this.getControls().push(i);
  }
  addInteraction(i) {
    this.getInteractions().push(i);
  }
  addLayer(i) {
    this.getLayerGroup().getLayers().push(i);
  }
  handleLayerAdd_(i) {
    Eu(i.layer, this);
  }
  addOverlay(i) {
    this.getOverlays().push(i);
  }
  addOverlayInternal_(i) {
    const e = i.getId();
    e !== void 0 && (this.overlayIdIndex_[e.toString()] = i), i.setMap(this);
  }
  disposeInternal() {
    this.controls.clear(), this.interactions.clear(), this.overlays_.clear(), this.resizeObserver_?.disconnect(), this.setTarget(null), super.disposeInternal();
  }
  forEachFeatureAtPixel(i, e, t) {
    if (!this.frameState_ || !this.renderer_) return;
    const n = this.getCoordinateFromPixelInternal(i);
    t = t !== void 0 ? t : {};
    const r = t.hitTolerance !== void 0 ? t.hitTolerance : 0, s = t.layerFilter !== void 0 ? t.layerFilter : zn, o = t.checkWrapped !== !1;
    return this.renderer_.forEachFeatureAtCoordinate(n, this.frameState_, r, o, e, null, s, null);
  }
  getFeaturesAtPixel(i, e) {
    const t = [];
    return this.forEachFeatureAtPixel(i, function(n) {
      t.push(n);
    }, e), t;
  }
  getAllLayers() {
    const i = [];
    function e(t) {
      t.forEach(function(n) {
        n instanceof Di ? e(n.getLayers()) : i.push(n);
      });
    }
    return e(this.getLayers()), i;
  }
  hasFeatureAtPixel(i, e) {
    if (!this.frameState_ || !this.renderer_) return !1;
    const t = this.getCoordinateFromPixelInternal(i);
    e = e !== void 0 ? e : {};
    const n = e.layerFilter !== void 0 ? e.layerFilter : zn, r = e.hitTolerance !== void 0 ? e.hitTolerance : 0, s = e.checkWrapped !== !1;
    return this.renderer_.hasFeatureAtCoordinate(t, this.frameState_, r, s, n, null);
  }
  getEventCoordinate(i) {
    return this.getCoordinateFromPixel(this.getEventPixel(i));
  }
  getEventCoordinateInternal(i) {
    return this.getCoordinateFromPixelInternal(this.getEventPixel(i));
  }
  getEventPixel(i) {
    const e = this.viewport_.getBoundingClientRect(), t = this.getSize(), n = e.width / t[0], r = e.height / t[1], s = "changedTouches" in i ? i.changedTouches[0] : i;
    return [(s.clientX - e.left) / n, (s.clientY - e.top) / r];
  }
  getTarget() {
    return this.get(Ue.TARGET);
  }
  getTargetElement() {
    return this.targetElement_;
  }
  getCoordinateFromPixel(i) {
    return Un(this.getCoordinateFromPixelInternal(i), this.getView().getProjection());
  }
  getCoordinateFromPixelInternal(i) {
    const e = this.frameState_;
    return e ? me(e.pixelToCoordinateTransform, i.slice()) : null;
  }
  getControls() {
    return this.controls;
  }
  getOverlays() {
    return this.overlays_;
  }
  getOverlayById(i) {
    const e = this.overlayIdIndex_[i.toString()];
    return e !== void 0 ? e : null;
  }
  getInteractions() {
    return this.interactions;
  }
  getLayerGroup() {
    return this.get(Ue.LAYERGROUP);
  }
  setLayers(i) {
    const e = this.getLayerGroup();
    if (i instanceof Ne) {
      e.setLayers(i);
      return;
    }
    const t = e.getLayers();
    t.clear(), t.extend(i);
  }
  getLayers() {
    return this.getLayerGroup().getLayers();
  }
  getLoadingOrNotReady() {
    const i = this.getLayerGroup().getLayerStatesArray();
    for (let e = 0, t = i.length; e < t; ++e) {
      const n = i[e];
      if (!n.visible) continue;
      const r = n.layer.getRenderer();
      if (r && !r.ready) return !0;
      const s = n.layer.getSource();
      if (s && s.loading) return !0;
    }
    return !1;
  }
  getPixelFromCoordinate(i) {
    const e = ge(i, this.getView().getProjection());
    return this.getPixelFromCoordinateInternal(e);
  }
  getPixelFromCoordinateInternal(i) {
    const e = this.frameState_;
    return e ? me(e.coordinateToPixelTransform, i.slice(0, 2)) : null;
  }
  getRenderer() {
    return this.renderer_;
  }
  getSize() {
    return this.get(Ue.SIZE);
  }
  getView() {
    return this.get(Ue.VIEW);
  }
  getViewport() {
    return this.viewport_;
  }
  getOverlayContainer() {
    return this.overlayContainer_;
  }
  getOverlayContainerStopEvent() {
    return this.overlayContainerStopEvent_;
  }
  getOwnerDocument() {
    const i = this.getTargetElement();
    return i ? i.ownerDocument : document;
  }
  getTilePriority(i, e, t, n) {
    return Sp(this.frameState_, i, e, t, n);
  }
  handleBrowserEvent(i, e) {
    e = e || i.type;
    const t = new fn(e, this, i);
    this.handleMapBrowserEvent(t);
  }
  handleMapBrowserEvent(i) {
    if (!this.frameState_) return;
    const e = i.originalEvent, t = e.type;
    if (t === la.POINTERDOWN || t === Y.WHEEL || t === Y.KEYDOWN) {
      const n = this.getOwnerDocument(), r = this.viewport_.getRootNode ? this.viewport_.getRootNode() : n, s = e.target, o = r instanceof ShadowRoot ? r.host === s ? r.host.ownerDocument : r : r === n ? n.documentElement : r;
      if (this.overlayContainerStopEvent_.contains(s) || !o.contains(s)) return;
    }
    if (i.frameState = this.frameState_, this.dispatchEvent(i) !== !1) {
      const n = this.getInteractions().getArray().slice();
      for (let r = n.length - 1; r >= 0; r--) {
        const s = n[r];
        if (!(s.getMap() !== this || !s.getActive() || !this.getTargetElement()) && (!s.handleEvent(i) || i.propagationStopped)) break;
      }
    }
  }
  handlePostRender() {
    const i = this.frameState_, e = this.tileQueue_;
    if (!e.isEmpty()) {
      let n = this.maxTilesLoading_, r = n;
      if (i) {
        const s = i.viewHints;
        if (s[Fe.ANIMATING] || s[Fe.INTERACTING]) {
          const o = Date.now() - i.time > 8;
          n = o ? 0 : 8, r = o ? 0 : 2;
        }
      }
      e.getTilesLoading() < n && (e.reprioritize(), e.loadMoreTiles(n, r));
    }
    i && this.renderer_ && !i.animate && (this.renderComplete_ ? (this.hasListener(Le.RENDERCOMPLETE) && this.renderer_.dispatchRenderEvent(Le.RENDERCOMPLETE, i), this.loaded_ === !1 && (this.loaded_ = !0, this.dispatchEvent(new fi(_n.LOADEND, this, i)))) : this.loaded_ === !0 && (this.loaded_ = !1, this.dispatchEvent(new fi(_n.LOADSTART, this, i))));
    const t = this.postRenderFunctions_;
    if (i) for (let n = 0, r = t.length; n < r; ++n) t[n](this, i);
    t.length = 0;
  }
  handleSizeChanged_() {
    this.getView() && !this.getView().getAnimating() && this.getView().resolveConstraints(0), this.render();
  }
  handleTargetChanged_() {
    if (this.mapBrowserEventHandler_) {
      for (let t = 0, n = this.targetChangeHandlerKeys_.length; t < n; ++t) he(this.targetChangeHandlerKeys_[t]);
      this.targetChangeHandlerKeys_ = null, this.viewport_.removeEventListener(Y.CONTEXTMENU, this.boundHandleBrowserEvent_), this.viewport_.removeEventListener(Y.WHEEL, this.boundHandleBrowserEvent_), this.mapBrowserEventHandler_.dispose(), this.mapBrowserEventHandler_ = null, this.viewport_.remove();
    }
    if (this.targetElement_ && !yn(this.targetElement_)) {
      this.resizeObserver_?.unobserve(this.targetElement_);
      const t = this.targetElement_.getRootNode();
      t instanceof ShadowRoot && this.resizeObserver_.unobserve(t.host), this.setSize(void 0);
    }
    const i = this.getTarget(), e = typeof i == "string" ? document.getElementById(i) : i;
    if (this.targetElement_ = e, !e) this.renderer_ && (clearTimeout(this.postRenderTimeoutHandle_), this.postRenderTimeoutHandle_ = void 0, this.postRenderFunctions_.length = 0, this.renderer_.dispose(), this.renderer_ = null), this.animationDelayKey_ && (cancelAnimationFrame(this.animationDelayKey_), this.animationDelayKey_ = void 0);
    else {
      if (yn(e) || e.appendChild(this.viewport_), this.renderer_ || (this.renderer_ = new Hp(this)), !yn(e)) {
        this.mapBrowserEventHandler_ = new vp(this, this.moveTolerance_);
        for (const n in le) this.mapBrowserEventHandler_.addEventListener(le[n], this.handleMapBrowserEvent.bind(this));
        this.viewport_.addEventListener(Y.CONTEXTMENU, this.boundHandleBrowserEvent_, !1), this.viewport_.addEventListener(Y.WHEEL, this.boundHandleBrowserEvent_, Nc ? { passive: !1 } : !1);
        let t;
        if (this.keyboardEventTarget_) t = this.keyboardEventTarget_;
        else {
          const n = e.getRootNode();
          t = n instanceof ShadowRoot ? n.host : e;
        }
        if (this.targetChangeHandlerKeys_ = [ee(t, Y.KEYDOWN, this.handleBrowserEvent, this), ee(t, Y.KEYPRESS, this.handleBrowserEvent, this)], e instanceof HTMLElement) {
          const n = e.getRootNode();
          n instanceof ShadowRoot && this.resizeObserver_.observe(n.host), this.resizeObserver_?.observe(e);
        }
      }
      this.updateSize();
    }
  }
  handleTileChange_() {
    this.render();
  }
  handleViewPropertyChanged_() {
    this.render();
  }
  handleViewChanged_() {
    this.viewPropertyListenerKey_ && (he(this.viewPropertyListenerKey_), this.viewPropertyListenerKey_ = null), this.viewChangeListenerKey_ && (he(this.viewChangeListenerKey_), this.viewChangeListenerKey_ = null);
    const i = this.getView();
    i && (this.updateViewportSize_(this.getSize()), this.viewPropertyListenerKey_ = ee(i, Pi.PROPERTYCHANGE, this.handleViewPropertyChanged_, this), this.viewChangeListenerKey_ = ee(i, Y.CHANGE, this.handleViewPropertyChanged_, this), i.resolveConstraints(0)), this.render();
  }
  handleLayerGroupChanged_() {
    this.layerGroupPropertyListenerKeys_ && (this.layerGroupPropertyListenerKeys_.forEach(he), this.layerGroupPropertyListenerKeys_ = null);
    const i = this.getLayerGroup();
    i && (this.handleLayerAdd_(new pn("addlayer", i)), this.layerGroupPropertyListenerKeys_ = [ee(i, Pi.PROPERTYCHANGE, this.render, this), ee(i, Y.CHANGE, this.render, this), ee(i, "addlayer", this.handleLayerAdd_, this), ee(i, "removelayer", this.handleLayerRemove_, this)]), this.render();
  }
  isRendered() {
    return !!this.frameState_;
  }
  animationDelay_() {
    this.animationDelayKey_ = void 0, this.renderFrame_(Date.now());
  }
  renderSync() {
    this.animationDelayKey_ && cancelAnimationFrame(this.animationDelayKey_), this.animationDelay_();
  }
  redrawText() {
    if (!this.frameState_) return;
    const i = this.frameState_.layerStatesArray;
    for (let e = 0, t = i.length; e < t; ++e) {
      const n = i[e].layer;
      n.hasRenderer() && n.getRenderer().handleFontsChanged();
    }
  }
  render() {
    this.renderer_ && this.animationDelayKey_ === void 0 && (this.animationDelayKey_ = requestAnimationFrame(this.animationDelay_));
  }
  removeControl(i) {
    return this.getControls().remove(i);
  }
  removeInteraction(i) {
    return this.getInteractions().remove(i);
  }
  removeLayer(i) {
    return this.getLayerGroup().getLayers().remove(i);
  }
  handleLayerRemove_(i) {
    vu(i.layer);
  }
  removeOverlay(i) {
    return this.getOverlays().remove(i);
  }
  renderFrame_(i) {
    const e = this.getSize(), t = this.getView(), n = this.frameState_;
    let r = null;
    if (e !== void 0 && nh(e) && t && t.isDef()) {
      const s = t.getHints(this.frameState_ ? this.frameState_.viewHints : void 0), o = t.getState();
      if (r = { animate: !1, coordinateToPixelTransform: this.coordinateToPixelTransform_, declutter: null, extent: jo(o.center, o.resolution, o.rotation, e), index: this.frameIndex_++, layerIndex: 0, layerStatesArray: this.getLayerGroup().getLayerStatesArray(), pixelRatio: this.pixelRatio_, pixelToCoordinateTransform: this.pixelToCoordinateTransform_, postRenderFunctions: [], size: e, tileQueue: this.tileQueue_, time: i, usedTiles: {}, viewState: o, viewHints: s, wantedTiles: {}, mapId: z(this), renderTargets: {} }, o.nextCenter && o.nextResolution) {
        const a = isNaN(o.nextRotation) ? o.rotation : o.nextRotation;
        r.nextExtent = jo(o.nextCenter, o.nextResolution, a, e);
      }
    }
    this.frameState_ = r, this.renderer_.renderFrame(r), r && (r.animate && this.render(), Array.prototype.push.apply(this.postRenderFunctions_, r.postRenderFunctions), n && (!this.previousExtent_ || !Ri(this.previousExtent_) && !wi(r.extent, this.previousExtent_)) && (this.dispatchEvent(new fi(_n.MOVESTART, this, n)), this.previousExtent_ = Ar(this.previousExtent_)), this.previousExtent_ && !r.viewHints[Fe.ANIMATING] && !r.viewHints[Fe.INTERACTING] && !wi(r.extent, this.previousExtent_) && (this.dispatchEvent(new fi(_n.MOVEEND, this, r)), sc(r.extent, this.previousExtent_))), this.dispatchEvent(new fi(_n.POSTRENDER, this, r)), this.renderComplete_ = (this.hasListener(_n.LOADSTART) || this.hasListener(_n.LOADEND) || this.hasListener(Le.RENDERCOMPLETE)) && !this.tileQueue_.getTilesLoading() && !this.tileQueue_.getCount() && !this.getLoadingOrNotReady(), this.postRenderTimeoutHandle_ || (this.postRenderTimeoutHandle_ = setTimeout(() => {
      this.postRenderTimeoutHandle_ = void 0, this.handlePostRender();
    }, 0));
  }
  setLayerGroup(i) {
    const e = this.getLayerGroup();
    e && this.handleLayerRemove_(new pn("removelayer", e)), this.set(Ue.LAYERGROUP, i);
  }
  setSize(i) {
    this.set(Ue.SIZE, i);
  }
  setTarget(i) {
    this.set(Ue.TARGET, i);
  }
  setView(i) {
    if (!i || i instanceof Ot) {
      this.set(Ue.VIEW, i);
      return;
    }
    this.set(Ue.VIEW, new Ot());
    const e = this;
    i.then(function(t) {
      e.setView(new Ot(t));
    });
  }
  updateSize() {
    const i = this.getTargetElement();
    let e;
    if (i) {
      let n, r;
      if (yn(i)) n = i.width, r = i.height;
      else {
        const s = getComputedStyle(i);
        n = i.offsetWidth - parseFloat(s.borderLeftWidth) - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth), r = i.offsetHeight - parseFloat(s.borderTopWidth) - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - parseFloat(s.borderBottomWidth);
      }
      !isNaN(n) && !isNaN(r) && (e = [Math.max(0, n), Math.max(0, r)], !nh(e) && (i.offsetWidth || i.offsetHeight || i.getClientRects().length) && rc("No map visible because the map container's width or height are 0."));
    }
    const t = this.getSize();
    e && (!t || !zt(e, t)) && (this.setSize(e), this.updateViewportSize_(e));
  }
  updateViewportSize_(i) {
    const e = this.getView();
    e && e.setViewportSize(i);
  }
};
function qp(i) {
  let e = null;
  i.keyboardEventTarget !== void 0 && (e = typeof i.keyboardEventTarget == "string" ? document.getElementById(i.keyboardEventTarget) : i.keyboardEventTarget);
  const t = {}, n = i.layers && typeof i.layers.getLayers == "function" ? i.layers : new Di({ layers: i.layers });
  t[Ue.LAYERGROUP] = n, t[Ue.TARGET] = i.target, t[Ue.VIEW] = i.view instanceof Ot ? i.view : new Ot();
  let r;
  i.controls !== void 0 && (Array.isArray(i.controls) ? r = new Ne(i.controls.slice()) : (ne(typeof i.controls.getArray == "function", "Expected `controls` to be an array or an `ol/Collection.js`"), r = i.controls));
  let s;
  i.interactions !== void 0 && (Array.isArray(i.interactions) ? s = new Ne(i.interactions.slice()) : (ne(typeof i.interactions.getArray == "function", "Expected `interactions` to be an array or an `ol/Collection.js`"), s = i.interactions));
  let o;
  return i.overlays !== void 0 ? Array.isArray(i.overlays) ? o = new Ne(i.overlays.slice()) : (ne(typeof i.overlays.getArray == "function", "Expected `overlays` to be an array or an `ol/Collection.js`"), o = i.overlays) : o = new Ne(), { controls: r, interactions: s, keyboardEventTarget: e, overlays: o, values: t };
}
class al {
  constructor(e, t, n, r) {
    this.minX = e, this.maxX = t, this.minY = n, this.maxY = r;
  }
  contains(e) {
    return this.containsXY(e[1], e[2]);
  }
  containsTileRange(e) {
    return this.minX <= e.minX && e.maxX <= this.maxX && this.minY <= e.minY && e.maxY <= this.maxY;
  }
  containsXY(e, t) {
    return this.minX <= e && e <= this.maxX && this.minY <= t && t <= this.maxY;
  }
  equals(e) {
    return this.minX == e.minX && this.minY == e.minY && this.maxX == e.maxX && this.maxY == e.maxY;
  }
  extend(e) {
    e.minX < this.minX && (this.minX = e.minX), e.maxX > this.maxX && (this.maxX = e.maxX), e.minY < this.minY && (this.minY = e.minY), e.maxY > this.maxY && (this.maxY = e.maxY);
  }
  getHeight() {
    return this.maxY - this.minY + 1;
  }
  getSize() {
    return [this.getWidth(), this.getHeight()];
  }
  getWidth() {
    return this.maxX - this.minX + 1;
  }
  intersects(e) {
    return this.minX <= e.maxX && this.maxX >= e.minX && this.minY <= e.maxY && this.maxY >= e.minY;
  }
}
function si(i, e, t, n, r) {
  return r !== void 0 ? (r.minX = i, r.maxX = e, r.minY = t, r.maxY = n, r) : new al(i, e, t, n);
}
const wr = "#3488AF", Jp = "#82C3E0", Cu = "#FFFFFF", Su = "rgba(233, 248, 255, 0.8)", Qp = "#3E9FCC", ll = 4, Tu = "#FFFFFF", em = { "icon-anchor": [0.5, 0.95], "icon-anchor-x-units": "fraction", "icon-anchor-y-units": "fraction" }, Ur = { "icon-src": Df, "icon-width": 40, "icon-height": 40, ...em }, tm = { ...Ur, "icon-src": jc }, hl = { "stroke-width": ll, "stroke-color": Qp, "fill-color": Su }, wu = { ...Ur, "icon-width": 50, "icon-height": 50 }, nm = { ...wu, "icon-src": jc }, Ru = { "stroke-width": 6 }, bu = "rgba(148, 224, 237, 0.7)", im = { "circle-radius": 30, "circle-fill-color": bu, "circle-displacement": [0, 22] }, cl = 20, rm = { "stroke-width": cl, "stroke-color": bu, "fill-color": "transparent" }, sm = { "stroke-width": cl, "stroke-color": "rgba(34, 197, 94, 0.6)", "fill-color": "transparent" }, om = "rgba( 255, 255, 255, 0.1)", am = { "stroke-width": cl, "stroke-color": om }, lm = "#6393F2", hm = "rgba(99, 147, 242, 0.3)", cm = "rgba(99, 147, 242, 0.1)", Ks = (i, e, t = 8, n = 2) => new Sn({ radius: t, fill: new vt({ color: i }), stroke: new Tt({ color: e, width: n }) }), Gn = (i, e) => ["all", ["in", ["geometry-type"], ["literal", i]], ...e];
function um(i, e, t) {
  const n = [["!=", ["get", i], ["var", e]], ["!=", ["get", i], ["var", t]]];
  return [{ filter: Gn(["Point"], n), style: Ur }, { filter: Gn(["LineString", "Polygon"], n), style: hl }, { filter: Gn(["LineString"], n), style: am }];
}
function dm(i, e, t) {
  const n = [["==", ["get", i], ["var", e]], ["!=", ["get", i], ["var", t]]];
  return [{ filter: Gn(["Point"], n), style: [im, Ur, wu] }, { filter: Gn(["LineString", "Polygon"], n), style: [rm, hl, Ru] }];
}
function Ph(i, e) {
  const t = ["==", ["get", i], ["var", e]];
  return [{ filter: Gn(["Point"], [t]), style: [tm, Ur, nm] }, { filter: Gn(["LineString", "Polygon"], [t]), style: [sm, hl, Ru] }];
}
const gm = (i) => new Me({ stroke: new Tt({ color: i, width: ll }), fill: new vt({ color: Su }) }), fm = (i, e) => new Me({ image: Ks(Cu, i), geometry: () => e.length > 1 ? new Or(e.slice(0, -1)) : void 0 }), _m = (i, e) => new Me({ image: Ks(wr, Tu), geometry: () => {
  if (i === void 0) return;
  const t = e[i];
  if (t?.length) return new Ke(t);
} }), pm = (i, e) => new Me({ image: Ks(Cu, wr), geometry: () => {
  const t = e[0];
  if (e.length === 1 && t) return new Ke(t);
  const n = e.length === 2 ? e[1] : e[e.length - i];
  if (n) return new Ke(n);
} });
function mm(i, e) {
  return (t) => {
    const n = t?.getGeometry(), r = At(n);
    if (!r.length) return [];
    const s = !!t.get(i), o = s ? t.get(e) : void 0, a = s && o === void 0 ? wr : Jp, l = n instanceof Ve ? 1 : 2;
    return [gm(a), fm(a, r), pm(l, r), _m(o, r)];
  };
}
function ym() {
  const i = Ks(wr, wr, 4);
  return ("ontouchstart" in window || navigator.maxTouchPoints > 0) && i.setOpacity(0), new Me({ image: i });
}
const Pu = 13, Ah = new Me({ image: new Sn({ radius: Pu, fill: new vt({ color: lm }), stroke: new Tt({ color: Tu, width: ll }) }), zIndex: 2 }), xm = new vt({ color: hm }), vm = new Tt({ color: cm, width: 1 }), Em = 5;
function Cm(i) {
  const e = [Ah], t = i.getView().getProjection();
  let n = 0, r = e;
  return (s, o) => {
    const a = s.get("accuracy"), l = s.getGeometry();
    let h = 0;
    if (a && l) {
      const u = qo(t, o, l.getCoordinates(), "m");
      u > 0 && (h = a / u);
    }
    if (Math.abs(h - n) < Em) return r;
    n = h;
    const c = i.getSize()?.[0] ?? 0;
    return h < Pu || h * 2 > c ? (r = e, r) : (r = [new Me({ image: new Sn({ radius: h, fill: xm, stroke: vm }), zIndex: 1 }), Ah], r);
  };
}
const dn = { UNKNOWN: "unknown", SHORT: "short", MID: "mid", LONG: "long" }, sn = "XYZM", Au = [0, 0], Iu = 2, oi = 19, Ih = 4, Sm = 50 * 1e3, Tm = 1e3, wm = 30 * 1e3, Rm = 1e3, ji = 1e3, bm = 500, Fh = 576;
function Pm(i) {
  const e = at(), t = at(), n = at(), r = at(), s = new Xa(), o = new Hs({ source: s, style: Cm(i) });
  i.addLayer(o);
  const a = (y) => {
    if (y.isEmpty()) return;
    const x = y.getExtent();
    if (Ri(x)) return;
    const E = i.getView(), v = Ut(x), m = f(E, v), S = [70, 70, 70, 70];
    if (m === dn.LONG) {
      E.animate({ zoom: Ih, duration: ji, easing: pt }, { center: v, duration: ji, easing: pt }, () => {
        E.fit(x, { padding: S, duration: 0, maxZoom: oi });
      });
      return;
    }
    E.fit(x, { padding: S, duration: p(m), maxZoom: oi });
  }, l = (y, x) => {
    r.value && clearTimeout(r.value), r.value = setTimeout(() => {
      if (!e.value) return;
      const { latitude: E, longitude: v, altitude: m, accuracy: S } = y.coords;
      t.value = { latitude: E, longitude: v, altitude: m, accuracy: S }, x();
    }, bm);
  }, h = (y) => {
    u(), y();
  }, c = (y, x) => {
    if (e.value) {
      const E = n.value?.getGeometry()?.getCoordinates();
      E && (_(E, oi), y());
      return;
    }
    if (!navigator.geolocation) {
      h(x);
      return;
    }
    e.value = navigator.geolocation.watchPosition((E) => l(E, y), () => h(x), { enableHighAccuracy: !0, timeout: wm, maximumAge: Rm });
  }, u = () => {
    r.value && (clearTimeout(r.value), r.value = void 0), e.value && (navigator.geolocation.clearWatch(e.value), e.value = void 0), t.value = void 0, s.clear(!0);
  }, d = (y, x, E) => {
    const v = x.getResolutionForExtent(y, E), m = (x.getZoomForResolution(v) ?? 0) - 1;
    return m > 1 ? Math.min(m, oi) : oi;
  }, g = (y) => {
    const x = y.getGeometry(), E = i.getView(), v = i.getSize(), m = x?.getExtent() ?? [];
    if (!x || !E || !v || Ri(m)) return;
    const S = v[0] ?? 0, T = S < Fh ? -130 : 0, w = S < Fh ? 0 : -70, b = d(m, E, v), M = E.getResolutionForZoom(b), A = -w * M, P = -T * M, R = E.getRotation(), I = Math.cos(R), O = Math.sin(R), [B, D] = Ut(m);
    if (!B || !D) return;
    const U = [B - A * I + P * O, D - A * O - P * I];
    _(U, b);
  }, f = (y, x) => {
    const E = y.getCenter(), v = (S) => S.every((T) => T === 0);
    if (!E || !x || v(E) || v(x)) return dn.UNKNOWN;
    const m = Zo(cr(E), cr(x));
    return m <= Tm ? dn.SHORT : m > Sm ? dn.LONG : dn.MID;
  }, p = (y) => y === dn.SHORT || y === dn.UNKNOWN ? ji : 0, _ = (y, x) => {
    const E = i.getView(), v = f(E, y), m = p(v);
    if (v === dn.LONG) {
      E.animate({ zoom: Ih, duration: ji, easing: pt }, { center: y, duration: ji, easing: pt }, { zoom: x, duration: m, easing: pt });
      return;
    }
    E.animate({ center: y, zoom: x, duration: m, easing: pt });
  };
  return Ct(() => t.value, (y) => {
    const x = !n.value;
    if (n.value = void 0, s.clear(!0), !y) return;
    const E = ya(y.longitude, y.latitude, y.altitude, y.accuracy), v = hr(E);
    n.value = new nt({ geometry: new Ke(v, sn) }), n.value.set("accuracy", y.accuracy), s.addFeature(n.value), x && _(v, oi);
  }), { centerFeatureLocation: g, centerFullWorldView: () => _(Au, Iu), fitToAllFeatures: a, getUserCurrentLocation: () => t.value, stopWatchingCurrentLocation: u, watchCurrentLocation: c };
}
const At = (i) => i ? i instanceof Ve ? i.getCoordinates() : i.getCoordinates()[0] ?? [] : [], Rs = (i, e) => {
  const t = (a) => a.length > 1 && a[0] != null && a[1] != null;
  if (!t(i) || !t(e)) return { deltaX: 0, deltaY: 0 };
  const [n, r] = i, [s, o] = e;
  return { deltaX: n - s, deltaY: r - o };
}, ul = (i, e) => i ** 2 + e ** 2, Am = (i, e, t) => {
  const { deltaX: n, deltaY: r } = Rs(t, e), s = ul(n, r);
  if (s === 0) return e;
  const { deltaX: o, deltaY: a } = Rs(i, e), l = (o * n + a * r) / s, h = Math.max(0, Math.min(1, l)), [c = 0, u = 0] = e;
  return [c + h * n, u + h * r];
}, dl = (i, e) => {
  let t = 1 / 0, n = -1, r = [];
  return i.forEach((s, o) => {
    const a = i[o + 1];
    if (!s || !a) return;
    const l = Am(e, s, a), { deltaX: h, deltaY: c } = Rs(e, l), u = ul(h, c);
    u < t && (t = u, n = o, r = l);
  }), { segmentIndex: n, closest: r, squaredDist: t };
}, Fi = (i, e) => i && e && i[0] === e[0] && i[1] === e[1], qs = (i, e, t) => {
  const n = e * t;
  return i <= n ** 2;
}, Im = (i, e, t, n) => {
  const r = i?.getGeometry();
  return !r || !(r instanceof Ve) && !(r instanceof it) ? !1 : At(r).some((s) => {
    const { deltaX: o, deltaY: a } = Rs(e, s), l = ul(o, a);
    return qs(l, t, n);
  });
}, Fm = (i, e, t, n) => {
  const r = i?.getGeometry();
  if (r instanceof Ve) return !0;
  if (r instanceof it) {
    const s = At(r);
    if (s.length < 2) return !1;
    const { squaredDist: o } = dl(s, e);
    return qs(o, t, n);
  }
  return !1;
}, Lm = (i, e, t, n) => {
  if (!t) return new nt({ geometry: new Ve([e]) });
  const r = t.getGeometry(), s = At(r);
  if (!s.length) return;
  const { segmentIndex: o, closest: a, squaredDist: l } = dl(s, e);
  return o >= 0 && qs(l, i, n) ? s.splice(o + 1, 0, a) : s.push(e), r?.setCoordinates(s, sn), t;
}, Mm = (i, e, t, n) => {
  if (!t) return new nt({ geometry: new it([[e]]) });
  const r = t.getGeometry(), s = At(r);
  if (!s.length) return;
  if (s.length < 3) s.push(e);
  else {
    const { segmentIndex: l, closest: h, squaredDist: c } = dl(s, e);
    l >= 0 && qs(c, i, n) ? s.splice(l + 1, 0, h) : s.splice(s.length - 1, 0, e);
  }
  const o = s[0], a = s[s.length - 1];
  return s.length >= 3 && o && !Fi(o, a) && s.push([...o]), r?.setCoordinates([s], sn), t;
}, Dm = (i, e) => {
  const t = i?.getGeometry(), n = e?.getGeometry();
  if (!t || !n) return;
  const r = n.getCoordinates(), s = At(t).findIndex((o) => Fi(o, r));
  return s === -1 ? void 0 : s;
}, Lh = (i, e) => {
  if (!i || e === void 0) return [];
  const t = i.getGeometry();
  return At(t)[e] ?? [];
}, Om = (i, e) => (i.splice(e, 1), i), km = (i, e) => {
  Fi(i[0], i[i.length - 1]) && (e = e === i.length - 1 ? 0 : e, i.pop()), i.splice(e, 1);
  const t = i[0];
  return i.length > 2 && !Fi(t, i[i.length - 1]) && i.push([...t]), [i];
}, Nm = (i, e) => {
  const t = i?.getGeometry(), n = At(t);
  if (t && e >= 0 && e < n.length) {
    const r = t instanceof Ve ? Om(n, e) : km(n, e);
    t.setCoordinates(r, sn);
  }
  return n.length;
}, Gm = (i, e, t) => {
  const n = i?.getGeometry(), r = At(n);
  if (n && e >= 0 && e < r.length) {
    r[e] = t;
    const s = n instanceof Ve ? r : [r];
    n.setCoordinates(s, sn);
  }
}, Bm = (i, e, t, n) => {
  const r = [];
  return Number.isFinite(e) && Number.isFinite(i) && (r.push(e, i), Number.isFinite(n) ? r.push(Number.isFinite(t) ? t : 0, n) : Number.isFinite(t) && r.push(t)), r;
}, Mh = (i) => {
  const e = i.getGeometry();
  if (!e) return "";
  const t = (n) => {
    const r = cr(n);
    return Bm(...r).join(" ");
  };
  if (e.getType() === "Point") {
    const n = e.getCoordinates();
    return n?.length ? t(n) : "";
  }
  return At(e).map((n) => t(n)).join("; ");
}, Um = () => {
  try {
    const i = document.createElement("canvas");
    return !!(window.WebGLRenderingContext && i.getContext("webgl"));
  } catch {
    return !1;
  }
}, zm = (i, e) => {
  if (!i?.coordinates?.length) return;
  const t = i.coordinates;
  if (i.type === "Point" && e === xe.POINT && !Array.isArray(t[0])) return hr(t);
  let n = Array.isArray(t[0]) && Array.isArray(t[0][0]) ? t[0] : t;
  if (!n?.length) return;
  n = n.map((s) => hr(s));
  const r = Fi(n[0], n[n.length - 1]);
  if (i.type === "LineString" && e === xe.TRACE && !r && n.length >= 2) return n;
  if (i.type === "Polygon" && e === xe.SHAPE && r && n.length >= 3) return [n];
};
class $m {
  constructor() {
    this.dataProjection = void 0, this.defaultFeatureProjection = void 0, this.featureClass = nt, this.supportedMediaTypes = null;
  }
  getReadOptions(e, t) {
    if (t) {
      let n = t.dataProjection ? _e(t.dataProjection) : this.readProjection(e);
      t.extent && n && n.getUnits() === "tile-pixels" && (n = _e(n), n.setWorldExtent(t.extent)), t = { dataProjection: n, featureProjection: t.featureProjection };
    }
    return this.adaptOptions(t);
  }
  adaptOptions(e) {
    return Object.assign({ dataProjection: this.dataProjection, featureProjection: this.defaultFeatureProjection, featureClass: this.featureClass }, e);
  }
  getType() {
    return X();
  }
  readFeature(e, t) {
    return X();
  }
  readFeatures(e, t) {
    return X();
  }
  readGeometry(e, t) {
    return X();
  }
  readProjection(e) {
    return X();
  }
  writeFeature(e, t) {
    return X();
  }
  writeFeatures(e, t) {
    return X();
  }
  writeGeometry(e, t) {
    return X();
  }
}
function gl(i, e, t) {
  const n = t ? _e(t.featureProjection) : null, r = t ? _e(t.dataProjection) : null;
  let s = i;
  if (n && r && !tr(n, r)) {
    e && (s = i.clone());
    const o = e ? n : r, a = e ? r : n;
    o.getUnits() === "tile-pixels" ? s.transform(o, a) : s.applyTransform(ur(o, a));
  }
  if (e && t && t.decimals !== void 0) {
    const o = Math.pow(10, t.decimals), a = function(l) {
      for (let h = 0, c = l.length; h < c; ++h) l[h] = Math.round(l[h] * o) / o;
      return l;
    };
    s === i && (s = i.clone()), s.applyTransform(a);
  }
  return s;
}
const Vm = { Point: Ke, LineString: Ve, Polygon: it, MultiPoint: Or, MultiLineString: mr, MultiPolygon: yr };
function Wm(i, e, t) {
  return Array.isArray(e[0]) ? (Lc(i, 0, e, t) || (i = i.slice(), ta(i, 0, e, t)), i) : (Ua(i, 0, e, t) || (i = i.slice(), ys(i, 0, e, t)), i);
}
function Fu(i, e) {
  const t = i.geometry;
  if (!t) return [];
  if (Array.isArray(t)) return t.map((s) => Fu({ ...i, geometry: s })).flat();
  const n = t.type === "MultiPolygon" ? "Polygon" : t.type;
  if (n === "GeometryCollection" || n === "Circle") throw new Error("Unsupported geometry type: " + n);
  const r = t.layout.length;
  return gl(new Qe(n, n === "Polygon" ? Wm(t.flatCoordinates, t.ends, r) : t.flatCoordinates, t.ends?.flat(), r, i.properties || {}, i.id).enableSimplifyTransformed(), !1, e);
}
function fl(i, e) {
  if (!i) return null;
  if (Array.isArray(i)) {
    const n = i.map((r) => fl(r, e));
    return new fr(n);
  }
  const t = Vm[i.type];
  return gl(new t(i.flatCoordinates, i.layout || "XY", i.ends), !1, e);
}
class jm extends $m {
  constructor() {
    super();
  }
  getType() {
    return "json";
  }
  readFeature(e, t) {
    return this.readFeatureFromObject(ns(e), this.getReadOptions(e, t));
  }
  readFeatures(e, t) {
    return this.readFeaturesFromObject(ns(e), this.getReadOptions(e, t));
  }
  readFeatureFromObject(e, t) {
    return X();
  }
  readFeaturesFromObject(e, t) {
    return X();
  }
  readGeometry(e, t) {
    return this.readGeometryFromObject(ns(e), this.getReadOptions(e, t));
  }
  readGeometryFromObject(e, t) {
    return X();
  }
  readProjection(e) {
    return this.readProjectionFromObject(ns(e));
  }
  readProjectionFromObject(e) {
    return X();
  }
  writeFeature(e, t) {
    return JSON.stringify(this.writeFeatureObject(e, t));
  }
  writeFeatureObject(e, t) {
    return X();
  }
  writeFeatures(e, t) {
    return JSON.stringify(this.writeFeaturesObject(e, t));
  }
  writeFeaturesObject(e, t) {
    return X();
  }
  writeGeometry(e, t) {
    return JSON.stringify(this.writeGeometryObject(e, t));
  }
  writeGeometryObject(e, t) {
    return X();
  }
}
function ns(i) {
  return typeof i == "string" ? JSON.parse(i) || null : i !== null ? i : null;
}
class Dh extends jm {
  constructor(e) {
    e = e || {}, super(), this.dataProjection = _e(e.dataProjection ? e.dataProjection : "EPSG:4326"), e.featureProjection && (this.defaultFeatureProjection = _e(e.featureProjection)), e.featureClass && (this.featureClass = e.featureClass), this.geometryName_ = e.geometryName, this.extractGeometryName_ = e.extractGeometryName, this.supportedMediaTypes = ["application/geo+json", "application/vnd.geo+json"];
  }
  readFeatureFromObject(e, t) {
    let n = null;
    e.type === "Feature" ? n = e : n = { type: "Feature", geometry: e, properties: null };
    const r = _l(n.geometry);
    if (this.featureClass === Qe) return Fu({ geometry: r, id: n.id, properties: n.properties }, t);
    const s = new nt();
    return this.geometryName_ ? s.setGeometryName(this.geometryName_) : this.extractGeometryName_ && n.geometry_name && s.setGeometryName(n.geometry_name), s.setGeometry(fl(r, t)), "id" in n && s.setId(n.id), n.properties && s.setProperties(n.properties, !0), s;
  }
  readFeaturesFromObject(e, t) {
    const n = e;
    let r = null;
    if (n.type === "FeatureCollection") {
      const s = e;
      r = [];
      const o = s.features;
      for (let a = 0, l = o.length; a < l; ++a) {
        const h = this.readFeatureFromObject(o[a], t);
        h && r.push(h);
      }
    } else r = [this.readFeatureFromObject(e, t)];
    return r.flat();
  }
  readGeometryFromObject(e, t) {
    return Xm(e, t);
  }
  readProjectionFromObject(e) {
    const t = e.crs;
    let n;
    if (t) if (t.type == "name") n = _e(t.properties.name);
    else if (t.type === "EPSG") n = _e("EPSG:" + t.properties.code);
    else throw new Error("Unknown SRS type");
    else n = this.dataProjection;
    return n;
  }
  writeFeatureObject(e, t) {
    t = this.adaptOptions(t);
    const n = { type: "Feature", geometry: null, properties: null }, r = e.getId();
    if (r !== void 0 && (n.id = r), !e.hasProperties()) return n;
    const s = e.getProperties(), o = e.getGeometry();
    return o && (n.geometry = da(o, t), delete s[e.getGeometryName()]), Bn(s) || (n.properties = s), n;
  }
  writeFeaturesObject(e, t) {
    t = this.adaptOptions(t);
    const n = [];
    for (let r = 0, s = e.length; r < s; ++r) n.push(this.writeFeatureObject(e[r], t));
    return { type: "FeatureCollection", features: n };
  }
  writeGeometryObject(e, t) {
    return da(e, this.adaptOptions(t));
  }
}
function _l(i, e) {
  if (!i) return null;
  let t;
  switch (i.type) {
    case "Point": {
      t = Zm(i);
      break;
    }
    case "LineString": {
      t = Hm(i);
      break;
    }
    case "Polygon": {
      t = Qm(i);
      break;
    }
    case "MultiPoint": {
      t = qm(i);
      break;
    }
    case "MultiLineString": {
      t = Km(i);
      break;
    }
    case "MultiPolygon": {
      t = Jm(i);
      break;
    }
    case "GeometryCollection": {
      t = Ym(i);
      break;
    }
    default:
      throw new Error("Unsupported GeoJSON type: " + i.type);
  }
  return t;
}
function Xm(i, e) {
  const t = _l(i);
  return fl(t, e);
}
function Ym(i, e) {
  return i.geometries.map(function(t) {
    return _l(t);
  });
}
function Zm(i) {
  const e = i.coordinates;
  return { type: "Point", flatCoordinates: e, layout: Yn(e.length) };
}
function Hm(i) {
  const e = i.coordinates, t = e.flat();
  return { type: "LineString", flatCoordinates: t, ends: [t.length], layout: Yn(e[0]?.length || 2) };
}
function Km(i) {
  const e = i.coordinates, t = e[0]?.[0]?.length || 2, n = [], r = Dr(n, 0, e, t);
  return { type: "MultiLineString", flatCoordinates: n, ends: r, layout: Yn(t) };
}
function qm(i) {
  const e = i.coordinates;
  return { type: "MultiPoint", flatCoordinates: e.flat(), layout: Yn(e[0]?.length || 2) };
}
function Jm(i) {
  const e = i.coordinates, t = [], n = e[0]?.[0]?.[0].length || 2, r = Tc(t, 0, e, n);
  return { type: "MultiPolygon", flatCoordinates: t, ends: r, layout: Yn(n) };
}
function Qm(i) {
  const e = i.coordinates, t = [], n = e[0]?.[0]?.length, r = Dr(t, 0, e, n);
  return { type: "Polygon", flatCoordinates: t, ends: r, layout: Yn(n) };
}
function da(i, e) {
  i = gl(i, !0, e);
  const t = i.getType();
  let n;
  switch (t) {
    case "Point": {
      n = s0(i);
      break;
    }
    case "LineString": {
      n = t0(i);
      break;
    }
    case "Polygon": {
      n = o0(i, e);
      break;
    }
    case "MultiPoint": {
      n = i0(i);
      break;
    }
    case "MultiLineString": {
      n = n0(i);
      break;
    }
    case "MultiPolygon": {
      n = r0(i, e);
      break;
    }
    case "GeometryCollection": {
      n = e0(i, e);
      break;
    }
    case "Circle": {
      n = { type: "GeometryCollection", geometries: [] };
      break;
    }
    default:
      throw new Error("Unsupported geometry type: " + t);
  }
  return n;
}
function e0(i, e) {
  return e = Object.assign({}, e), delete e.featureProjection, { type: "GeometryCollection", geometries: i.getGeometriesArray().map(function(t) {
    return da(t, e);
  }) };
}
function t0(i, e) {
  return { type: "LineString", coordinates: i.getCoordinates() };
}
function n0(i, e) {
  return { type: "MultiLineString", coordinates: i.getCoordinates() };
}
function i0(i, e) {
  return { type: "MultiPoint", coordinates: i.getCoordinates() };
}
function r0(i, e) {
  let t;
  return e && (t = e.rightHanded), { type: "MultiPolygon", coordinates: i.getCoordinates(t) };
}
function s0(i, e) {
  return { type: "Point", coordinates: i.getCoordinates() };
}
function o0(i, e) {
  let t;
  return e && (t = e.rightHanded), { type: "Polygon", coordinates: i.getCoordinates(t) };
}
const Oh = "EPSG:4326", qt = "odk_feature_id", Jt = "odk_selected_vertex_index", _i = "odk_saved_id", us = "odk_selected_id", Rr = "odk_is_selected";
function a0(i, e, t, n) {
  const r = at(), s = at(), o = (m) => {
    const S = new Dh().readFeature(m, { dataProjection: Oh, featureProjection: i.getView().getProjection() });
    return Array.isArray(S) ? S[0] : S;
  }, a = (m, S) => {
    if (m === xe.SHAPE) return new nt({ geometry: new it(S, sn) });
    if (m === xe.TRACE) return new nt({ geometry: new Ve(S, sn) });
    if (m === xe.POINT) return new nt({ geometry: new Ke(S, sn) });
  }, l = (m, S) => {
    m.clear(!0), m.addFeature(S), _(S), t.fitToAllFeatures(m);
  }, h = (m, S) => {
    const T = new Dh().readFeatures(S, { dataProjection: Oh, featureProjection: i.getView().getProjection() });
    T.forEach((w) => {
      w.get(qt) || w.set(qt, crypto.randomUUID());
    }), m.addFeatures(T), t.fitToAllFeatures(m);
  }, c = (m, S) => {
    e.canSelectFeatureOrVertex && (r.value?.set(Rr, !1), r.value?.set(Jt, void 0), m?.set(Jt, S), m?.set(Rr, !0)), r.value = m;
  }, u = () => {
    const m = s.value?.get(qt), S = r.value?.get(qt);
    return m?.length > 0 && m === S;
  }, d = (m, S) => {
    n.updateStyleVariables && n.updateStyleVariables({ [m]: S?.get(qt) ?? "" });
  }, g = (m, S, T = !1) => {
    if (!S || m.isEmpty()) {
      _(void 0);
      return;
    }
    const w = m.forEachFeature((b) => {
      if (b.getProperties()?.[Si] === S.properties?.[Si]) return b;
    });
    w && (_(w), (T || !f(w)) && t.centerFeatureLocation(w));
  }, f = (m) => {
    const S = i.getView().calculateExtent(i.getSize()), T = m.getGeometry()?.getExtent();
    return T ? Ye(S, T) : !1;
  }, p = () => _(r.value), _ = (m) => s.value = m, y = () => r.value, x = () => s.value, E = () => x()?.getProperties()?.[Si] ?? "", v = () => r.value?.getProperties();
  return Ct(() => r.value, (m) => {
    d(us, m), m && !e.canSelectFeatureOrVertex && t.centerFeatureLocation(m);
  }), Ct(() => s.value, (m) => {
    d(_i, m);
  }), { createFeatureFromGeoJSON: o, createFeatureFromType: a, findAndSaveFeature: g, getSavedFeature: x, getSavedFeatureValue: E, getSelectedFeature: y, getSelectedFeatureProperties: v, isSavedFeatureSelected: u, loadAndSaveSingleFeature: l, loadFeatureCollection: h, saveFeature: _, saveSelectedFeature: p, selectFeature: c };
}
function yi(i, e) {
  const t = i.length;
  return e < 0 ? i[e + t] : e >= t ? i[e - t] : i[e];
}
function Ji(i, e) {
  const t = i.length;
  let n = Math.floor(e);
  const r = e - n;
  n >= t ? n -= t : n < 0 && (n += t);
  let s = n + 1;
  s >= t && (s -= t);
  const o = i[n], a = o[0], l = o[1], h = i[s], c = h[0] - a, u = h[1] - l;
  return [a + c * r, l + u * r];
}
const is = { index: -1, endIndex: NaN, closestTargetDistance: 1 / 0 };
function l0(i, e, t, n) {
  const r = i[0], s = i[1];
  let o = 1 / 0, a = -1, l = NaN;
  for (let u = 0; u < e.targets.length; ++u) {
    const d = e.targets[u], g = d.coordinates;
    let f = 1 / 0, p;
    for (let _ = 0; _ < g.length - 1; ++_) {
      const y = g[_], x = g[_ + 1], E = Mu(r, s, y, x);
      E.squaredDistance < f && (f = E.squaredDistance, p = _ + E.along);
    }
    f < o && (o = f, d.ring && e.targetIndex === u && (d.endIndex > d.startIndex ? p < d.startIndex && (p += g.length) : d.endIndex < d.startIndex && p > d.startIndex && (p -= g.length)), l = p, a = u);
  }
  const h = e.targets[a];
  let c = h.ring;
  if (e.targetIndex === a && c) {
    const u = Ji(h.coordinates, l), d = t.getPixelFromCoordinate(u), g = t.getPixelFromCoordinate(e.startCoord);
    Yi(d, g) > n && (c = !1);
  }
  if (c) {
    const u = h.coordinates, d = u.length, g = h.startIndex, f = l;
    if (g < f) {
      const p = os(u, g, f);
      os(u, g, f - d) < p && (l -= d);
    } else {
      const p = os(u, g, f);
      os(u, g, f + d) < p && (l += d);
    }
  }
  return is.index = a, is.endIndex = l, is.closestTargetDistance = o, is;
}
function h0(i, e) {
  const t = [];
  for (let n = 0; n < e.length; ++n) {
    const r = e[n].getGeometry();
    Lu(i, r, t);
  }
  return t;
}
function Lu(i, e, t) {
  if (e instanceof Ve) {
    rs(i, e.getCoordinates(), !1, t);
    return;
  }
  if (e instanceof mr) {
    const n = e.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) rs(i, n[r], !1, t);
    return;
  }
  if (e instanceof it) {
    const n = e.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) rs(i, n[r], !0, t);
    return;
  }
  if (e instanceof yr) {
    const n = e.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) {
      const o = n[r];
      for (let a = 0, l = o.length; a < l; ++a) rs(i, o[a], !0, t);
    }
    return;
  }
  if (e instanceof fr) {
    const n = e.getGeometries();
    for (let r = 0; r < n.length; ++r) Lu(i, n[r], t);
    return;
  }
}
function rs(i, e, t, n) {
  const r = i[0], s = i[1];
  for (let o = 0, a = e.length - 1; o < a; ++o) {
    const l = e[o], h = e[o + 1], c = Mu(r, s, l, h);
    if (c.squaredDistance === 0) {
      const u = o + c.along;
      n.push({ coordinates: e, ring: t, startIndex: u, endIndex: u });
      return;
    }
  }
}
function ss(i, e) {
  return en(i[0], i[1], e[0], e[1]);
}
function os(i, e, t) {
  let n, r;
  e < t ? (n = e, r = t) : (n = t, r = e);
  const s = Math.ceil(n), o = Math.floor(r);
  if (s > o) {
    const l = Ji(i, n), h = Ji(i, r);
    return ss(l, h);
  }
  let a = 0;
  if (n < s) {
    const l = Ji(i, n), h = yi(i, s);
    a += ss(l, h);
  }
  if (o < r) {
    const l = yi(i, o), h = Ji(i, r);
    a += ss(l, h);
  }
  for (let l = s; l < o - 1; ++l) {
    const h = yi(i, l), c = yi(i, l + 1);
    a += ss(h, c);
  }
  return a;
}
const Ro = { along: 0, squaredDistance: 0 };
function Mu(i, e, t, n) {
  const r = t[0], s = t[1], o = n[0], a = n[1], l = o - r, h = a - s;
  let c = 0, u = r, d = s;
  return (l !== 0 || h !== 0) && (c = de(((i - r) * l + (e - s) * h) / (l * l + h * h), 0, 1), u += l * c, d += h * c), Ro.along = c, Ro.squaredDistance = Ir(en(i, e, u, d), 10), Ro;
}
const kh = 0, sr = 1, Nh = [0, 0, 0, 0], Ei = [], bo = { MODIFYSTART: "modifystart", MODIFYEND: "modifyend" };
function Po(i, e, t) {
  let n;
  switch (e) {
    case "LineString":
      n = i;
      break;
    case "MultiLineString":
    case "Polygon":
      n = i[t[0]];
      break;
    case "MultiPolygon":
      n = i[t[1]][t[0]];
      break;
  }
  return n;
}
class Ao extends Pt {
  constructor(e, t, n) {
    super(e), this.features = t, this.mapBrowserEvent = n;
  }
}
class c0 extends Hn {
  constructor(e) {
    super(e), this.on, this.once, this.un, this.boundHandleFeatureChange_ = this.handleFeatureChange_.bind(this), this.condition_ = e.condition ? e.condition : yu, this.defaultDeleteCondition_ = function(n) {
      return Pp(n) && Lp(n);
    }, this.deleteCondition_ = e.deleteCondition ? e.deleteCondition : this.defaultDeleteCondition_, this.insertVertexCondition_ = e.insertVertexCondition ? e.insertVertexCondition : ws, this.vertexFeature_ = null, this.vertexSegments_ = null, this.lastCoordinate_ = [0, 0], this.ignoreNextSingleClick_ = !1, this.featuresBeingModified_ = null, this.rBush_ = new sa(), this.pixelTolerance_ = e.pixelTolerance !== void 0 ? e.pixelTolerance : 10, this.snappedToVertex_ = !1, this.changingFeature_ = !1, this.dragSegments_ = [], this.overlay_ = new Hs({ source: new Xa({ useSpatialIndex: !1, wrapX: !!e.wrapX }), style: e.style ? e.style : d0(), updateWhileAnimating: !0, updateWhileInteracting: !0 }), this.SEGMENT_WRITERS_ = { Point: this.writePointGeometry_.bind(this), LineString: this.writeLineStringGeometry_.bind(this), LinearRing: this.writeLineStringGeometry_.bind(this), Polygon: this.writePolygonGeometry_.bind(this), MultiPoint: this.writeMultiPointGeometry_.bind(this), MultiLineString: this.writeMultiLineStringGeometry_.bind(this), MultiPolygon: this.writeMultiPolygonGeometry_.bind(this), Circle: this.writeCircleGeometry_.bind(this), GeometryCollection: this.writeGeometryCollectionGeometry_.bind(this) }, this.source_ = null, this.traceSource_ = e.traceSource || e.source || null, this.traceCondition_, this.setTrace(e.trace || !1), this.traceState_ = { active: !1 }, this.traceSegments_ = null, this.hitDetection_ = null;
    let t;
    if (e.features ? t = e.features : e.source && (this.source_ = e.source, t = new Ne(this.source_.getFeatures()), this.source_.addEventListener(Pe.ADDFEATURE, this.handleSourceAdd_.bind(this)), this.source_.addEventListener(Pe.REMOVEFEATURE, this.handleSourceRemove_.bind(this))), !t) throw new Error("The modify interaction requires features, a source or a layer");
    e.hitDetection && (this.hitDetection_ = e.hitDetection), this.features_ = t, this.features_.forEach(this.addFeature_.bind(this)), this.features_.addEventListener(ze.ADD, this.handleFeatureAdd_.bind(this)), this.features_.addEventListener(ze.REMOVE, this.handleFeatureRemove_.bind(this)), this.lastPointerEvent_ = null, this.delta_ = [0, 0], this.snapToPointer_ = e.snapToPointer === void 0 ? !this.hitDetection_ : e.snapToPointer;
  }
  setTrace(e) {
    let t;
    e ? e === !0 ? t = ws : t = e : t = Fp, this.traceCondition_ = t;
  }
  addFeature_(e) {
    const t = e.getGeometry();
    if (t) {
      const r = this.SEGMENT_WRITERS_[t.getType()];
      r && r(e, t);
    }
    const n = this.getMap();
    n && n.isRendered() && this.getActive() && this.handlePointerAtPixel_(this.lastCoordinate_), e.addEventListener(Y.CHANGE, this.boundHandleFeatureChange_);
  }
  willModifyFeatures_(e, t) {
    if (!this.featuresBeingModified_) {
      this.featuresBeingModified_ = new Ne();
      const n = this.featuresBeingModified_.getArray();
      for (let r = 0, s = t.length; r < s; ++r) {
        const o = t[r].feature;
        o && !n.includes(o) && this.featuresBeingModified_.push(o);
      }
      this.featuresBeingModified_.getLength() === 0 ? this.featuresBeingModified_ = null : this.dispatchEvent(new Ao(bo.MODIFYSTART, this.featuresBeingModified_, e));
    }
  }
  removeFeature_(e) {
    this.removeFeatureSegmentData_(e), this.vertexFeature_ && this.features_.getLength() === 0 && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null), e.removeEventListener(Y.CHANGE, this.boundHandleFeatureChange_);
  }
  removeFeatureSegmentData_(e) {
    const t = this.rBush_, n = [];
    t.forEach(function(r) {
      e === r.feature && n.push(r);
    });
    for (let r = n.length - 1; r >= 0; --r) {
      const s = n[r];
      for (let o = this.dragSegments_.length - 1; o >= 0; --o) this.dragSegments_[o][0] === s && this.dragSegments_.splice(o, 1);
      t.remove(s);
    }
  }
  setActive(e) {
    this.vertexFeature_ && !e && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null), super.setActive(e);
  }
  setMap(e) {
    this.overlay_.setMap(e), super.setMap(e);
  }
  getOverlay() {
    return this.overlay_;
  }
  handleSourceAdd_(e) {
    e.feature && this.features_.push(e.feature);
  }
  handleSourceRemove_(e) {
    e.feature && this.features_.remove(e.feature);
  }
  handleFeatureAdd_(e) {
    this.addFeature_(e.element);
  }
  handleFeatureChange_(e) {
    if (!this.changingFeature_) {
      const t = e.target;
      this.removeFeature_(t), this.addFeature_(t);
    }
  }
  handleFeatureRemove_(e) {
    this.removeFeature_(e.element);
  }
  writePointGeometry_(e, t) {
    const n = t.getCoordinates(), r = { feature: e, geometry: t, segment: [n, n] };
    this.rBush_.insert(t.getExtent(), r);
  }
  writeMultiPointGeometry_(e, t) {
    const n = t.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) {
      const o = n[r], a = { feature: e, geometry: t, depth: [r], index: r, segment: [o, o] };
      this.rBush_.insert(t.getExtent(), a);
    }
  }
  writeLineStringGeometry_(e, t) {
    const n = t.getCoordinates();
    for (let r = 0, s = n.length - 1; r < s; ++r) {
      const o = n.slice(r, r + 2), a = { feature: e, geometry: t, index: r, segment: o };
      this.rBush_.insert(qe(o), a);
    }
  }
  writeMultiLineStringGeometry_(e, t) {
    const n = t.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) {
      const o = n[r];
      for (let a = 0, l = o.length - 1; a < l; ++a) {
        const h = o.slice(a, a + 2), c = { feature: e, geometry: t, depth: [r], index: a, segment: h };
        this.rBush_.insert(qe(h), c);
      }
    }
  }
  writePolygonGeometry_(e, t) {
    const n = t.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) {
      const o = n[r];
      for (let a = 0, l = o.length - 1; a < l; ++a) {
        const h = o.slice(a, a + 2), c = { feature: e, geometry: t, depth: [r], index: a, segment: h };
        this.rBush_.insert(qe(h), c);
      }
    }
  }
  writeMultiPolygonGeometry_(e, t) {
    const n = t.getCoordinates();
    for (let r = 0, s = n.length; r < s; ++r) {
      const o = n[r];
      for (let a = 0, l = o.length; a < l; ++a) {
        const h = o[a];
        for (let c = 0, u = h.length - 1; c < u; ++c) {
          const d = h.slice(c, c + 2), g = { feature: e, geometry: t, depth: [a, r], index: c, segment: d };
          this.rBush_.insert(qe(d), g);
        }
      }
    }
  }
  writeCircleGeometry_(e, t) {
    const n = t.getCenter(), r = { feature: e, geometry: t, index: kh, segment: [n, n] }, s = { feature: e, geometry: t, index: sr, segment: [n, n] }, o = [r, s];
    r.featureSegments = o, s.featureSegments = o, this.rBush_.insert(Qi(n), r);
    let a = t;
    this.rBush_.insert(a.getExtent(), s);
  }
  writeGeometryCollectionGeometry_(e, t) {
    const n = t.getGeometriesArray();
    for (let r = 0; r < n.length; ++r) {
      const s = n[r], o = this.SEGMENT_WRITERS_[s.getType()];
      o(e, s);
    }
  }
  createOrUpdateVertexFeature_(e, t, n, r) {
    let s = this.vertexFeature_;
    return s ? s.getGeometry().setCoordinates(e) : (s = new nt(new Ke(e)), this.vertexFeature_ = s, this.overlay_.getSource().addFeature(s)), s.set("features", t), s.set("geometries", n), s.set("existing", r), s;
  }
  handleEvent(e) {
    if (!e.originalEvent) return !0;
    this.lastPointerEvent_ = e;
    let t;
    return !e.map.getView().getInteracting() && e.type == le.POINTERMOVE && !this.handlingDownUpSequence && this.handlePointerMove_(e), this.vertexFeature_ && this.deleteCondition_(e) && (e.type != le.SINGLECLICK || !this.ignoreNextSingleClick_ ? t = this.removePoint() : t = !0), e.type == le.SINGLECLICK && (this.ignoreNextSingleClick_ = !1), super.handleEvent(e) && !t;
  }
  findInsertVerticesAndUpdateDragSegments_(e) {
    if (this.handlePointerAtPixel_(e), this.dragSegments_.length = 0, this.featuresBeingModified_ = null, !this.vertexFeature_) return;
    this.getMap().getView().getProjection();
    const t = [], n = this.vertexFeature_.getGeometry().getCoordinates(), r = qe([n]), s = this.rBush_.getInExtent(r), o = {};
    s.sort(u0);
    for (let a = 0, l = s.length; a < l; ++a) {
      const h = s[a], c = h.segment;
      let u = z(h.geometry);
      const d = h.depth;
      if (d && (u += "-" + d.join("-")), o[u] || (o[u] = new Array(2)), h.geometry.getType() === "Circle" && h.index === sr) {
        const g = Bh(e, h);
        Xe(g, n) && !o[u][0] && (this.dragSegments_.push([h, 0]), o[u][0] = h);
        continue;
      }
      if (Xe(c[0], n) && !o[u][0]) {
        this.dragSegments_.push([h, 0]), o[u][0] = h;
        continue;
      }
      if (Xe(c[1], n) && !o[u][1]) {
        if (o[u][0] && o[u][0].index === 0) {
          let g = h.geometry.getCoordinates();
          switch (h.geometry.getType()) {
            case "LineString":
            case "MultiLineString":
              continue;
            case "MultiPolygon":
              g = g[d[1]];
            case "Polygon":
              if (h.index !== g[d[0]].length - 2) continue;
              break;
          }
        }
        this.dragSegments_.push([h, 1]), o[u][1] = h;
        continue;
      }
      z(c) in this.vertexSegments_ && !o[u][0] && !o[u][1] && t.push(h);
    }
    return t;
  }
  deactivateTrace_() {
    this.traceState_ = { active: !1 };
  }
  updateTrace_(e) {
    const t = this.traceState_;
    if (!t.active) return;
    if (t.targetIndex === -1) {
      const s = e.map.getPixelFromCoordinate(t.startCoord);
      if (Yi(s, e.pixel) < this.pixelTolerance_) return;
    }
    const n = l0(e.coordinate, t, e.map, this.pixelTolerance_);
    if (t.targetIndex === -1 && Math.sqrt(n.closestTargetDistance) / e.map.getView().getResolution() > this.pixelTolerance_) return;
    if (t.targetIndex !== n.index) {
      if (t.targetIndex !== -1) {
        const o = t.targets[t.targetIndex];
        this.removeTracedCoordinates_(o.startIndex, o.endIndex);
      } else for (const o of this.traceSegments_) {
        const a = o[0], l = a.geometry, h = o[1], c = l.getCoordinates();
        Po(c, l.getType(), a.depth).splice(a.index + h, 1), l.setCoordinates(c), h === 0 && (a.index -= 1);
      }
      const s = t.targets[n.index];
      this.addTracedCoordinates_(s, s.startIndex, n.endIndex);
    } else {
      const s = t.targets[t.targetIndex];
      this.addOrRemoveTracedCoordinates_(s, n.endIndex);
    }
    t.targetIndex = n.index;
    const r = t.targets[t.targetIndex];
    r.endIndex = n.endIndex;
  }
  getTraceCandidates_(e) {
    const t = this.getMap(), n = this.pixelTolerance_, r = t.getCoordinateFromPixel([e.pixel[0] - n, e.pixel[1] + n]), s = t.getCoordinateFromPixel([e.pixel[0] + n, e.pixel[1] - n]), o = qe([r, s]);
    return this.traceSource_.getFeaturesInExtent(o);
  }
  toggleTraceState_(e) {
    if (!this.traceSource_ || !this.traceCondition_(e)) return;
    if (this.traceState_.active) {
      this.deactivateTrace_(), this.traceSegments_ = null;
      return;
    }
    const t = this.getTraceCandidates_(e);
    if (t.length === 0) return;
    const n = h0(e.coordinate, t);
    n.length && (this.traceState_ = { active: !0, startCoord: e.coordinate.slice(), targets: n, targetIndex: -1 });
  }
  addOrRemoveTracedCoordinates_(e, t) {
    const n = e.startIndex <= e.endIndex, r = e.startIndex <= t;
    n === r ? n && t > e.endIndex || !n && t < e.endIndex ? this.addTracedCoordinates_(e, e.endIndex, t) : (n && t < e.endIndex || !n && t > e.endIndex) && this.removeTracedCoordinates_(t, e.endIndex) : (this.removeTracedCoordinates_(e.startIndex, e.endIndex), this.addTracedCoordinates_(e, e.startIndex, t));
  }
  removeTracedCoordinates_(e, t) {
    if (e === t) return;
    let n = 0;
    if (e < t) {
      const r = Math.ceil(e);
      let s = Math.floor(t);
      s === t && (s -= 1), n = s - r + 1;
    } else {
      const r = Math.floor(e);
      let s = Math.ceil(t);
      s === t && (s += 1), n = r - s + 1;
    }
    if (n > 0) for (const r of this.traceSegments_) {
      const s = r[0], o = s.geometry, a = r[1];
      let l = r[0].index + 1;
      a === 1 && (l -= n);
      const h = o.getCoordinates();
      Po(h, o.getType(), s.depth).splice(l, n), o.setCoordinates(h), a === 1 && (s.index -= n);
    }
  }
  addTracedCoordinates_(e, t, n) {
    if (t === n) return;
    const r = [];
    if (t < n) {
      const s = Math.ceil(t);
      let o = Math.floor(n);
      o === n && (o -= 1);
      for (let a = s; a <= o; ++a) r.push(yi(e.coordinates, a));
    } else {
      const s = Math.floor(t);
      let o = Math.ceil(n);
      o === n && (o += 1);
      for (let a = s; a >= o; --a) r.push(yi(e.coordinates, a));
    }
    if (r.length) for (const s of this.traceSegments_) {
      const o = s[0], a = o.geometry, l = s[1], h = o.index + 1;
      l === 0 && r.reverse();
      const c = a.getCoordinates();
      Po(c, a.getType(), o.depth).splice(h, 0, ...r), a.setCoordinates(c), l === 1 && (o.index += r.length);
    }
  }
  updateGeometry_(e, t) {
    const n = t[0], r = n.depth;
    let s;
    const o = n.segment, a = n.geometry, l = t[1];
    for (; e.length < a.getStride(); ) e.push(o[l][e.length]);
    switch (a.getType()) {
      case "Point":
        s = e, o[0] = e, o[1] = e;
        break;
      case "MultiPoint":
        s = a.getCoordinates(), s[n.index] = e, o[0] = e, o[1] = e;
        break;
      case "LineString":
        s = a.getCoordinates(), s[n.index + l] = e, o[l] = e;
        break;
      case "MultiLineString":
        s = a.getCoordinates(), s[r[0]][n.index + l] = e, o[l] = e;
        break;
      case "Polygon":
        s = a.getCoordinates(), s[r[0]][n.index + l] = e, o[l] = e;
        break;
      case "MultiPolygon":
        s = a.getCoordinates(), s[r[1]][r[0]][n.index + l] = e, o[l] = e;
        break;
      case "Circle":
        const h = a;
        if (o[0] = e, o[1] = e, n.index === kh) this.changingFeature_ = !0, h.setCenter(e), this.changingFeature_ = !1;
        else {
          this.changingFeature_ = !0, this.getMap().getView().getProjection();
          let c = Yi(ge(h.getCenter()), ge(e));
          h.setRadius(c), this.changingFeature_ = !1;
        }
        break;
    }
    s && this.setGeometryCoordinates_(a, s);
  }
  handleDragEvent(e) {
    this.ignoreNextSingleClick_ = !1, this.willModifyFeatures_(e, this.dragSegments_.map(([o]) => o));
    const t = [e.coordinate[0] + this.delta_[0], e.coordinate[1] + this.delta_[1]], n = [], r = [], s = this.traceState_.active && !this.traceSegments_ ? this.traceState_.startCoord : null;
    if (s) {
      this.traceSegments_ = [];
      for (const o of this.dragSegments_) {
        const a = o[0];
        Yi(Ea(s, a.segment), s) / e.map.getView().getResolution() < 1 && this.traceSegments_.push(o);
      }
    }
    for (let o = 0, a = this.dragSegments_.length; o < a; ++o) {
      const l = this.dragSegments_[o], h = l[0], c = h.feature;
      n.includes(c) || n.push(c);
      const u = h.geometry;
      r.includes(u) || r.push(u), this.updateGeometry_(t, l);
    }
    this.updateTrace_(e), this.createOrUpdateVertexFeature_(t, n, r, !0);
  }
  handleDownEvent(e) {
    if (!this.condition_(e)) return !1;
    const t = e.coordinate, n = this.findInsertVerticesAndUpdateDragSegments_(t);
    if (n?.length && this.insertVertexCondition_(e) && (this.willModifyFeatures_(e, n), this.vertexFeature_)) {
      const r = this.vertexFeature_.getGeometry().getCoordinates();
      for (let s = n.length - 1; s >= 0; --s) this.insertVertex_(n[s], r);
      this.ignoreNextSingleClick_ = !0;
    }
    return !!this.vertexFeature_;
  }
  handleUpEvent(e) {
    for (let t = this.dragSegments_.length - 1; t >= 0; --t) {
      const n = this.dragSegments_[t][0], r = n.geometry;
      if (r.getType() === "Circle") {
        const s = r, o = s.getCenter(), a = n.featureSegments[0], l = n.featureSegments[1];
        a.segment[0] = o, a.segment[1] = o, l.segment[0] = o, l.segment[1] = o, this.rBush_.update(Qi(o), a);
        let h = s;
        this.rBush_.update(h.getExtent(), l);
      } else this.rBush_.update(qe(n.segment), n);
    }
    return this.featuresBeingModified_ && (this.toggleTraceState_(e), this.dispatchEvent(new Ao(bo.MODIFYEND, this.featuresBeingModified_, e)), this.featuresBeingModified_ = null), !1;
  }
  handlePointerMove_(e) {
    this.lastCoordinate_ = e.coordinate, this.handlePointerAtPixel_(this.lastCoordinate_);
  }
  handlePointerAtPixel_(e) {
    const t = this.getMap(), n = t.getPixelFromCoordinate(e);
    t.getView().getProjection();
    const r = function(a, l) {
      return Gh(e, a) - Gh(e, l);
    };
    let s, o;
    if (this.hitDetection_) {
      const a = typeof this.hitDetection_ == "object" ? (l) => l === this.hitDetection_ : void 0;
      t.forEachFeatureAtPixel(n, (l, h, c) => {
        c && c.getType() === "Point" && (c = new Ke(Un(c.getCoordinates())));
        const u = c || l.getGeometry();
        if (u && u.getType() === "Point" && l instanceof nt && this.features_.getArray().includes(l)) {
          o = u;
          const d = l.getGeometry().getFlatCoordinates().slice(0, 2);
          s = [{ feature: l, geometry: o, segment: [d, d] }];
        }
        return !0;
      }, { layerFilter: a });
    }
    if (!s) {
      const a = Qt(Qi(e, Nh)), l = t.getView().getResolution() * this.pixelTolerance_, h = Aa(Pr(a, l, Nh));
      s = this.rBush_.getInExtent(h);
    }
    if (s && s.length > 0) {
      const a = s.sort(r)[0], l = a.segment;
      let h = Bh(e, a);
      const c = t.getPixelFromCoordinate(h);
      let u = Yi(n, c);
      if (o || u <= this.pixelTolerance_) {
        const d = {};
        if (d[z(l)] = !0, this.snapToPointer_ || (this.delta_[0] = h[0] - e[0], this.delta_[1] = h[1] - e[1]), a.geometry.getType() === "Circle" && a.index === sr) this.snappedToVertex_ = !0, this.createOrUpdateVertexFeature_(h, [a.feature], [a.geometry], this.snappedToVertex_);
        else {
          const g = t.getPixelFromCoordinate(l[0]), f = t.getPixelFromCoordinate(l[1]), p = or(c, g), _ = or(c, f);
          if (u = Math.sqrt(Math.min(p, _)), this.snappedToVertex_ = u <= this.pixelTolerance_, !this.snappedToVertex_ && !this.insertVertexCondition_(this.lastPointerEvent_)) {
            this.vertexFeature_ && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null);
            return;
          }
          this.snappedToVertex_ && (h = p > _ ? l[1] : l[0]), this.createOrUpdateVertexFeature_(h, [a.feature], [a.geometry], this.snappedToVertex_);
          const y = {};
          y[z(a.geometry)] = !0;
          for (let x = 1, E = s.length; x < E; ++x) {
            const v = s[x].segment;
            if (Xe(l[0], v[0]) && Xe(l[1], v[1]) || Xe(l[0], v[1]) && Xe(l[1], v[0])) {
              const m = z(s[x].geometry);
              m in y || (y[m] = !0, d[z(v)] = !0);
            } else break;
          }
        }
        this.vertexSegments_ = d;
        return;
      }
    }
    this.vertexFeature_ && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null);
  }
  insertVertex_(e, t) {
    const n = e.segment, r = e.feature, s = e.geometry, o = e.depth, a = e.index;
    let l;
    for (; t.length < s.getStride(); ) t.push(0);
    switch (s.getType()) {
      case "MultiLineString":
        l = s.getCoordinates(), l[o[0]].splice(a + 1, 0, t);
        break;
      case "Polygon":
        l = s.getCoordinates(), l[o[0]].splice(a + 1, 0, t);
        break;
      case "MultiPolygon":
        l = s.getCoordinates(), l[o[1]][o[0]].splice(a + 1, 0, t);
        break;
      case "LineString":
        l = s.getCoordinates(), l.splice(a + 1, 0, t);
        break;
      default:
        return !1;
    }
    this.setGeometryCoordinates_(s, l);
    const h = this.rBush_;
    h.remove(e), this.updateSegmentIndices_(s, a, o, 1);
    const c = { segment: [n[0], t], feature: r, geometry: s, depth: o, index: a };
    h.insert(qe(c.segment), c), this.dragSegments_.push([c, 1]);
    const u = { segment: [t, n[1]], feature: r, geometry: s, depth: o, index: a + 1 };
    return h.insert(qe(u.segment), u), this.dragSegments_.push([u, 0]), !0;
  }
  updatePointer_(e) {
    return e && this.findInsertVerticesAndUpdateDragSegments_(e), this.vertexFeature_?.getGeometry().getCoordinates();
  }
  getPoint() {
    const e = this.vertexFeature_?.getGeometry().getCoordinates();
    return e ? Un(e, this.getMap().getView().getProjection()) : null;
  }
  canRemovePoint() {
    if (!this.vertexFeature_ || this.vertexFeature_.get("geometries").every((t) => t.getType() === "Circle" || t.getType().endsWith("Point"))) return !1;
    const e = this.vertexFeature_.getGeometry().getCoordinates();
    return this.rBush_.getInExtent(qe([e])).some(({ segment: t }) => Xe(t[0], e) || Xe(t[1], e));
  }
  removePoint(e) {
    if (e && (e = ge(e, this.getMap().getView().getProjection()), this.updatePointer_(e)), !this.lastPointerEvent_ || this.lastPointerEvent_ && this.lastPointerEvent_.type != le.POINTERDRAG) {
      const t = this.lastPointerEvent_;
      this.willModifyFeatures_(t, this.dragSegments_.map(([r]) => r));
      const n = this.removeVertex_();
      return this.featuresBeingModified_ && this.dispatchEvent(new Ao(bo.MODIFYEND, this.featuresBeingModified_, t)), this.featuresBeingModified_ = null, n;
    }
    return !1;
  }
  removeVertex_() {
    const e = this.dragSegments_, t = {};
    let n = !1, r, s, o, a, l, h, c, u, d, g, f;
    for (l = e.length - 1; l >= 0; --l) o = e[l], g = o[0], f = z(g.feature), g.depth && (f += "-" + g.depth.join("-")), f in t || (t[f] = {}), o[1] === 0 ? (t[f].right = g, t[f].index = g.index) : o[1] == 1 && (t[f].left = g, t[f].index = g.index + 1);
    for (f in t) {
      switch (d = t[f].right, c = t[f].left, h = t[f].index, u = h - 1, c !== void 0 ? g = c : g = d, u < 0 && (u = 0), a = g.geometry, s = a.getCoordinates(), r = s, n = !1, a.getType()) {
        case "MultiLineString":
          s[g.depth[0]].length > 2 && (s[g.depth[0]].splice(h, 1), n = !0);
          break;
        case "LineString":
          s.length > 2 && (s.splice(h, 1), n = !0);
          break;
        case "MultiPolygon":
          r = r[g.depth[1]];
        case "Polygon":
          r = r[g.depth[0]], r.length > 4 && (h == r.length - 1 && (h = 0), r.splice(h, 1), n = !0, h === 0 && (r.pop(), r.push(r[0]), u = r.length - 1));
          break;
      }
      if (n) {
        this.setGeometryCoordinates_(a, s);
        const p = [];
        if (c !== void 0 && (this.rBush_.remove(c), p.push(c.segment[0])), d !== void 0 && (this.rBush_.remove(d), p.push(d.segment[1])), c !== void 0 && d !== void 0) {
          const _ = { depth: g.depth, feature: g.feature, geometry: g.geometry, index: u, segment: p };
          this.rBush_.insert(qe(_.segment), _);
        }
        this.updateSegmentIndices_(a, h, g.depth, -1), this.vertexFeature_ && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null), e.length = 0;
      }
    }
    return n;
  }
  canInsertPoint() {
    if (!this.vertexFeature_ || this.vertexFeature_.get("geometries").every((t) => t.getType() === "Circle" || t.getType().endsWith("Point"))) return !1;
    const e = this.vertexFeature_.getGeometry().getCoordinates();
    return this.rBush_.getInExtent(qe([e])).some(({ segment: t }) => !(Xe(t[0], e) || Xe(t[1], e)));
  }
  insertPoint(e) {
    const t = e ? ge(e, this.getMap().getView().getProjection()) : this.vertexFeature_?.getGeometry().getCoordinates();
    return t ? this.findInsertVerticesAndUpdateDragSegments_(t).reduce((n, r) => n || this.insertVertex_(r, t), !1) : !1;
  }
  setGeometryCoordinates_(e, t) {
    this.changingFeature_ = !0, e.setCoordinates(t), this.changingFeature_ = !1;
  }
  updateSegmentIndices_(e, t, n, r) {
    this.rBush_.forEachInExtent(e.getExtent(), function(s) {
      s.geometry === e && (n === void 0 || s.depth === void 0 || zt(s.depth, n)) && s.index > t && (s.index += r);
    });
  }
}
function u0(i, e) {
  return i.index - e.index;
}
function Gh(i, e, t) {
  const n = e.geometry;
  if (n.getType() === "Circle") {
    let s = n;
    if (e.index === sr) {
      const o = or(s.getCenter(), ge(i)), a = Math.sqrt(o) - s.getRadius();
      return a * a;
    }
  }
  const r = ge(i);
  return Ei[0] = ge(e.segment[0]), Ei[1] = ge(e.segment[1]), Cd(r, Ei);
}
function Bh(i, e, t) {
  const n = e.geometry;
  if (n.getType() === "Circle" && e.index === sr) return Un(n.getClosestPoint(ge(i)));
  const r = ge(i);
  return Ei[0] = ge(e.segment[0]), Ei[1] = ge(e.segment[1]), Un(Ea(r, Ei));
}
function d0() {
  const i = Lf();
  return function(e, t) {
    return i.Point;
  };
}
const Io = { TRANSLATESTART: "translatestart", TRANSLATING: "translating", TRANSLATEEND: "translateend" };
class Fo extends Pt {
  constructor(e, t, n, r, s) {
    super(e), this.features = t, this.coordinate = n, this.startCoordinate = r, this.mapBrowserEvent = s;
  }
}
class g0 extends Hn {
  constructor(e) {
    e = e || {}, super(e), this.on, this.once, this.un, this.lastCoordinate_ = null, this.startCoordinate_ = null, this.features_ = e.features !== void 0 ? e.features : null;
    let t;
    if (e.layers && !this.features_) if (typeof e.layers == "function") t = e.layers;
    else {
      const n = e.layers;
      t = function(r) {
        return n.includes(r);
      };
    }
    else t = zn;
    this.layerFilter_ = t, this.filter_ = e.filter && !this.features_ ? e.filter : zn, this.hitTolerance_ = e.hitTolerance ? e.hitTolerance : 0, this.condition_ = e.condition ? e.condition : ws, this.lastFeature_ = null, this.addChangeListener(ca.ACTIVE, this.handleActiveChanged_);
  }
  handleDownEvent(e) {
    if (!e.originalEvent || !this.condition_(e)) return !1;
    if (this.lastFeature_ = this.featuresAtPixel_(e.pixel, e.map), !this.lastCoordinate_ && this.lastFeature_) {
      this.startCoordinate_ = e.coordinate, this.lastCoordinate_ = e.coordinate, this.handleMoveEvent(e);
      const t = this.features_ || new Ne([this.lastFeature_]);
      return this.dispatchEvent(new Fo(Io.TRANSLATESTART, t, e.coordinate, this.startCoordinate_, e)), !0;
    }
    return !1;
  }
  handleUpEvent(e) {
    if (this.lastCoordinate_) {
      this.lastCoordinate_ = null, this.handleMoveEvent(e);
      const t = this.features_ || new Ne([this.lastFeature_]);
      return this.dispatchEvent(new Fo(Io.TRANSLATEEND, t, e.coordinate, this.startCoordinate_, e)), this.startCoordinate_ = null, !0;
    }
    return !1;
  }
  handleDragEvent(e) {
    if (this.lastCoordinate_) {
      const t = e.coordinate;
      e.map.getView().getProjection();
      const n = ge(t), r = ge(this.lastCoordinate_), s = n[0] - r[0], o = n[1] - r[1], a = this.features_ || new Ne([this.lastFeature_]);
      a.forEach(function(l) {
        const h = l.getGeometry();
        h.translate(s, o), l.setGeometry(h);
      }), this.lastCoordinate_ = t, this.dispatchEvent(new Fo(Io.TRANSLATING, a, t, this.startCoordinate_, e));
    }
  }
  handleMoveEvent(e) {
    const t = e.map.getViewport();
    this.featuresAtPixel_(e.pixel, e.map) ? (t.classList.remove(this.lastCoordinate_ ? "ol-grab" : "ol-grabbing"), t.classList.add(this.lastCoordinate_ ? "ol-grabbing" : "ol-grab")) : t.classList.remove("ol-grab", "ol-grabbing");
  }
  featuresAtPixel_(e, t) {
    return t.forEachFeatureAtPixel(e, (n, r) => {
      if (!(!(n instanceof nt) || !this.filter_(n, r)) && !(this.features_ && !this.features_.getArray().includes(n))) return n;
    }, { layerFilter: this.layerFilter_, hitTolerance: this.hitTolerance_ });
  }
  getHitTolerance() {
    return this.hitTolerance_;
  }
  setHitTolerance(e) {
    this.hitTolerance_ = e;
  }
  setMap(e) {
    const t = this.getMap();
    super.setMap(e), this.updateState_(t);
  }
  handleActiveChanged_() {
    this.updateState_(null);
  }
  updateState_(e) {
    let t = this.getMap();
    const n = this.getActive();
    (!t || !n) && (t = t || e, t && t.getViewport().classList.remove("ol-grab", "ol-grabbing"));
  }
}
class bs {
  constructor() {
    this.globalCounter_ = 0, this.refToFeature_ = /* @__PURE__ */ new Map(), this.uidToRef_ = /* @__PURE__ */ new Map(), this.freeGlobalRef_ = [], this.polygonBatch = { entries: {}, geometriesCount: 0, verticesCount: 0, ringsCount: 0 }, this.pointBatch = { entries: {}, geometriesCount: 0 }, this.lineStringBatch = { entries: {}, geometriesCount: 0, verticesCount: 0 };
  }
  addFeatures(e, t) {
    for (let n = 0; n < e.length; n++) this.addFeature(e[n], t);
  }
  addFeature(e, t) {
    let n = e.getGeometry();
    n && (t && (n = n.clone(), n.applyTransform(t)), this.addGeometry_(n, e));
  }
  clearFeatureEntryInPointBatch_(e) {
    const t = z(e), n = this.pointBatch.entries[t];
    if (n) return this.pointBatch.geometriesCount -= n.flatCoordss.length, delete this.pointBatch.entries[t], n;
  }
  clearFeatureEntryInLineStringBatch_(e) {
    const t = z(e), n = this.lineStringBatch.entries[t];
    if (n) return this.lineStringBatch.verticesCount -= n.verticesCount, this.lineStringBatch.geometriesCount -= n.flatCoordss.length, delete this.lineStringBatch.entries[t], n;
  }
  clearFeatureEntryInPolygonBatch_(e) {
    const t = z(e), n = this.polygonBatch.entries[t];
    if (n) return this.polygonBatch.verticesCount -= n.verticesCount, this.polygonBatch.ringsCount -= n.ringsCount, this.polygonBatch.geometriesCount -= n.flatCoordss.length, delete this.polygonBatch.entries[t], n;
  }
  addGeometry_(e, t) {
    const n = e.getType();
    switch (n) {
      case "GeometryCollection": {
        const r = e.getGeometriesArray();
        for (const s of r) this.addGeometry_(s, t);
        break;
      }
      case "MultiPolygon": {
        const r = e;
        this.addCoordinates_(n, r.getFlatCoordinates(), r.getEndss(), t, z(t), r.getStride());
        break;
      }
      case "MultiLineString": {
        const r = e;
        this.addCoordinates_(n, r.getFlatCoordinates(), r.getEnds(), t, z(t), r.getStride());
        break;
      }
      case "MultiPoint": {
        const r = e;
        this.addCoordinates_(n, r.getFlatCoordinates(), null, t, z(t), r.getStride());
        break;
      }
      case "Polygon": {
        const r = e;
        this.addCoordinates_(n, r.getFlatCoordinates(), r.getEnds(), t, z(t), r.getStride());
        break;
      }
      case "Point": {
        const r = e;
        this.addCoordinates_(n, r.getFlatCoordinates(), null, t, z(t), r.getStride());
        break;
      }
      case "LineString":
      case "LinearRing": {
        const r = e, s = r.getStride();
        this.addCoordinates_(n, r.getFlatCoordinates(), null, t, z(t), s, r.getLayout?.());
        break;
      }
    }
  }
  addCoordinates_(e, t, n, r, s, o, a) {
    let l;
    switch (e) {
      case "MultiPolygon": {
        const h = n;
        for (let c = 0, u = h.length; c < u; c++) {
          let d = h[c];
          const g = c > 0 ? h[c - 1] : null, f = g ? g[g.length - 1] : 0, p = d[d.length - 1];
          d = f > 0 ? d.map((_) => _ - f) : d, this.addCoordinates_("Polygon", t.slice(f, p), d, r, s, o, a);
        }
        break;
      }
      case "MultiLineString": {
        const h = n;
        for (let c = 0, u = h.length; c < u; c++) {
          const d = c > 0 ? h[c - 1] : 0;
          this.addCoordinates_("LineString", t.slice(d, h[c]), null, r, s, o, a);
        }
        break;
      }
      case "MultiPoint":
        for (let h = 0, c = t.length; h < c; h += o) this.addCoordinates_("Point", t.slice(h, h + 2), null, r, s, null, null);
        break;
      case "Polygon": {
        const h = n;
        if (r instanceof Qe) {
          const d = Mc(t, h);
          if (d.length > 1) {
            this.addCoordinates_("MultiPolygon", t, d, r, s, o, a);
            return;
          }
        }
        this.polygonBatch.entries[s] || (this.polygonBatch.entries[s] = this.addRefToEntry_(s, { feature: r, flatCoordss: [], verticesCount: 0, ringsCount: 0, ringsVerticesCounts: [] })), l = t.length / o;
        const c = n.length, u = n.map((d, g, f) => g > 0 ? (d - f[g - 1]) / o : d / o);
        this.polygonBatch.verticesCount += l, this.polygonBatch.ringsCount += c, this.polygonBatch.geometriesCount++, this.polygonBatch.entries[s].flatCoordss.push(f0(t, o)), this.polygonBatch.entries[s].ringsVerticesCounts.push(u), this.polygonBatch.entries[s].verticesCount += l, this.polygonBatch.entries[s].ringsCount += c;
        for (let d = 0, g = h.length; d < g; d++) {
          const f = d > 0 ? h[d - 1] : 0;
          this.addCoordinates_("LinearRing", t.slice(f, h[d]), null, r, s, o, a);
        }
        break;
      }
      case "Point":
        this.pointBatch.entries[s] || (this.pointBatch.entries[s] = this.addRefToEntry_(s, { feature: r, flatCoordss: [] })), this.pointBatch.geometriesCount++, this.pointBatch.entries[s].flatCoordss.push(t);
        break;
      case "LineString":
      case "LinearRing":
        this.lineStringBatch.entries[s] || (this.lineStringBatch.entries[s] = this.addRefToEntry_(s, { feature: r, flatCoordss: [], verticesCount: 0 })), l = t.length / o, this.lineStringBatch.verticesCount += l, this.lineStringBatch.geometriesCount++, this.lineStringBatch.entries[s].flatCoordss.push(_0(t, o, a)), this.lineStringBatch.entries[s].verticesCount += l;
        break;
    }
  }
  addRefToEntry_(e, t) {
    const n = this.uidToRef_.get(e), r = n || this.freeGlobalRef_.pop() || ++this.globalCounter_;
    return t.ref = r, n || (this.refToFeature_.set(r, t.feature), this.uidToRef_.set(e, r)), t;
  }
  removeRef_(e, t) {
    if (!e) throw new Error("This feature has no ref: " + t);
    this.refToFeature_.delete(e), this.uidToRef_.delete(t), this.freeGlobalRef_.push(e);
  }
  changeFeature(e, t) {
    if (!this.uidToRef_.get(z(e))) return;
    this.removeFeature(e);
    let n = e.getGeometry();
    n && (t && (n = n.clone(), n.applyTransform(t)), this.addGeometry_(n, e));
  }
  removeFeature(e) {
    let t = this.clearFeatureEntryInPointBatch_(e);
    t = this.clearFeatureEntryInPolygonBatch_(e) || t, t = this.clearFeatureEntryInLineStringBatch_(e) || t, t && this.removeRef_(t.ref, z(t.feature));
  }
  clear() {
    this.polygonBatch.entries = {}, this.polygonBatch.geometriesCount = 0, this.polygonBatch.verticesCount = 0, this.polygonBatch.ringsCount = 0, this.lineStringBatch.entries = {}, this.lineStringBatch.geometriesCount = 0, this.lineStringBatch.verticesCount = 0, this.pointBatch.entries = {}, this.pointBatch.geometriesCount = 0, this.globalCounter_ = 0, this.freeGlobalRef_ = [], this.refToFeature_.clear(), this.uidToRef_.clear();
  }
  getFeatureFromRef(e) {
    return this.refToFeature_.get(e);
  }
  isEmpty() {
    return this.globalCounter_ === 0;
  }
  filter(e) {
    const t = new bs();
    t.globalCounter_ = this.globalCounter_, t.uidToRef_ = this.uidToRef_, t.refToFeature_ = this.refToFeature_;
    let n = !0;
    for (const r of this.refToFeature_.values()) e(r) && (t.addFeature(r), n = !1);
    return n ? new bs() : t;
  }
}
function f0(i, e) {
  return e === 2 ? i : i.filter((t, n) => n % e < 2);
}
function _0(i, e, t) {
  return e === 3 && t === "XYM" ? i : e === 4 ? i.filter((n, r) => r % e !== 2) : e === 3 ? i.map((n, r) => r % e !== 2 ? n : 0) : new Array(i.length * 1.5).fill(0).map((n, r) => r % 3 === 2 ? 0 : i[Math.round(r / 1.5)]);
}
const Ps = 34962, pl = 34963, p0 = 35044, Lo = 35048, m0 = 5121, y0 = 5123, x0 = 5125, Du = 5126, Uh = ["experimental-webgl", "webgl", "webkit-3d", "moz-webgl"];
function v0(i, e) {
  e = Object.assign({ preserveDrawingBuffer: !0, antialias: !nf }, e);
  const t = Uh.length;
  for (let n = 0; n < t; ++n) try {
    const r = i.getContext(Uh[n], e);
    if (r) return r;
  } catch {
  }
  return null;
}
const E0 = { STATIC_DRAW: p0 };
class Mo {
  constructor(e, t) {
    this.array_ = null, this.type_ = e, ne(e === Ps || e === pl, "A `WebGLArrayBuffer` must either be of type `ELEMENT_ARRAY_BUFFER` or `ARRAY_BUFFER`"), this.usage_ = t !== void 0 ? t : E0.STATIC_DRAW;
  }
  ofSize(e) {
    return this.array_ = new (as(this.type_))(e), this;
  }
  fromArray(e) {
    return this.array_ = as(this.type_).from(e), this;
  }
  fromArrayBuffer(e) {
    return this.array_ = new (as(this.type_))(e), this;
  }
  getType() {
    return this.type_;
  }
  getArray() {
    return this.array_;
  }
  setArray(e) {
    const t = as(this.type_);
    if (!(e instanceof t)) throw new Error(`Expected ${t}`);
    this.array_ = e;
  }
  getUsage() {
    return this.usage_;
  }
  getSize() {
    return this.array_ ? this.array_.length : 0;
  }
}
function as(i) {
  switch (i) {
    case Ps:
      return Float32Array;
    case pl:
      return Uint32Array;
    default:
      return Float32Array;
  }
}
function Ou() {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}
function ga(i, e) {
  return i[0] = e[0], i[1] = e[1], i[4] = e[2], i[5] = e[3], i[12] = e[4], i[13] = e[5], i;
}
const ls = { LOST: "webglcontextlost", RESTORED: "webglcontextrestored" }, C0 = `
  precision mediump float;

  attribute vec2 a_position;
  varying vec2 v_texCoord;
  varying vec2 v_screenCoord;

  uniform vec2 u_screenSize;

  void main() {
    v_texCoord = a_position * 0.5 + 0.5;
    v_screenCoord = v_texCoord * u_screenSize;
    gl_Position = vec4(a_position, 0.0, 1.0);
  }
`, S0 = `
  precision mediump float;

  uniform sampler2D u_image;
  uniform float u_opacity;

  varying vec2 v_texCoord;

  void main() {
    gl_FragColor = texture2D(u_image, v_texCoord) * u_opacity;
  }
`;
class zh {
  constructor(e) {
    this.gl_ = e.webGlContext;
    const t = this.gl_;
    this.scaleRatio_ = e.scaleRatio || 1, this.renderTargetTexture_ = t.createTexture(), this.renderTargetTextureSize_ = null, this.frameBuffer_ = t.createFramebuffer(), this.depthBuffer_ = t.createRenderbuffer();
    const n = t.createShader(t.VERTEX_SHADER);
    t.shaderSource(n, e.vertexShader || C0), t.compileShader(n);
    const r = t.createShader(t.FRAGMENT_SHADER);
    t.shaderSource(r, e.fragmentShader || S0), t.compileShader(r), this.renderTargetProgram_ = t.createProgram(), t.attachShader(this.renderTargetProgram_, n), t.attachShader(this.renderTargetProgram_, r), t.linkProgram(this.renderTargetProgram_), this.renderTargetVerticesBuffer_ = t.createBuffer();
    const s = [-1, -1, 1, -1, -1, 1, 1, -1, 1, 1, -1, 1];
    t.bindBuffer(t.ARRAY_BUFFER, this.renderTargetVerticesBuffer_), t.bufferData(t.ARRAY_BUFFER, new Float32Array(s), t.STATIC_DRAW), this.renderTargetAttribLocation_ = t.getAttribLocation(this.renderTargetProgram_, "a_position"), this.renderTargetUniformLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_screenSize"), this.renderTargetOpacityLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_opacity"), this.renderTargetTextureLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_image"), this.uniforms_ = [], e.uniforms && Object.keys(e.uniforms).forEach((o) => {
      this.uniforms_.push({ value: e.uniforms[o], location: t.getUniformLocation(this.renderTargetProgram_, o) });
    });
  }
  getRenderTargetTexture() {
    return this.renderTargetTexture_;
  }
  getGL() {
    return this.gl_;
  }
  init(e) {
    const t = this.getGL(), n = [t.drawingBufferWidth * this.scaleRatio_, t.drawingBufferHeight * this.scaleRatio_];
    if (t.bindFramebuffer(t.FRAMEBUFFER, this.getFrameBuffer()), t.bindRenderbuffer(t.RENDERBUFFER, this.getDepthBuffer()), t.viewport(0, 0, n[0], n[1]), !this.renderTargetTextureSize_ || this.renderTargetTextureSize_[0] !== n[0] || this.renderTargetTextureSize_[1] !== n[1]) {
      this.renderTargetTextureSize_ = n;
      const r = 0, s = t.RGBA, o = 0, a = t.RGBA, l = t.UNSIGNED_BYTE;
      t.bindTexture(t.TEXTURE_2D, this.renderTargetTexture_), t.texImage2D(t.TEXTURE_2D, r, s, n[0], n[1], o, a, l, null), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE), t.framebufferTexture2D(t.FRAMEBUFFER, t.COLOR_ATTACHMENT0, t.TEXTURE_2D, this.renderTargetTexture_, 0), t.renderbufferStorage(t.RENDERBUFFER, t.DEPTH_COMPONENT16, n[0], n[1]), t.framebufferRenderbuffer(t.FRAMEBUFFER, t.DEPTH_ATTACHMENT, t.RENDERBUFFER, this.depthBuffer_);
    }
  }
  apply(e, t, n, r) {
    const s = this.getGL(), o = e.size;
    if (s.bindFramebuffer(s.FRAMEBUFFER, t ? t.getFrameBuffer() : null), s.activeTexture(s.TEXTURE0), s.bindTexture(s.TEXTURE_2D, this.renderTargetTexture_), !t) {
      const l = z(s.canvas);
      if (!e.renderTargets[l]) {
        const h = s.getContextAttributes();
        h && h.preserveDrawingBuffer && (s.clearColor(0, 0, 0, 0), s.clearDepth(1), s.clear(s.COLOR_BUFFER_BIT | s.DEPTH_BUFFER_BIT)), e.renderTargets[l] = !0;
      }
    }
    s.disable(s.DEPTH_TEST), s.enable(s.BLEND), s.blendFunc(s.ONE, s.ONE_MINUS_SRC_ALPHA), s.viewport(0, 0, s.drawingBufferWidth, s.drawingBufferHeight), s.bindBuffer(s.ARRAY_BUFFER, this.renderTargetVerticesBuffer_), s.useProgram(this.renderTargetProgram_), s.enableVertexAttribArray(this.renderTargetAttribLocation_), s.vertexAttribPointer(this.renderTargetAttribLocation_, 2, s.FLOAT, !1, 0, 0), s.uniform2f(this.renderTargetUniformLocation_, o[0], o[1]), s.uniform1i(this.renderTargetTextureLocation_, 0);
    const a = e.layerStatesArray[e.layerIndex].opacity;
    s.uniform1f(this.renderTargetOpacityLocation_, a), this.applyUniforms(e), n && n(s, e), s.drawArrays(s.TRIANGLES, 0, 6), r && r(s, e);
  }
  getFrameBuffer() {
    return this.frameBuffer_;
  }
  getDepthBuffer() {
    return this.depthBuffer_;
  }
  applyUniforms(e) {
    const t = this.getGL();
    let n, r = 1;
    this.uniforms_.forEach(function(s) {
      if (n = typeof s.value == "function" ? s.value(e) : s.value, n instanceof HTMLCanvasElement || n instanceof ImageData) s.texture || (s.texture = t.createTexture()), t.activeTexture(t[`TEXTURE${r}`]), t.bindTexture(t.TEXTURE_2D, s.texture), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE), n instanceof ImageData ? t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, n.width, n.height, 0, t.UNSIGNED_BYTE, new Uint8Array(n.data)) : t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, t.UNSIGNED_BYTE, n), t.uniform1i(s.location, r++);
      else if (Array.isArray(n)) switch (n.length) {
        case 2:
          t.uniform2f(s.location, n[0], n[1]);
          return;
        case 3:
          t.uniform3f(s.location, n[0], n[1], n[2]);
          return;
        case 4:
          t.uniform4f(s.location, n[0], n[1], n[2], n[3]);
          return;
        default:
          return;
      }
      else typeof n == "number" && t.uniform1f(s.location, n);
    });
  }
}
const Zt = { PROJECTION_MATRIX: "u_projectionMatrix", SCREEN_TO_WORLD_MATRIX: "u_screenToWorldMatrix", TIME: "u_time", ZOOM: "u_zoom", RESOLUTION: "u_resolution", ROTATION: "u_rotation", VIEWPORT_SIZE_PX: "u_viewportSizePx", PIXEL_RATIO: "u_pixelRatio", HIT_DETECTION: "u_hitDetection" }, Oe = { UNSIGNED_BYTE: m0, UNSIGNED_SHORT: y0, UNSIGNED_INT: x0, FLOAT: Du }, As = {};
function $h(i) {
  return "shared/" + i;
}
let Vh = 0;
function T0() {
  const i = "unique/" + Vh;
  return Vh += 1, i;
}
function w0(i) {
  let e = As[i];
  if (!e) {
    const t = document.createElement("canvas");
    t.width = 1, t.height = 1, t.style.position = "absolute", t.style.left = "0", e = { users: 0, context: v0(t) }, As[i] = e;
  }
  return e.users += 1, e.context;
}
function R0(i) {
  const e = As[i];
  if (!e || (e.users -= 1, e.users > 0)) return;
  const t = e.context, n = t.getExtension("WEBGL_lose_context");
  n && n.loseContext();
  const r = t.canvas;
  r.width = 1, r.height = 1, delete As[i];
}
class b0 extends Lr {
  constructor(e) {
    super(), e = e || {}, this.boundHandleWebGLContextLost_ = this.handleWebGLContextLost.bind(this), this.boundHandleWebGLContextRestored_ = this.handleWebGLContextRestored.bind(this), this.canvasCacheKey_ = e.canvasCacheKey ? $h(e.canvasCacheKey) : T0(), this.gl_ = w0(this.canvasCacheKey_), this.bufferCache_ = {}, this.extensionCache_ = {}, this.currentProgram_ = null, this.needsToBeRecreated_ = !1;
    const t = this.gl_.canvas;
    t.addEventListener(ls.LOST, this.boundHandleWebGLContextLost_), t.addEventListener(ls.RESTORED, this.boundHandleWebGLContextRestored_), this.offsetRotateMatrix_ = we(), this.offsetScaleMatrix_ = we(), this.tmpMat4_ = Ou(), this.uniformLocationsByProgram_ = {}, this.attribLocationsByProgram_ = {}, this.uniforms_ = [], e.uniforms && this.setUniforms(e.uniforms), this.postProcessPasses_ = e.postProcesses ? e.postProcesses.map((n) => new zh({ webGlContext: this.gl_, scaleRatio: n.scaleRatio, vertexShader: n.vertexShader, fragmentShader: n.fragmentShader, uniforms: n.uniforms })) : [new zh({ webGlContext: this.gl_ })], this.shaderCompileErrors_ = null, this.startTime_ = Date.now(), this.maxAttributeCount_ = this.gl_.getParameter(this.gl_.MAX_VERTEX_ATTRIBS);
  }
  setUniforms(e) {
    this.uniforms_ = [], this.addUniforms(e);
  }
  addUniforms(e) {
    for (const t in e) this.uniforms_.push({ name: t, value: e[t] });
  }
  canvasCacheKeyMatches(e) {
    return this.canvasCacheKey_ === $h(e);
  }
  getExtension(e) {
    if (e in this.extensionCache_) return this.extensionCache_[e];
    const t = this.gl_.getExtension(e);
    return this.extensionCache_[e] = t, t;
  }
  getInstancedRenderingExtension_() {
    const e = this.getExtension("ANGLE_instanced_arrays");
    return ne(!!e, "WebGL extension 'ANGLE_instanced_arrays' is required for vector rendering"), e;
  }
  bindBuffer(e) {
    const t = this.gl_, n = z(e);
    let r = this.bufferCache_[n];
    if (!r) {
      const s = t.createBuffer();
      r = { buffer: e, webGlBuffer: s }, this.bufferCache_[n] = r;
    }
    t.bindBuffer(e.getType(), r.webGlBuffer);
  }
  flushBufferData(e) {
    const t = this.gl_;
    this.bindBuffer(e), t.bufferData(e.getType(), e.getArray(), e.getUsage());
  }
  deleteBuffer(e) {
    const t = z(e);
    delete this.bufferCache_[t];
  }
  disposeInternal() {
    const e = this.gl_.canvas;
    e.removeEventListener(ls.LOST, this.boundHandleWebGLContextLost_), e.removeEventListener(ls.RESTORED, this.boundHandleWebGLContextRestored_), R0(this.canvasCacheKey_), delete this.gl_;
  }
  prepareDraw(e, t, n) {
    const r = this.gl_, s = this.getCanvas(), o = e.size, a = e.pixelRatio;
    (s.width !== o[0] * a || s.height !== o[1] * a) && (s.width = o[0] * a, s.height = o[1] * a, s.style.width = o[0] + "px", s.style.height = o[1] + "px");
    for (let l = this.postProcessPasses_.length - 1; l >= 0; l--) this.postProcessPasses_[l].init(e);
    r.bindTexture(r.TEXTURE_2D, null), r.clearColor(0, 0, 0, 0), r.depthRange(0, 1), r.clearDepth(1), r.clear(r.COLOR_BUFFER_BIT | r.DEPTH_BUFFER_BIT), r.enable(r.BLEND), r.blendFunc(r.ONE, t ? r.ZERO : r.ONE_MINUS_SRC_ALPHA), n ? (r.enable(r.DEPTH_TEST), r.depthFunc(r.LEQUAL)) : r.disable(r.DEPTH_TEST);
  }
  bindFrameBuffer(e, t) {
    const n = this.getGL();
    n.bindFramebuffer(n.FRAMEBUFFER, e), t && n.framebufferTexture2D(n.FRAMEBUFFER, n.COLOR_ATTACHMENT0, n.TEXTURE_2D, t, 0);
  }
  bindInitialFrameBuffer() {
    const e = this.getGL(), t = this.postProcessPasses_[0].getFrameBuffer();
    e.bindFramebuffer(e.FRAMEBUFFER, t);
    const n = this.postProcessPasses_[0].getRenderTargetTexture();
    e.framebufferTexture2D(e.FRAMEBUFFER, e.COLOR_ATTACHMENT0, e.TEXTURE_2D, n, 0);
  }
  bindTexture(e, t, n) {
    const r = this.gl_;
    r.activeTexture(r.TEXTURE0 + t), r.bindTexture(r.TEXTURE_2D, e), r.uniform1i(this.getUniformLocation(n), t);
  }
  bindAttribute(e, t, n) {
    const r = this.getGL();
    this.bindBuffer(e);
    const s = this.getAttributeLocation(t);
    r.enableVertexAttribArray(s), r.vertexAttribPointer(s, n, r.FLOAT, !1, 0, 0);
  }
  prepareDrawToRenderTarget(e, t, n, r) {
    const s = this.gl_, o = t.getSize();
    s.bindFramebuffer(s.FRAMEBUFFER, t.getFramebuffer()), s.bindRenderbuffer(s.RENDERBUFFER, t.getDepthbuffer()), s.viewport(0, 0, o[0], o[1]), s.bindTexture(s.TEXTURE_2D, t.getTexture()), s.clearColor(0, 0, 0, 0), s.depthRange(0, 1), s.clearDepth(1), s.clear(s.COLOR_BUFFER_BIT | s.DEPTH_BUFFER_BIT), s.enable(s.BLEND), s.blendFunc(s.ONE, n ? s.ZERO : s.ONE_MINUS_SRC_ALPHA), r ? (s.enable(s.DEPTH_TEST), s.depthFunc(s.LEQUAL)) : s.disable(s.DEPTH_TEST);
  }
  drawElements(e, t) {
    const n = this.gl_;
    this.getExtension("OES_element_index_uint");
    const r = n.UNSIGNED_INT, s = 4, o = t - e, a = e * s;
    n.drawElements(n.TRIANGLES, o, r, a);
  }
  drawElementsInstanced(e, t, n) {
    const r = this.gl_;
    this.getExtension("OES_element_index_uint");
    const s = this.getInstancedRenderingExtension_(), o = r.UNSIGNED_INT, a = 4, l = t - e, h = e * a;
    s.drawElementsInstancedANGLE(r.TRIANGLES, l, o, h, n);
    for (let c = 0; c < this.maxAttributeCount_; c++) s.vertexAttribDivisorANGLE(c, 0);
  }
  finalizeDraw(e, t, n) {
    for (let r = 0, s = this.postProcessPasses_.length; r < s; r++) r === s - 1 ? this.postProcessPasses_[r].apply(e, null, t, n) : this.postProcessPasses_[r].apply(e, this.postProcessPasses_[r + 1]);
  }
  getCanvas() {
    return this.gl_.canvas;
  }
  getGL() {
    return this.gl_;
  }
  applyFrameState(e) {
    const t = e.size, n = e.viewState.rotation, r = e.pixelRatio;
    this.setUniformFloatValue(Zt.TIME, (Date.now() - this.startTime_) * 1e-3), this.setUniformFloatValue(Zt.ZOOM, e.viewState.zoom), this.setUniformFloatValue(Zt.RESOLUTION, e.viewState.resolution), this.setUniformFloatValue(Zt.PIXEL_RATIO, r), this.setUniformFloatVec2(Zt.VIEWPORT_SIZE_PX, [t[0], t[1]]), this.setUniformFloatValue(Zt.ROTATION, n);
  }
  applyHitDetectionUniform(e) {
    const t = this.getUniformLocation(Zt.HIT_DETECTION);
    this.getGL().uniform1i(t, e ? 1 : 0), e && this.setUniformFloatValue(Zt.PIXEL_RATIO, 0.5);
  }
  applyUniforms(e) {
    const t = this.gl_;
    let n, r = 0;
    this.uniforms_.forEach((s) => {
      if (n = typeof s.value == "function" ? s.value(e) : s.value, n instanceof HTMLCanvasElement || n instanceof HTMLImageElement || n instanceof ImageData || n instanceof WebGLTexture) {
        n instanceof WebGLTexture && !s.texture ? (s.prevValue = void 0, s.texture = n) : s.texture || (s.prevValue = void 0, s.texture = t.createTexture()), this.bindTexture(s.texture, r, s.name), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE);
        const o = !(n instanceof HTMLImageElement) || n.complete;
        !(n instanceof WebGLTexture) && o && s.prevValue !== n && (s.prevValue = n, t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, t.UNSIGNED_BYTE, n)), r++;
      } else if (Array.isArray(n) && n.length === 6) this.setUniformMatrixValue(s.name, ga(this.tmpMat4_, n));
      else if (Array.isArray(n) && n.length <= 4) switch (n.length) {
        case 2:
          t.uniform2f(this.getUniformLocation(s.name), n[0], n[1]);
          return;
        case 3:
          t.uniform3f(this.getUniformLocation(s.name), n[0], n[1], n[2]);
          return;
        case 4:
          t.uniform4f(this.getUniformLocation(s.name), n[0], n[1], n[2], n[3]);
          return;
        default:
          return;
      }
      else typeof n == "number" && t.uniform1f(this.getUniformLocation(s.name), n);
    });
  }
  useProgram(e, t) {
    this.disableAllAttributes_(), this.gl_.useProgram(e), this.currentProgram_ = e, t && (this.applyFrameState(t), this.applyUniforms(t));
  }
  compileShader(e, t) {
    const n = this.gl_, r = n.createShader(t);
    return n.shaderSource(r, e), n.compileShader(r), r;
  }
  getProgram(e, t) {
    const n = this.gl_, r = this.compileShader(e, n.FRAGMENT_SHADER), s = this.compileShader(t, n.VERTEX_SHADER), o = n.createProgram();
    if (n.attachShader(o, r), n.attachShader(o, s), n.linkProgram(o), !n.getShaderParameter(r, n.COMPILE_STATUS)) {
      const a = `Fragment shader compilation failed: ${n.getShaderInfoLog(r)}`;
      throw new Error(a);
    }
    if (n.deleteShader(r), !n.getShaderParameter(s, n.COMPILE_STATUS)) {
      const a = `Vertex shader compilation failed: ${n.getShaderInfoLog(s)}`;
      throw new Error(a);
    }
    if (n.deleteShader(s), !n.getProgramParameter(o, n.LINK_STATUS)) {
      const a = `GL program linking failed: ${n.getProgramInfoLog(o)}`;
      throw new Error(a);
    }
    return o;
  }
  getUniformLocation(e) {
    const t = z(this.currentProgram_);
    return this.uniformLocationsByProgram_[t] === void 0 && (this.uniformLocationsByProgram_[t] = {}), this.uniformLocationsByProgram_[t][e] === void 0 && (this.uniformLocationsByProgram_[t][e] = this.gl_.getUniformLocation(this.currentProgram_, e)), this.uniformLocationsByProgram_[t][e];
  }
  getAttributeLocation(e) {
    const t = z(this.currentProgram_);
    return this.attribLocationsByProgram_[t] === void 0 && (this.attribLocationsByProgram_[t] = {}), this.attribLocationsByProgram_[t][e] === void 0 && (this.attribLocationsByProgram_[t][e] = this.gl_.getAttribLocation(this.currentProgram_, e)), this.attribLocationsByProgram_[t][e];
  }
  makeProjectionTransform(e, t) {
    const n = e.size, r = e.viewState.rotation, s = e.viewState.resolution, o = e.viewState.center;
    return wt(t, 0, 0, 2 / (s * n[0]), 2 / (s * n[1]), -r, -o[0], -o[1]), t;
  }
  setUniformFloatValue(e, t) {
    this.gl_.uniform1f(this.getUniformLocation(e), t);
  }
  setUniformFloatVec2(e, t) {
    this.gl_.uniform2fv(this.getUniformLocation(e), t);
  }
  setUniformFloatVec4(e, t) {
    this.gl_.uniform4fv(this.getUniformLocation(e), t);
  }
  setUniformMatrixValue(e, t) {
    this.gl_.uniformMatrix4fv(this.getUniformLocation(e), !1, t);
  }
  disableAllAttributes_() {
    for (let e = 0; e < this.maxAttributeCount_; e++) this.gl_.disableVertexAttribArray(e);
  }
  enableAttributeArray_(e, t, n, r, s, o) {
    const a = this.getAttributeLocation(e);
    a < 0 || (this.gl_.enableVertexAttribArray(a), this.gl_.vertexAttribPointer(a, t, n, !1, r, s), o && this.getInstancedRenderingExtension_().vertexAttribDivisorANGLE(a, 1));
  }
  enableAttributes_(e, t) {
    const n = P0(e);
    let r = 0;
    for (let s = 0; s < e.length; s++) {
      const o = e[s];
      o.name && this.enableAttributeArray_(o.name, o.size, o.type || Du, n, r, t), r += o.size * ku(o.type);
    }
  }
  enableAttributes(e) {
    this.enableAttributes_(e, !1);
  }
  enableAttributesInstanced(e) {
    this.enableAttributes_(e, !0);
  }
  handleWebGLContextLost(e) {
    Mi(this.bufferCache_), this.currentProgram_ = null, e.preventDefault();
  }
  handleWebGLContextRestored() {
    this.needsToBeRecreated_ = !0;
  }
  needsToBeRecreated() {
    return this.needsToBeRecreated_;
  }
  createTexture(e, t, n, r) {
    const s = this.gl_;
    n = n || s.createTexture();
    const o = r ? s.NEAREST : s.LINEAR;
    s.bindTexture(s.TEXTURE_2D, n), s.texParameteri(s.TEXTURE_2D, s.TEXTURE_MIN_FILTER, o), s.texParameteri(s.TEXTURE_2D, s.TEXTURE_MAG_FILTER, o), s.texParameteri(s.TEXTURE_2D, s.TEXTURE_WRAP_S, s.CLAMP_TO_EDGE), s.texParameteri(s.TEXTURE_2D, s.TEXTURE_WRAP_T, s.CLAMP_TO_EDGE);
    const a = 0, l = s.RGBA, h = 0, c = s.RGBA, u = s.UNSIGNED_BYTE;
    return t instanceof Uint8Array ? s.texImage2D(s.TEXTURE_2D, a, l, e[0], e[1], h, c, u, t) : t ? s.texImage2D(s.TEXTURE_2D, a, l, c, u, t) : s.texImage2D(s.TEXTURE_2D, a, l, e[0], e[1], h, c, u, null), n;
  }
}
function P0(i) {
  let e = 0;
  for (let t = 0; t < i.length; t++) {
    const n = i[t];
    e += n.size * ku(n.type);
  }
  return e;
}
function ku(i) {
  switch (i) {
    case Oe.UNSIGNED_BYTE:
      return Uint8Array.BYTES_PER_ELEMENT;
    case Oe.UNSIGNED_SHORT:
      return Uint16Array.BYTES_PER_ELEMENT;
    case Oe.UNSIGNED_INT:
      return Uint32Array.BYTES_PER_ELEMENT;
    case Oe.FLOAT:
    default:
      return Float32Array.BYTES_PER_ELEMENT;
  }
}
function A0() {
  const i = 'function t(t,n,x=2){const o=n&&n.length,i=o?n[0]*x:t.length;let f=e(t,0,i,x,!0);const l=[];if(!f||f.next===f.prev)return l;let c,y,h;if(o&&(f=function(t,n,r,x){const o=[];for(let r=0,i=n.length;r<i;r++){const f=e(t,n[r]*x,r<i-1?n[r+1]*x:t.length,x,!1);f===f.next&&(f.steiner=!0),o.push(a(f))}o.sort(u);for(let t=0;t<o.length;t++)r=s(o[t],r);return r}(t,n,f,x)),t.length>80*x){c=t[0],y=t[1];let e=c,n=y;for(let r=x;r<i;r+=x){const x=t[r],o=t[r+1];x<c&&(c=x),o<y&&(y=o),x>e&&(e=x),o>n&&(n=o)}h=Math.max(e-c,n-y),h=0!==h?32767/h:0}return r(f,l,x,c,y,h,0),l}function e(t,e,n,r,x){let o;if(x===function(t,e,n,r){let x=0;for(let o=e,i=n-r;o<n;o+=r)x+=(t[i]-t[o])*(t[o+1]+t[i+1]),i=o;return x}(t,e,n,r)>0)for(let x=e;x<n;x+=r)o=d(x/r|0,t[x],t[x+1],o);else for(let x=n-r;x>=e;x-=r)o=d(x/r|0,t[x],t[x+1],o);return o&&b(o,o.next)&&(w(o),o=o.next),o}function n(t,e){if(!t)return t;e||(e=t);let n,r=t;do{if(n=!1,r.steiner||!b(r,r.next)&&0!==v(r.prev,r,r.next))r=r.next;else{if(w(r),r=e=r.prev,r===r.next)break;n=!0}}while(n||r!==e);return e}function r(t,e,u,s,l,a,y){if(!t)return;!y&&a&&function(t,e,n,r){let x=t;do{0===x.z&&(x.z=c(x.x,x.y,e,n,r)),x.prevZ=x.prev,x.nextZ=x.next,x=x.next}while(x!==t);x.prevZ.nextZ=null,x.prevZ=null,function(t){let e,n=1;do{let r,x=t;t=null;let o=null;for(e=0;x;){e++;let i=x,f=0;for(let t=0;t<n&&(f++,i=i.nextZ,i);t++);let u=n;for(;f>0||u>0&&i;)0!==f&&(0===u||!i||x.z<=i.z)?(r=x,x=x.nextZ,f--):(r=i,i=i.nextZ,u--),o?o.nextZ=r:t=r,r.prevZ=o,o=r;x=i}o.nextZ=null,n*=2}while(e>1)}(x)}(t,s,l,a);let h=t;for(;t.prev!==t.next;){const c=t.prev,p=t.next;if(a?o(t,s,l,a):x(t))e.push(c.i,t.i,p.i),w(t),t=p.next,h=p.next;else if((t=p)===h){y?1===y?r(t=i(n(t),e),e,u,s,l,a,2):2===y&&f(t,e,u,s,l,a):r(n(t),e,u,s,l,a,1);break}}}function x(t){const e=t.prev,n=t,r=t.next;if(v(e,n,r)>=0)return!1;const x=e.x,o=n.x,i=r.x,f=e.y,u=n.y,s=r.y,l=Math.min(x,o,i),c=Math.min(f,u,s),a=Math.max(x,o,i),y=Math.max(f,u,s);let p=r.next;for(;p!==e;){if(p.x>=l&&p.x<=a&&p.y>=c&&p.y<=y&&h(x,f,o,u,i,s,p.x,p.y)&&v(p.prev,p,p.next)>=0)return!1;p=p.next}return!0}function o(t,e,n,r){const x=t.prev,o=t,i=t.next;if(v(x,o,i)>=0)return!1;const f=x.x,u=o.x,s=i.x,l=x.y,a=o.y,y=i.y,p=Math.min(f,u,s),b=Math.min(l,a,y),M=Math.max(f,u,s),m=Math.max(l,a,y),A=c(p,b,e,n,r),g=c(M,m,e,n,r);let Z=t.prevZ,d=t.nextZ;for(;Z&&Z.z>=A&&d&&d.z<=g;){if(Z.x>=p&&Z.x<=M&&Z.y>=b&&Z.y<=m&&Z!==x&&Z!==i&&h(f,l,u,a,s,y,Z.x,Z.y)&&v(Z.prev,Z,Z.next)>=0)return!1;if(Z=Z.prevZ,d.x>=p&&d.x<=M&&d.y>=b&&d.y<=m&&d!==x&&d!==i&&h(f,l,u,a,s,y,d.x,d.y)&&v(d.prev,d,d.next)>=0)return!1;d=d.nextZ}for(;Z&&Z.z>=A;){if(Z.x>=p&&Z.x<=M&&Z.y>=b&&Z.y<=m&&Z!==x&&Z!==i&&h(f,l,u,a,s,y,Z.x,Z.y)&&v(Z.prev,Z,Z.next)>=0)return!1;Z=Z.prevZ}for(;d&&d.z<=g;){if(d.x>=p&&d.x<=M&&d.y>=b&&d.y<=m&&d!==x&&d!==i&&h(f,l,u,a,s,y,d.x,d.y)&&v(d.prev,d,d.next)>=0)return!1;d=d.nextZ}return!0}function i(t,e){let r=t;do{const n=r.prev,x=r.next.next;!b(n,x)&&M(n,r,r.next,x)&&g(n,x)&&g(x,n)&&(e.push(n.i,r.i,x.i),w(r),w(r.next),r=t=x),r=r.next}while(r!==t);return n(r)}function f(t,e,x,o,i,f){let u=t;do{let t=u.next.next;for(;t!==u.prev;){if(u.i!==t.i&&p(u,t)){let s=Z(u,t);return u=n(u,u.next),s=n(s,s.next),r(u,e,x,o,i,f,0),void r(s,e,x,o,i,f,0)}t=t.next}u=u.next}while(u!==t)}function u(t,e){let n=t.x-e.x;if(0===n&&(n=t.y-e.y,0===n)){n=(t.next.y-t.y)/(t.next.x-t.x)-(e.next.y-e.y)/(e.next.x-e.x)}return n}function s(t,e){const r=function(t,e){let n=e;const r=t.x,x=t.y;let o,i=-1/0;if(b(t,n))return n;do{if(b(t,n.next))return n.next;if(x<=n.y&&x>=n.next.y&&n.next.y!==n.y){const t=n.x+(x-n.y)*(n.next.x-n.x)/(n.next.y-n.y);if(t<=r&&t>i&&(i=t,o=n.x<n.next.x?n:n.next,t===r))return o}n=n.next}while(n!==e);if(!o)return null;const f=o,u=o.x,s=o.y;let c=1/0;n=o;do{if(r>=n.x&&n.x>=u&&r!==n.x&&y(x<s?r:i,x,u,s,x<s?i:r,x,n.x,n.y)){const e=Math.abs(x-n.y)/(r-n.x);g(n,t)&&(e<c||e===c&&(n.x>o.x||n.x===o.x&&l(o,n)))&&(o=n,c=e)}n=n.next}while(n!==f);return o}(t,e);if(!r)return e;const x=Z(r,t);return n(x,x.next),n(r,r.next)}function l(t,e){return v(t.prev,t,e.prev)<0&&v(e.next,t,t.next)<0}function c(t,e,n,r,x){return(t=1431655765&((t=858993459&((t=252645135&((t=16711935&((t=(t-n)*x|0)|t<<8))|t<<4))|t<<2))|t<<1))|(e=1431655765&((e=858993459&((e=252645135&((e=16711935&((e=(e-r)*x|0)|e<<8))|e<<4))|e<<2))|e<<1))<<1}function a(t){let e=t,n=t;do{(e.x<n.x||e.x===n.x&&e.y<n.y)&&(n=e),e=e.next}while(e!==t);return n}function y(t,e,n,r,x,o,i,f){return(x-i)*(e-f)>=(t-i)*(o-f)&&(t-i)*(r-f)>=(n-i)*(e-f)&&(n-i)*(o-f)>=(x-i)*(r-f)}function h(t,e,n,r,x,o,i,f){return!(t===i&&e===f)&&y(t,e,n,r,x,o,i,f)}function p(t,e){return t.next.i!==e.i&&t.prev.i!==e.i&&!function(t,e){let n=t;do{if(n.i!==t.i&&n.next.i!==t.i&&n.i!==e.i&&n.next.i!==e.i&&M(n,n.next,t,e))return!0;n=n.next}while(n!==t);return!1}(t,e)&&(g(t,e)&&g(e,t)&&function(t,e){let n=t,r=!1;const x=(t.x+e.x)/2,o=(t.y+e.y)/2;do{n.y>o!=n.next.y>o&&n.next.y!==n.y&&x<(n.next.x-n.x)*(o-n.y)/(n.next.y-n.y)+n.x&&(r=!r),n=n.next}while(n!==t);return r}(t,e)&&(v(t.prev,t,e.prev)||v(t,e.prev,e))||b(t,e)&&v(t.prev,t,t.next)>0&&v(e.prev,e,e.next)>0)}function v(t,e,n){return(e.y-t.y)*(n.x-e.x)-(e.x-t.x)*(n.y-e.y)}function b(t,e){return t.x===e.x&&t.y===e.y}function M(t,e,n,r){const x=A(v(t,e,n)),o=A(v(t,e,r)),i=A(v(n,r,t)),f=A(v(n,r,e));return x!==o&&i!==f||(!(0!==x||!m(t,n,e))||(!(0!==o||!m(t,r,e))||(!(0!==i||!m(n,t,r))||!(0!==f||!m(n,e,r)))))}function m(t,e,n){return e.x<=Math.max(t.x,n.x)&&e.x>=Math.min(t.x,n.x)&&e.y<=Math.max(t.y,n.y)&&e.y>=Math.min(t.y,n.y)}function A(t){return t>0?1:t<0?-1:0}function g(t,e){return v(t.prev,t,t.next)<0?v(t,e,t.next)>=0&&v(t,t.prev,e)>=0:v(t,e,t.prev)<0||v(t,t.next,e)<0}function Z(t,e){const n=F(t.i,t.x,t.y),r=F(e.i,e.x,e.y),x=t.next,o=e.prev;return t.next=e,e.prev=t,n.next=x,x.prev=n,r.next=n,n.prev=r,o.next=r,r.prev=o,r}function d(t,e,n,r){const x=F(t,e,n);return r?(x.next=r.next,x.prev=r,r.next.prev=x,r.next=x):(x.prev=x,x.next=x),x}function w(t){t.next.prev=t.prev,t.prev.next=t.next,t.prevZ&&(t.prevZ.nextZ=t.nextZ),t.nextZ&&(t.nextZ.prevZ=t.prevZ)}function F(t,e,n){return{i:t,x:e,y:n,prev:null,next:null,z:0,prevZ:null,nextZ:null,steiner:!1}}function E(t,e){const n=e[0],r=e[1];return e[0]=t[0]*n+t[2]*r+t[4],e[1]=t[1]*n+t[3]*r+t[5],e}function I(t,e){const n=(r=e)[0]*r[3]-r[1]*r[2];var r;!function(t,e){if(!t)throw new Error(e)}(0!==n,"Transformation matrix cannot be inverted");const x=e[0],o=e[1],i=e[2],f=e[3],u=e[4],s=e[5];return t[0]=f/n,t[1]=-o/n,t[2]=-i/n,t[3]=x/n,t[4]=(i*s-f*u)/n,t[5]=-(x*s-o*u)/n,t}new Array(6);const z=[],B={vertexAttributesPosition:0,instanceAttributesPosition:0,indicesPosition:0};function P(t,e,n,r,x){const o=t[e++],i=t[e++],f=z;f.length=r;for(let n=0;n<f.length;n++)f[n]=t[e+n];let u=x?x.instanceAttributesPosition:0;return n[u++]=o,n[u++]=i,f.length&&(n.set(f,u),u+=f.length),B.instanceAttributesPosition=u,B}function N(t,e,n,r,x,o,i,f,u,s){const l=[t[e],t[e+1]],c=[t[n],t[n+1]],a=t[e+2],y=t[n+2],h=E(f,[...l]),p=E(f,[...c]);function v(t,e,n){const r=Math.sqrt((e[0]-t[0])*(e[0]-t[0])+(e[1]-t[1])*(e[1]-t[1])),x=[(e[0]-t[0])/r,(e[1]-t[1])/r],o=[-x[1],x[0]],i=Math.sqrt((n[0]-t[0])*(n[0]-t[0])+(n[1]-t[1])*(n[1]-t[1])),f=[(n[0]-t[0])/i,(n[1]-t[1])/i];let u=0===r||0===i?0:Math.acos((s=f[0]*x[0]+f[1]*x[1],l=-1,c=1,Math.min(Math.max(s,l),c)));var s,l,c;u=Math.max(u,1e-5);return f[0]*o[0]+f[1]*o[1]>0?u:2*Math.PI-u}let b=-1,M=-1,m=s;const A=null!==x;if(null!==r){b=v(h,p,E(f,[...[t[r],t[r+1]]])),Math.cos(b)<=.985&&(m+=Math.tan((b-Math.PI)/2))}if(A){M=v(p,h,E(f,[...[t[x],t[x+1]]])),Math.cos(M)<=.985&&(m+=Math.tan((Math.PI-M)/2))}const g=Math.pow(2,24),Z=u%g,d=Math.floor(u/g)*g;return o.push(l[0],l[1],a,c[0],c[1],y,b,M,Z,d,s),o.push(...i),{length:u+Math.sqrt((p[0]-h[0])*(p[0]-h[0])+(p[1]-h[1])*(p[1]-h[1])),angle:m}}function R(e,n,r,x,o){const i=2+o;let f=n;const u=e.slice(f,f+o);f+=o;const s=e[f++];let l=0;const c=new Array(s-1);for(let t=0;t<s;t++)l+=e[f++],t<s-1&&(c[t]=l);const a=e.slice(f,f+2*l),y=t(a,c,2);for(let t=0;t<y.length;t++)x.push(y[t]+r.length/i);for(let t=0;t<a.length;t+=2)r.push(a[t],a[t+1],...u);return f+2*l}const S="GENERATE_POLYGON_BUFFERS",T="GENERATE_POINT_BUFFERS",_="GENERATE_LINE_STRING_BUFFERS",O=self;O.onmessage=t=>{const e=t.data;switch(e.type){case T:{const t=2,n=2,r=e.customAttributesSize,x=n+r,o=new Float32Array(e.renderInstructions),i=o.length/x*(t+r),f=Uint32Array.from([0,1,3,1,2,3]),u=Float32Array.from([-1,-1,1,-1,1,1,-1,1]),s=new Float32Array(i);let l;for(let t=0;t<o.length;t+=x)l=P(o,t,s,r,l);const c=Object.assign({indicesBuffer:f.buffer,vertexAttributesBuffer:u.buffer,instanceAttributesBuffer:s.buffer,renderInstructions:o.buffer},e);O.postMessage(c,[u.buffer,s.buffer,f.buffer,o.buffer]);break}case _:{const t=[],n=e.customAttributesSize,r=3,x=new Float32Array(e.renderInstructions);let o=0;const i=[1,0,0,1,0,0];let f,u;for(I(i,e.renderInstructionsTransform);o<x.length;){u=Array.from(x.slice(o,o+n)),o+=n,f=x[o++];const e=o,s=o+(f-1)*r,l=x[e]===x[s]&&x[e+1]===x[s+1];let c=0,a=0;for(let n=0;n<f-1;n++){let y=null;n>0?y=o+(n-1)*r:l&&(y=s-r);let h=null;n<f-2?h=o+(n+2)*r:l&&(h=e+r);const p=N(x,o+n*r,o+(n+1)*r,y,h,t,u,i,c,a);c=p.length,a=p.angle}o+=f*r}const s=Uint32Array.from([0,1,3,1,2,3]),l=Float32Array.from([-1,-1,1,-1,1,1,-1,1]),c=Float32Array.from(t),a=Object.assign({indicesBuffer:s.buffer,vertexAttributesBuffer:l.buffer,instanceAttributesBuffer:c.buffer,renderInstructions:x.buffer},e);O.postMessage(a,[l.buffer,c.buffer,s.buffer,x.buffer]);break}case S:{const t=[],n=[],r=e.customAttributesSize,x=new Float32Array(e.renderInstructions);let o=0;for(;o<x.length;)o=R(x,o,t,n,r);const i=Uint32Array.from(n),f=Float32Array.from(t),u=Float32Array.from([]),s=Object.assign({indicesBuffer:i.buffer,vertexAttributesBuffer:f.buffer,instanceAttributesBuffer:u.buffer,renderInstructions:x.buffer},e);O.postMessage(s,[f.buffer,u.buffer,i.buffer,x.buffer]);break}}};';
  return new Worker(typeof Blob > "u" ? "data:application/javascript;base64," + Buffer.from(i, "binary").toString("base64") : URL.createObjectURL(new Blob([i], { type: "application/javascript" })));
}
const Do = { GENERATE_POLYGON_BUFFERS: "GENERATE_POLYGON_BUFFERS", GENERATE_POINT_BUFFERS: "GENERATE_POINT_BUFFERS", GENERATE_LINE_STRING_BUFFERS: "GENERATE_LINE_STRING_BUFFERS" };
function I0(i, e) {
  e = e || [];
  const t = 256, n = t - 1, r = Math.floor(i / t / t / t) / n, s = Math.floor(i / t / t) % t / n, o = Math.floor(i / t) % t / n, a = i % t / n;
  return e[0] = r * 256 * 255 + s * 255, e[1] = o * 256 * 255 + a * 255, e;
}
function F0(i) {
  let e = 0;
  const t = 256, n = t - 1;
  return e += Math.round(i[0] * t * t * t * n), e += Math.round(i[1] * t * t * n), e += Math.round(i[2] * t * n), e += Math.round(i[3] * n), e;
}
function fa(i) {
  return i instanceof Image || i instanceof HTMLCanvasElement || i instanceof HTMLVideoElement || i instanceof ImageBitmap ? i : null;
}
const L0 = new Error("disposed"), M0 = [256, 256];
class Wh extends il {
  constructor(e) {
    const t = V.IDLE;
    super(e.tileCoord, t, { transition: e.transition, interpolate: e.interpolate }), this.loader_ = e.loader, this.data_ = null, this.error_ = null, this.size_ = e.size || null, this.controller_ = e.controller || null;
  }
  getSize() {
    if (this.size_) return this.size_;
    const e = fa(this.data_);
    return e ? [e.width, e.height] : M0;
  }
  getData() {
    return this.data_;
  }
  getError() {
    return this.error_;
  }
  load() {
    if (this.state !== V.IDLE && this.state !== V.ERROR) return;
    this.state = V.LOADING, this.changed();
    const e = this;
    this.loader_().then(function(t) {
      e.data_ = t, e.state = V.LOADED, e.changed();
    }).catch(function(t) {
      e.error_ = t, e.state = V.ERROR, e.changed();
    });
  }
  disposeInternal() {
    this.controller_ && (this.controller_.abort(L0), this.controller_ = null), super.disposeInternal();
  }
}
let Oo;
const Ci = [];
function jh(i, e, t, n, r) {
  i.beginPath(), i.moveTo(0, 0), i.lineTo(e, t), i.lineTo(n, r), i.closePath(), i.save(), i.clip(), i.fillRect(0, 0, Math.max(e, n) + 1, Math.max(t, r)), i.restore();
}
function ko(i, e) {
  return Math.abs(i[e * 4] - 210) > 2 || Math.abs(i[e * 4 + 3] - 0.75 * 255) > 2;
}
function D0() {
  if (Oo === void 0) {
    const i = Re(6, 6, Ci);
    i.globalCompositeOperation = "lighter", i.fillStyle = "rgba(210, 0, 0, 0.75)", jh(i, 4, 5, 4, 0), jh(i, 4, 5, 0, 5);
    const e = i.getImageData(0, 0, 3, 3).data;
    Oo = ko(e, 0) || ko(e, 4) || ko(e, 8), $s(i), Ci.push(i.canvas);
  }
  return Oo;
}
function Xh(i, e, t, n) {
  const r = Ns(t, e, i);
  let s = qo(e, n, t);
  const o = e.getMetersPerUnit();
  o !== void 0 && (s *= o);
  const a = i.getMetersPerUnit();
  a !== void 0 && (s /= a);
  const l = i.getExtent();
  if (!l || Ti(l, r)) {
    const h = qo(i, s, r) / s;
    isFinite(h) && h > 0 && (s /= h);
  }
  return s;
}
function O0(i, e, t, n) {
  const r = Ut(t);
  let s = Xh(i, e, r, n);
  return (!isFinite(s) || s <= 0) && lc(t, function(o) {
    return s = Xh(i, e, o, n), isFinite(s) && s > 0;
  }), s;
}
function k0(i, e, t, n, r, s, o, a, l, h, c, u, d, g) {
  const f = Re(Math.round(t * i), Math.round(t * e), Ci);
  if (u || (f.imageSmoothingEnabled = !1), l.length === 0) return f.canvas;
  f.scale(t, t);
  function p(m) {
    return Math.round(m * t) / t;
  }
  f.globalCompositeOperation = "lighter";
  const _ = ct();
  l.forEach(function(m, S, T) {
    oc(_, m.extent);
  });
  let y;
  const x = t / n, E = (u ? 1 : 1 + Math.pow(2, -24)) / x;
  y = Re(Math.round(ae(_) * x), Math.round(Ze(_) * x), Ci), u || (y.imageSmoothingEnabled = !1), l.forEach(function(m, S, T) {
    if (m.image.width > 0 && m.image.height > 0) {
      if (m.clipExtent) {
        y.save();
        const P = (m.clipExtent[0] - _[0]) * x, R = -(m.clipExtent[3] - _[3]) * x, I = ae(m.clipExtent) * x, O = Ze(m.clipExtent) * x;
        y.rect(u ? P : Math.round(P), u ? R : Math.round(R), u ? I : Math.round(P + I) - Math.round(P), u ? O : Math.round(R + O) - Math.round(R)), y.clip();
      }
      const w = (m.extent[0] - _[0]) * x, b = -(m.extent[3] - _[3]) * x, M = ae(m.extent) * x, A = Ze(m.extent) * x;
      y.drawImage(m.image, h, h, m.image.width - 2 * h, m.image.height - 2 * h, u ? w : Math.round(w), u ? b : Math.round(b), u ? M : Math.round(w + M) - Math.round(w), u ? A : Math.round(b + A) - Math.round(b)), m.clipExtent && y.restore();
    }
  });
  const v = jn(o);
  return a.getTriangles().forEach(function(m, S, T) {
    const w = m.source, b = m.target;
    let M = w[0][0], A = w[0][1], P = w[1][0], R = w[1][1], I = w[2][0], O = w[2][1];
    const B = p((b[0][0] - v[0]) / s), D = p(-(b[0][1] - v[1]) / s), U = p((b[1][0] - v[0]) / s), W = p(-(b[1][1] - v[1]) / s), q = p((b[2][0] - v[0]) / s), re = p(-(b[2][1] - v[1]) / s), F = M, Ge = A;
    M = 0, A = 0, P -= F, R -= Ge, I -= F, O -= Ge;
    const st = [[P, R, 0, 0, U - B], [I, O, 0, 0, q - B], [0, 0, P, R, W - D], [0, 0, I, O, re - D]], Ee = xd(st);
    if (!Ee) return;
    if (f.save(), f.beginPath(), D0() || !u) {
      f.moveTo(U, W);
      const Be = 4, L = B - U, G = D - W;
      for (let te = 0; te < Be; te++) f.lineTo(U + p((te + 1) * L / Be), W + p(te * G / (Be - 1))), te != Be - 1 && f.lineTo(U + p((te + 1) * L / Be), W + p((te + 1) * G / (Be - 1)));
      f.lineTo(q, re);
    } else f.moveTo(U, W), f.lineTo(B, D), f.lineTo(q, re);
    f.clip(), f.transform(Ee[0], Ee[2], Ee[1], Ee[3], B, D), f.translate(_[0] - F, _[3] - Ge);
    let ve;
    if (y) ve = y.canvas, f.scale(E, -E);
    else {
      const Be = l[0], L = Be.extent;
      ve = Be.image, f.scale(ae(L) / ve.width, -Ze(L) / ve.height);
    }
    f.drawImage(ve, 0, 0), f.restore();
  }), y && ($s(y), Ci.push(y.canvas)), c && (f.save(), f.globalCompositeOperation = "source-over", f.strokeStyle = "black", f.lineWidth = 1, a.getTriangles().forEach(function(m, S, T) {
    const w = m.target, b = (w[0][0] - v[0]) / s, M = -(w[0][1] - v[1]) / s, A = (w[1][0] - v[0]) / s, P = -(w[1][1] - v[1]) / s, R = (w[2][0] - v[0]) / s, I = -(w[2][1] - v[1]) / s;
    f.beginPath(), f.moveTo(A, P), f.lineTo(b, M), f.lineTo(R, I), f.closePath(), f.stroke();
  }), f.restore()), f.canvas;
}
const N0 = 10, Yh = 0.25;
class G0 {
  constructor(e, t, n, r, s, o, a) {
    this.sourceProj_ = e, this.targetProj_ = t;
    let l = {};
    const h = a ? qd((E) => me(a, Ns(E, this.targetProj_, this.sourceProj_))) : ur(this.targetProj_, this.sourceProj_);
    this.transformInv_ = function(E) {
      const v = E[0] + "/" + E[1];
      return l[v] || (l[v] = h(E)), l[v];
    }, this.maxSourceExtent_ = r, this.errorThresholdSquared_ = s * s, this.triangles_ = [], this.wrapsXInSource_ = !1, this.canWrapXInSource_ = this.sourceProj_.canWrapX() && !!r && !!this.sourceProj_.getExtent() && ae(r) >= ae(this.sourceProj_.getExtent()), this.sourceWorldWidth_ = this.sourceProj_.getExtent() ? ae(this.sourceProj_.getExtent()) : null, this.targetWorldWidth_ = this.targetProj_.getExtent() ? ae(this.targetProj_.getExtent()) : null;
    const c = jn(n), u = Ds(n), d = Ms(n), g = Ls(n), f = this.transformInv_(c), p = this.transformInv_(u), _ = this.transformInv_(d), y = this.transformInv_(g), x = N0 + (o ? Math.max(0, Math.ceil(Math.log2(Wo(n) / (o * o * 256 * 256)))) : 0);
    if (this.addQuad_(c, u, d, g, f, p, _, y, x), this.wrapsXInSource_) {
      let E = 1 / 0;
      this.triangles_.forEach(function(v, m, S) {
        E = Math.min(E, v.source[0][0], v.source[1][0], v.source[2][0]);
      }), this.triangles_.forEach((v) => {
        if (Math.max(v.source[0][0], v.source[1][0], v.source[2][0]) - E > this.sourceWorldWidth_ / 2) {
          const m = [[v.source[0][0], v.source[0][1]], [v.source[1][0], v.source[1][1]], [v.source[2][0], v.source[2][1]]];
          m[0][0] - E > this.sourceWorldWidth_ / 2 && (m[0][0] -= this.sourceWorldWidth_), m[1][0] - E > this.sourceWorldWidth_ / 2 && (m[1][0] -= this.sourceWorldWidth_), m[2][0] - E > this.sourceWorldWidth_ / 2 && (m[2][0] -= this.sourceWorldWidth_);
          const S = Math.min(m[0][0], m[1][0], m[2][0]);
          Math.max(m[0][0], m[1][0], m[2][0]) - S < this.sourceWorldWidth_ / 2 && (v.source = m);
        }
      });
    }
    l = {};
  }
  addTriangle_(e, t, n, r, s, o) {
    this.triangles_.push({ source: [r, s, o], target: [e, t, n] });
  }
  addQuad_(e, t, n, r, s, o, a, l, h) {
    const c = qe([s, o, a, l]), u = this.sourceWorldWidth_ ? ae(c) / this.sourceWorldWidth_ : null, d = this.sourceWorldWidth_, g = this.sourceProj_.canWrapX() && u > 0.5 && u < 1;
    let f = !1;
    if (h > 0) {
      if (this.targetProj_.isGlobal() && this.targetWorldWidth_) {
        const _ = qe([e, t, n, r]);
        f = ae(_) / this.targetWorldWidth_ > Yh || f;
      }
      !g && this.sourceProj_.isGlobal() && u && (f = u > Yh || f);
    }
    if (!f && this.maxSourceExtent_ && isFinite(c[0]) && isFinite(c[1]) && isFinite(c[2]) && isFinite(c[3]) && !Ye(c, this.maxSourceExtent_)) return;
    let p = 0;
    if (!f && (!isFinite(s[0]) || !isFinite(s[1]) || !isFinite(o[0]) || !isFinite(o[1]) || !isFinite(a[0]) || !isFinite(a[1]) || !isFinite(l[0]) || !isFinite(l[1]))) {
      if (h > 0) f = !0;
      else if (p = (!isFinite(s[0]) || !isFinite(s[1]) ? 8 : 0) + (!isFinite(o[0]) || !isFinite(o[1]) ? 4 : 0) + (!isFinite(a[0]) || !isFinite(a[1]) ? 2 : 0) + (!isFinite(l[0]) || !isFinite(l[1]) ? 1 : 0), p != 1 && p != 2 && p != 4 && p != 8) return;
    }
    if (h > 0) {
      if (!f) {
        const _ = [(e[0] + n[0]) / 2, (e[1] + n[1]) / 2], y = this.transformInv_(_);
        let x;
        g ? x = (Nn(s[0], d) + Nn(a[0], d)) / 2 - Nn(y[0], d) : x = (s[0] + a[0]) / 2 - y[0];
        const E = (s[1] + a[1]) / 2 - y[1];
        f = x * x + E * E > this.errorThresholdSquared_;
      }
      if (f) {
        if (Math.abs(e[0] - n[0]) <= Math.abs(e[1] - n[1])) {
          const _ = [(t[0] + n[0]) / 2, (t[1] + n[1]) / 2], y = this.transformInv_(_), x = [(r[0] + e[0]) / 2, (r[1] + e[1]) / 2], E = this.transformInv_(x);
          this.addQuad_(e, t, _, x, s, o, y, E, h - 1), this.addQuad_(x, _, n, r, E, y, a, l, h - 1);
        } else {
          const _ = [(e[0] + t[0]) / 2, (e[1] + t[1]) / 2], y = this.transformInv_(_), x = [(n[0] + r[0]) / 2, (n[1] + r[1]) / 2], E = this.transformInv_(x);
          this.addQuad_(e, _, x, r, s, y, E, l, h - 1), this.addQuad_(_, t, n, x, y, o, a, E, h - 1);
        }
        return;
      }
    }
    if (g) {
      if (!this.canWrapXInSource_) return;
      this.wrapsXInSource_ = !0;
    }
    (p & 11) == 0 && this.addTriangle_(e, n, r, s, a, l), (p & 14) == 0 && this.addTriangle_(e, n, t, s, a, o), p && ((p & 13) == 0 && this.addTriangle_(t, r, e, o, l, s), (p & 7) == 0 && this.addTriangle_(t, r, n, o, l, a));
  }
  calculateSourceExtent() {
    const e = ct();
    return this.triangles_.forEach(function(t, n, r) {
      const s = t.source;
      er(e, s[0]), er(e, s[1]), er(e, s[2]);
    }), e;
  }
  getTriangles() {
    return this.triangles_;
  }
}
const B0 = 0.5;
class Nu extends il {
  constructor(e, t, n, r, s, o, a, l, h, c, u, d) {
    super(s, V.IDLE, d), this.renderEdges_ = u !== void 0 ? u : !1, this.pixelRatio_ = a, this.gutter_ = l, this.canvas_ = null, this.sourceTileGrid_ = t, this.targetTileGrid_ = r, this.wrappedTileCoord_ = o || s, this.sourceTiles_ = [], this.sourcesListenerKeys_ = null, this.sourceZ_ = 0, this.clipExtent_ = e.canWrapX() ? e.getExtent() : void 0;
    const g = r.getTileCoordExtent(this.wrappedTileCoord_), f = this.targetTileGrid_.getExtent();
    let p = this.sourceTileGrid_.getExtent();
    const _ = f ? kn(g, f) : g;
    if (Wo(_) === 0) {
      this.state = V.EMPTY;
      return;
    }
    const y = e.getExtent();
    y && (p ? p = kn(p, y) : p = y);
    const x = r.getResolution(this.wrappedTileCoord_[0]), E = O0(e, n, _, x);
    if (!isFinite(E) || E <= 0) {
      this.state = V.EMPTY;
      return;
    }
    const v = c !== void 0 ? c : B0;
    if (this.triangulation_ = new G0(e, n, _, p, E * v, x), this.triangulation_.getTriangles().length === 0) {
      this.state = V.EMPTY;
      return;
    }
    this.sourceZ_ = t.getZForResolution(E);
    let m = this.triangulation_.calculateSourceExtent();
    if (p && (e.canWrapX() ? (m[1] = de(m[1], p[1], p[3]), m[3] = de(m[3], p[1], p[3])) : m = kn(m, p)), !Wo(m)) this.state = V.EMPTY;
    else {
      let S = 0, T = 0;
      e.canWrapX() && (S = ae(y), T = Math.floor((m[0] - y[0]) / S)), uc(m.slice(), e, !0).forEach((w) => {
        const b = t.getTileRangeForExtentAndZ(w, this.sourceZ_);
        for (let M = b.minX; M <= b.maxX; M++) for (let A = b.minY; A <= b.maxY; A++) {
          const P = h(this.sourceZ_, M, A, a);
          if (P) {
            const R = T * S;
            this.sourceTiles_.push({ tile: P, offset: R });
          }
        }
        ++T;
      }), this.sourceTiles_.length === 0 && (this.state = V.EMPTY);
    }
  }
  getImage() {
    return this.canvas_;
  }
  reproject_() {
    const e = [];
    if (this.sourceTiles_.forEach((t) => {
      const n = t.tile;
      if (n && n.getState() == V.LOADED) {
        const r = this.sourceTileGrid_.getTileCoordExtent(n.tileCoord);
        r[0] += t.offset, r[2] += t.offset;
        const s = this.clipExtent_?.slice();
        s && (s[0] += t.offset, s[2] += t.offset), e.push({ extent: r, clipExtent: s, image: n.getImage() });
      }
    }), this.sourceTiles_.length = 0, e.length === 0) this.state = V.ERROR;
    else {
      const t = this.wrappedTileCoord_[0], n = this.targetTileGrid_.getTileSize(t), r = typeof n == "number" ? n : n[0], s = typeof n == "number" ? n : n[1], o = this.targetTileGrid_.getResolution(t), a = this.sourceTileGrid_.getResolution(this.sourceZ_), l = this.targetTileGrid_.getTileCoordExtent(this.wrappedTileCoord_);
      this.canvas_ = k0(r, s, this.pixelRatio_, a, this.sourceTileGrid_.getExtent(), o, l, this.triangulation_, e, this.gutter_, this.renderEdges_, this.interpolate), this.state = V.LOADED;
    }
    this.changed();
  }
  load() {
    if (this.state == V.IDLE) {
      this.state = V.LOADING, this.changed();
      let e = 0;
      this.sourcesListenerKeys_ = [], this.sourceTiles_.forEach(({ tile: t }) => {
        const n = t.getState();
        if (n == V.IDLE || n == V.LOADING) {
          e++;
          const r = ee(t, Y.CHANGE, (s) => {
            const o = t.getState();
            (o == V.LOADED || o == V.ERROR || o == V.EMPTY) && (he(r), e--, e === 0 && (this.unlistenSources_(), this.reproject_()));
          });
          this.sourcesListenerKeys_.push(r);
        }
      }), e === 0 ? setTimeout(this.reproject_.bind(this), 0) : this.sourceTiles_.forEach(function({ tile: t }, n, r) {
        t.getState() == V.IDLE && t.load();
      });
    }
  }
  unlistenSources_() {
    this.sourcesListenerKeys_.forEach(he), this.sourcesListenerKeys_ = null;
  }
  release() {
    this.canvas_ && ($s(this.canvas_.getContext("2d")), Ci.push(this.canvas_), this.canvas_ = null), super.release();
  }
}
class Zh {
  constructor(e) {
    this.highWaterMark = e !== void 0 ? e : 2048, this.count_ = 0, this.entries_ = {}, this.oldest_ = null, this.newest_ = null;
  }
  deleteOldest() {
    const e = this.pop();
    e instanceof Lr && e.dispose();
  }
  canExpireCache() {
    return this.highWaterMark > 0 && this.getCount() > this.highWaterMark;
  }
  expireCache(e) {
    for (; this.canExpireCache(); ) this.deleteOldest();
  }
  clear() {
    for (; this.oldest_; ) this.deleteOldest();
  }
  containsKey(e) {
    return this.entries_.hasOwnProperty(e);
  }
  forEach(e) {
    let t = this.oldest_;
    for (; t; ) e(t.value_, t.key_, this), t = t.newer;
  }
  get(e, t) {
    const n = this.entries_[e];
    return ne(n !== void 0, "Tried to get a value for a key that does not exist in the cache"), n === this.newest_ || (n === this.oldest_ ? (this.oldest_ = this.oldest_.newer, this.oldest_.older = null) : (n.newer.older = n.older, n.older.newer = n.newer), n.newer = null, n.older = this.newest_, this.newest_.newer = n, this.newest_ = n), n.value_;
  }
  remove(e) {
    const t = this.entries_[e];
    return ne(t !== void 0, "Tried to get a value for a key that does not exist in the cache"), t === this.newest_ ? (this.newest_ = t.older, this.newest_ && (this.newest_.newer = null)) : t === this.oldest_ ? (this.oldest_ = t.newer, this.oldest_ && (this.oldest_.older = null)) : (t.newer.older = t.older, t.older.newer = t.newer), delete this.entries_[e], --this.count_, t.value_;
  }
  getCount() {
    return this.count_;
  }
  getKeys() {
    const e = new Array(this.count_);
    let t = 0, n;
    for (n = this.newest_; n; n = n.older) e[t++] = n.key_;
    return e;
  }
  getValues() {
    const e = new Array(this.count_);
    let t = 0, n;
    for (n = this.newest_; n; n = n.older) e[t++] = n.value_;
    return e;
  }
  peekLast() {
    return this.oldest_.value_;
  }
  peekLastKey() {
    return this.oldest_.key_;
  }
  peekFirstKey() {
    return this.newest_.key_;
  }
  peek(e) {
    return this.entries_[e]?.value_;
  }
  pop() {
    const e = this.oldest_;
    return delete this.entries_[e.key_], e.newer && (e.newer.older = null), this.oldest_ = e.newer, this.oldest_ || (this.newest_ = null), --this.count_, e.value_;
  }
  replace(e, t) {
    this.get(e), this.entries_[e].value_ = t;
  }
  set(e, t) {
    ne(!(e in this.entries_), "Tried to set a value for a key that is used already");
    const n = { key_: e, newer: null, older: this.newest_, value_: t };
    this.newest_ ? this.newest_.newer = n : this.oldest_ = n, this.newest_ = n, this.entries_[e] = n, ++this.count_;
  }
  setSize(e) {
    this.highWaterMark = e;
  }
}
function Is(i, e, t, n) {
  return n !== void 0 ? (n[0] = i, n[1] = e, n[2] = t, n) : [i, e, t];
}
function U0(i, e, t) {
  return i + "/" + e + "/" + t;
}
function ds(i, e, t, n, r) {
  return `${z(i)},${e},${U0(t, n, r)}`;
}
function z0(i) {
  return $0(i[0], i[1], i[2]);
}
function $0(i, e, t) {
  return (e << i) + t;
}
function V0(i, e) {
  const t = i[0], n = i[1], r = i[2];
  if (e.getMinZoom() > t || t > e.getMaxZoom()) return !1;
  const s = e.getFullTileRange(t);
  return s ? s.containsXY(n, r) : !0;
}
class ml extends tu {
  constructor(e, t) {
    super(e), t = t || {}, this.inversePixelTransform_ = we(), this.postProcesses_ = t.postProcesses, this.uniforms_ = t.uniforms, this.helper, this.onMapChanged_ = () => {
      this.clearCache(), this.removeHelper();
    }, e.addChangeListener(oe.MAP, this.onMapChanged_), this.dispatchPreComposeEvent = this.dispatchPreComposeEvent.bind(this), this.dispatchPostComposeEvent = this.dispatchPostComposeEvent.bind(this);
  }
  dispatchPreComposeEvent(e, t) {
    const n = this.getLayer();
    if (n.hasListener(Le.PRECOMPOSE)) {
      const r = new rr(Le.PRECOMPOSE, void 0, t, e);
      n.dispatchEvent(r);
    }
  }
  dispatchPostComposeEvent(e, t) {
    const n = this.getLayer();
    if (n.hasListener(Le.POSTCOMPOSE)) {
      const r = new rr(Le.POSTCOMPOSE, void 0, t, e);
      n.dispatchEvent(r);
    }
  }
  reset(e) {
    this.uniforms_ = e.uniforms, this.helper && this.helper.setUniforms(this.uniforms_);
  }
  removeHelper() {
    this.helper && (this.helper.dispose(), delete this.helper);
  }
  prepareFrame(e) {
    if (this.getLayer().getRenderSource()) {
      let t = !0, n = -1, r;
      for (let o = 0, a = e.layerStatesArray.length; o < a; o++) {
        const l = e.layerStatesArray[o].layer, h = l.getRenderer();
        if (!(h instanceof ml)) {
          t = !0;
          continue;
        }
        const c = l.getClassName();
        if ((t || c !== r) && (n += 1, t = !1), r = c, h === this) break;
      }
      const s = "map/" + e.mapId + "/group/" + n;
      (!this.helper || !this.helper.canvasCacheKeyMatches(s) || this.helper.needsToBeRecreated()) && (this.removeHelper(), this.helper = new b0({ postProcesses: this.postProcesses_, uniforms: this.uniforms_, canvasCacheKey: s }), r && (this.helper.getCanvas().className = r), this.afterHelperCreated());
    }
    return this.prepareFrameInternal(e);
  }
  afterHelperCreated() {
  }
  prepareFrameInternal(e) {
    return !0;
  }
  clearCache() {
  }
  disposeInternal() {
    this.clearCache(), this.removeHelper(), this.getLayer()?.removeChangeListener(oe.MAP, this.onMapChanged_), super.disposeInternal();
  }
  dispatchRenderEvent_(e, t, n) {
    const r = this.getLayer();
    if (r.hasListener(e)) {
      wt(this.inversePixelTransform_, 0, 0, n.pixelRatio, -n.pixelRatio, 0, 0, -n.size[1]);
      const s = new rr(e, this.inversePixelTransform_, n, t);
      r.dispatchEvent(s);
    }
  }
  preRender(e, t) {
    this.dispatchRenderEvent_(Le.PRERENDER, e, t);
  }
  postRender(e, t) {
    this.dispatchRenderEvent_(Le.POSTRENDER, e, t);
  }
}
const No = { TILE_TEXTURE_ARRAY: "u_tileTextures", TEXTURE_PIXEL_WIDTH: "u_texturePixelWidth", TEXTURE_PIXEL_HEIGHT: "u_texturePixelHeight" };
class W0 {
  constructor(e, t) {
    this.name = e, this.data = t, this.texture_ = null;
  }
  getTexture(e) {
    if (!this.texture_) {
      const t = e.createTexture();
      e.bindTexture(e.TEXTURE_2D, t), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_WRAP_S, e.CLAMP_TO_EDGE), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_WRAP_T, e.CLAMP_TO_EDGE), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_MIN_FILTER, e.NEAREST), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_MAG_FILTER, e.NEAREST), e.texImage2D(e.TEXTURE_2D, 0, e.RGBA, this.data.length / 4, 1, 0, e.RGBA, e.UNSIGNED_BYTE, this.data), this.texture_ = t;
    }
    return this.texture_;
  }
  delete(e) {
    this.texture_ && e.deleteTexture(this.texture_), this.texture_ = null;
  }
}
function j0(i, e) {
  return `operator_${i}_${Object.keys(e.functions).length}`;
}
function En(i) {
  const e = i.toString();
  return e.includes(".") ? e : e + ".0";
}
function yl(i) {
  if (i.length < 2 || i.length > 4) throw new Error("`formatArray` can only output `vec2`, `vec3` or `vec4` arrays.");
  return `vec${i.length}(${i.map(En).join(", ")})`;
}
function gs(i) {
  const e = Rt(i), t = e.length > 3 ? e[3] : 1;
  return yl([e[0] / 255, e[1] / 255, e[2] / 255, t]);
}
function X0(i) {
  const e = He(i);
  return yl(e);
}
const Go = {};
let Y0 = 0;
function br(i) {
  return i in Go || (Go[i] = Y0++), Go[i];
}
function Kt(i) {
  return En(br(i));
}
function xl(i) {
  return "u_var_" + i;
}
function Z0() {
  return { variables: {}, properties: {}, functions: {}, bandCount: 0, featureId: !1, geometryType: !1 };
}
const Bo = "getBandValue", H0 = "u_paletteTextures", Gu = "featureId", Bu = "geometryType", _a = -9999999;
function K0(i, e, t, n) {
  const r = De(i, e, t);
  return vl(r, e, n);
}
function ie(i) {
  return (e, t, n) => {
    const r = t.args.length, s = new Array(r);
    for (let o = 0; o < r; ++o) s[o] = vl(t.args[o], n, e);
    return i(s, e);
  };
}
const q0 = { [C.Get]: (i, e) => {
  const t = e.args[0].value;
  t in i.properties || (i.properties[t] = { name: t, type: e.type });
  let n = "a_prop_" + t;
  return Mt(e.type, Se) && (n = `(${n} > 0.0)`), n;
}, [C.Id]: (i) => (i.featureId = !0, "a_" + Gu), [C.GeometryType]: (i) => (i.geometryType = !0, "a_" + Bu), [C.LineMetric]: () => "currentLineMetric", [C.Var]: (i, e) => {
  const t = e.args[0].value;
  t in i.variables || (i.variables[t] = { name: t, type: e.type });
  let n = xl(t);
  return Mt(e.type, Se) && (n = `(${n} > 0.0)`), n;
}, [C.Has]: (i, e) => {
  const t = e.args[0].value;
  return t in i.properties || (i.properties[t] = { name: t, type: e.type }), `(a_prop_${t} != ${En(_a)})`;
}, [C.Resolution]: () => "u_resolution", [C.Zoom]: () => "u_zoom", [C.Time]: () => "u_time", [C.Any]: ie((i) => `(${i.join(" || ")})`), [C.All]: ie((i) => `(${i.join(" && ")})`), [C.Not]: ie(([i]) => `(!${i})`), [C.Equal]: ie(([i, e]) => `(${i} == ${e})`), [C.NotEqual]: ie(([i, e]) => `(${i} != ${e})`), [C.GreaterThan]: ie(([i, e]) => `(${i} > ${e})`), [C.GreaterThanOrEqualTo]: ie(([i, e]) => `(${i} >= ${e})`), [C.LessThan]: ie(([i, e]) => `(${i} < ${e})`), [C.LessThanOrEqualTo]: ie(([i, e]) => `(${i} <= ${e})`), [C.Multiply]: ie((i) => `(${i.join(" * ")})`), [C.Divide]: ie(([i, e]) => `(${i} / ${e})`), [C.Add]: ie((i) => `(${i.join(" + ")})`), [C.Subtract]: ie(([i, e]) => `(${i} - ${e})`), [C.Clamp]: ie(([i, e, t]) => `clamp(${i}, ${e}, ${t})`), [C.Mod]: ie(([i, e]) => `mod(${i}, ${e})`), [C.Pow]: ie(([i, e]) => `pow(${i}, ${e})`), [C.Abs]: ie(([i]) => `abs(${i})`), [C.Floor]: ie(([i]) => `floor(${i})`), [C.Ceil]: ie(([i]) => `ceil(${i})`), [C.Round]: ie(([i]) => `floor(${i} + 0.5)`), [C.Sin]: ie(([i]) => `sin(${i})`), [C.Cos]: ie(([i]) => `cos(${i})`), [C.Atan]: ie(([i, e]) => e !== void 0 ? `atan(${i}, ${e})` : `atan(${i})`), [C.Sqrt]: ie(([i]) => `sqrt(${i})`), [C.Match]: ie((i) => {
  const e = i[0], t = i[i.length - 1];
  let n = null;
  for (let r = i.length - 3; r >= 1; r -= 2) {
    const s = i[r], o = i[r + 1];
    n = `(${e} == ${s} ? ${o} : ${n || t})`;
  }
  return n;
}), [C.Between]: ie(([i, e, t]) => `(${i} >= ${e} && ${i} <= ${t})`), [C.Interpolate]: ie(([i, e, ...t]) => {
  let n = "";
  for (let r = 0; r < t.length - 2; r += 2) {
    const s = t[r], o = n || t[r + 1], a = t[r + 2], l = t[r + 3];
    let h;
    i === En(1) ? h = `(${e} - ${s}) / (${a} - ${s})` : h = `(pow(${i}, (${e} - ${s})) - 1.0) / (pow(${i}, (${a} - ${s})) - 1.0)`, n = `mix(${o}, ${l}, clamp(${h}, 0.0, 1.0))`;
  }
  return n;
}), [C.Case]: ie((i) => {
  const e = i[i.length - 1];
  let t = null;
  for (let n = i.length - 3; n >= 0; n -= 2) {
    const r = i[n], s = i[n + 1];
    t = `(${r} ? ${s} : ${t || e})`;
  }
  return t;
}), [C.In]: ie(([i, ...e], t) => {
  const n = j0("in", t), r = [];
  for (let s = 0; s < e.length; s += 1) r.push(`  if (inputValue == ${e[s]}) { return true; }`);
  return t.functions[n] = `bool ${n}(float inputValue) {
${r.join(`
`)}
  return false;
}`, `${n}(${i})`;
}), [C.Array]: ie((i) => `vec${i.length}(${i.join(", ")})`), [C.Color]: ie((i) => {
  if (i.length === 1) return `vec4(vec3(${i[0]} / 255.0), 1.0)`;
  if (i.length === 2) return `vec4(vec3(${i[0]} / 255.0), ${i[1]})`;
  const e = i.slice(0, 3).map((n) => `${n} / 255.0`);
  if (i.length === 3) return `vec4(${e.join(", ")}, 1.0)`;
  const t = i[3];
  return `vec4(${e.join(", ")}, ${t})`;
}), [C.Band]: ie(([i, e, t], n) => {
  if (!(Bo in n.functions)) {
    let r = "";
    const s = n.bandCount || 1;
    for (let o = 0; o < s; o++) {
      const a = Math.floor(o / 4);
      let l = o % 4;
      o === s - 1 && l === 1 && (l = 3);
      const h = `${No.TILE_TEXTURE_ARRAY}[${a}]`;
      r += `  if (band == ${o + 1}.0) {
    return texture2D(${h}, v_textureCoord + vec2(dx, dy))[${l}];
  }
`;
    }
    n.functions[Bo] = `float getBandValue(float band, float xOffset, float yOffset) {
  float dx = xOffset / ${No.TEXTURE_PIXEL_WIDTH};
  float dy = yOffset / ${No.TEXTURE_PIXEL_HEIGHT};
${r}
}`;
  }
  return `${Bo}(${i}, ${e ?? "0.0"}, ${t ?? "0.0"})`;
}), [C.Palette]: (i, e) => {
  const [t, ...n] = e.args, r = n.length, s = new Uint8Array(r * 4);
  for (let h = 0; h < n.length; h++) {
    const c = n[h].value, u = Rt(c), d = h * 4;
    s[d] = u[0], s[d + 1] = u[1], s[d + 2] = u[2], s[d + 3] = u[3] * 255;
  }
  i.paletteTextures || (i.paletteTextures = []);
  const o = `${H0}[${i.paletteTextures.length}]`, a = new W0(o, s);
  i.paletteTextures.push(a);
  const l = vl(t, N, i);
  return `texture2D(${o}, vec2((${l} + 0.5) / ${r}.0, 0.5))`;
} };
function vl(i, e, t) {
  if (i instanceof iu) {
    const n = q0[i.operator];
    if (n === void 0) throw new Error(`No compiler defined for this operator: ${JSON.stringify(i.operator)}`);
    return n(t, i, e);
  }
  if ((i.type & N) > 0) return En(i.value);
  if ((i.type & Se) > 0) return i.value.toString();
  if ((i.type & Te) > 0) return Kt(i.value.toString());
  if ((i.type & ue) > 0) return gs(i.value);
  if ((i.type & rt) > 0) return yl(i.value);
  if ((i.type & yt) > 0) return X0(i.value);
  throw new Error(`Unexpected expression ${i.value} (expected type ${mi(e)})`);
}
function El(i, e, t, n) {
  let r = 0;
  for (const s in e) {
    const o = e[s], a = o.callback.call(t, t.feature);
    let l = a?.[0] ?? a;
    l === _a && console.warn('The "has" operator might return false positives.'), l === void 0 ? l = _a : l === null && (l = 0), i[n + r++] = l, !(!o.size || o.size === 1) && (i[n + r++] = a[1], !(o.size < 3) && (i[n + r++] = a[2], !(o.size < 4) && (i[n + r++] = a[3])));
  }
  return r;
}
function Js(i) {
  return Object.keys(i).reduce((e, t) => e + (i[t].size || 1), 0);
}
function J0(i, e, t, n) {
  const r = (2 + Js(t)) * i.geometriesCount;
  (!e || e.length !== r) && (e = new Float32Array(r));
  const s = [];
  let o = 0;
  for (const a in i.entries) {
    const l = i.entries[a];
    for (let h = 0, c = l.flatCoordss.length; h < c; h++) s[0] = l.flatCoordss[h][0], s[1] = l.flatCoordss[h][1], me(n, s), e[o++] = s[0], e[o++] = s[1], o += El(e, t, l, o);
  }
  return e;
}
function Q0(i, e, t, n) {
  const r = 3 * i.verticesCount + (1 + Js(t)) * i.geometriesCount;
  (!e || e.length !== r) && (e = new Float32Array(r));
  const s = [];
  let o = 0;
  for (const a in i.entries) {
    const l = i.entries[a];
    for (let h = 0, c = l.flatCoordss.length; h < c; h++) {
      s.length = l.flatCoordss[h].length, Bt(l.flatCoordss[h], 0, s.length, 3, n, s, 3), o += El(e, t, l, o), e[o++] = s.length / 3;
      for (let u = 0, d = s.length; u < d; u += 3) e[o++] = s[u], e[o++] = s[u + 1], e[o++] = s[u + 2];
    }
  }
  return e;
}
function ey(i, e, t, n) {
  const r = 2 * i.verticesCount + (1 + Js(t)) * i.geometriesCount + i.ringsCount;
  (!e || e.length !== r) && (e = new Float32Array(r));
  const s = [];
  let o = 0;
  for (const a in i.entries) {
    const l = i.entries[a];
    for (let h = 0, c = l.flatCoordss.length; h < c; h++) {
      s.length = l.flatCoordss[h].length, Bt(l.flatCoordss[h], 0, s.length, 2, n, s), o += El(e, t, l, o), e[o++] = l.ringsVerticesCounts[h].length;
      for (let u = 0, d = l.ringsVerticesCounts[h].length; u < d; u++) e[o++] = l.ringsVerticesCounts[h][u];
      for (let u = 0, d = s.length; u < d; u += 2) e[o++] = s[u], e[o++] = s[u + 1];
    }
  }
  return e;
}
function ty() {
  return { "fill-color": "rgba(255,255,255,0.4)", "stroke-color": "#3399CC", "stroke-width": 1.25, "circle-radius": 5, "circle-fill-color": "rgba(255,255,255,0.4)", "circle-stroke-width": 1.25, "circle-stroke-color": "#3399CC" };
}
const Hh = 0.985;
function Z(i, e, t) {
  const n = Za();
  return K0(e, t, n, i);
}
function ny(i) {
  const e = Rt(i), t = e[0] * 256, n = e[1], r = e[2] * 256, s = Math.round(e[3] * 255);
  return [t + n, r + s];
}
const iy = `vec4 unpackColor(vec2 packedColor) {
  return vec4(
    min(floor(packedColor[0] / 256.0) / 255.0, 1.0),
    min(mod(packedColor[0], 256.0) / 255.0, 1.0),
    min(floor(packedColor[1] / 256.0) / 255.0, 1.0),
    min(mod(packedColor[1], 256.0) / 255.0, 1.0)
  );
}`;
function Cl(i) {
  return i === ue || i === yt ? 2 : i === rt ? 4 : 1;
}
function pa(i) {
  const e = Cl(i);
  return e > 1 ? `vec${e}` : "float";
}
function ry(i, e) {
  for (const t in e.variables) {
    const n = e.variables[t], r = xl(n.name);
    let s = pa(n.type);
    n.type === ue && (s = "vec4"), i.addUniform(r, s);
  }
  for (const t in e.properties) {
    const n = e.properties[t], r = pa(n.type), s = `a_prop_${n.name}`;
    n.type === ue ? i.addAttribute(s, r, `unpackColor(${s})`, "vec4") : i.addAttribute(s, r);
  }
  for (const t in e.functions) i.addVertexShaderFunction(e.functions[t]), i.addFragmentShaderFunction(e.functions[t]);
}
function sy(i, e) {
  const t = {};
  for (const n in i.variables) {
    const r = i.variables[n], s = xl(r.name);
    t[s] = () => {
      const o = e[r.name];
      if (typeof o == "number") return o;
      if (typeof o == "boolean") return o ? 1 : 0;
      if (r.type === ue) {
        const a = [...Rt(o || "#eee")];
        return a[0] /= 255, a[1] /= 255, a[2] /= 255, a[3] ??= 1, a;
      }
      return typeof o == "string" ? br(o) : o;
    };
  }
  return t;
}
function oy(i) {
  const e = {};
  for (const t in i.properties) {
    const n = i.properties[t], r = (s) => {
      const o = s.get(n.name);
      return n.type === ue ? ny([...Rt(o || "#eee")]) : typeof o == "string" ? br(o) : typeof o == "boolean" ? o ? 1 : 0 : o;
    };
    e[`prop_${n.name}`] = { size: Cl(n.type), callback: r };
  }
  return e;
}
const ai = `#ifdef GL_FRAGMENT_PRECISION_HIGH
precision highp float;
#else
precision mediump float;
#endif
uniform mat4 u_projectionMatrix;
uniform mat4 u_screenToWorldMatrix;
uniform vec2 u_viewportSizePx;
uniform float u_pixelRatio;
uniform float u_globalAlpha;
uniform float u_time;
uniform float u_zoom;
uniform float u_resolution;
uniform float u_rotation;
uniform vec4 u_renderExtent;
uniform vec2 u_patternOrigin;
uniform float u_depth;
uniform mediump int u_hitDetection;

const float PI = 3.141592653589793238;
const float TWO_PI = 2.0 * PI;
float currentLineMetric = 0.; // an actual value will be used in the stroke shaders

${iy}
`, li = ty();
class ay {
  constructor() {
    this.uniforms_ = [], this.attributes_ = [], this.hasSymbol_ = !1, this.symbolSizeExpression_ = `vec2(${En(li["circle-radius"])} + ${En(li["circle-stroke-width"] * 0.5)})`, this.symbolRotationExpression_ = "0.0", this.symbolOffsetExpression_ = "vec2(0.0)", this.symbolColorExpression_ = gs(li["circle-fill-color"]), this.texCoordExpression_ = "vec4(0.0, 0.0, 1.0, 1.0)", this.discardExpression_ = "false", this.symbolRotateWithView_ = !1, this.hasStroke_ = !1, this.strokeWidthExpression_ = En(li["stroke-width"]), this.strokeColorExpression_ = gs(li["stroke-color"]), this.strokeOffsetExpression_ = "0.", this.strokeCapExpression_ = Kt("round"), this.strokeJoinExpression_ = Kt("round"), this.strokeMiterLimitExpression_ = "10.", this.strokeDistanceFieldExpression_ = "-1000.", this.strokePatternLengthExpression_ = null, this.hasFill_ = !1, this.fillColorExpression_ = gs(li["fill-color"]), this.vertexShaderFunctions_ = [], this.fragmentShaderFunctions_ = [];
  }
  addUniform(e, t) {
    return this.uniforms_.push({ name: e, type: t }), this;
  }
  addAttribute(e, t, n, r) {
    return this.attributes_.push({ name: e, type: t, varyingName: e.replace(/^a_/, "v_"), varyingType: r ?? t, varyingExpression: n ?? e }), this;
  }
  setSymbolSizeExpression(e) {
    return this.hasSymbol_ = !0, this.symbolSizeExpression_ = e, this;
  }
  getSymbolSizeExpression() {
    return this.symbolSizeExpression_;
  }
  setSymbolRotationExpression(e) {
    return this.symbolRotationExpression_ = e, this;
  }
  setSymbolOffsetExpression(e) {
    return this.symbolOffsetExpression_ = e, this;
  }
  getSymbolOffsetExpression() {
    return this.symbolOffsetExpression_;
  }
  setSymbolColorExpression(e) {
    return this.hasSymbol_ = !0, this.symbolColorExpression_ = e, this;
  }
  getSymbolColorExpression() {
    return this.symbolColorExpression_;
  }
  setTextureCoordinateExpression(e) {
    return this.texCoordExpression_ = e, this;
  }
  setFragmentDiscardExpression(e) {
    return this.discardExpression_ = e, this;
  }
  getFragmentDiscardExpression() {
    return this.discardExpression_;
  }
  setSymbolRotateWithView(e) {
    return this.symbolRotateWithView_ = e, this;
  }
  setStrokeWidthExpression(e) {
    return this.hasStroke_ = !0, this.strokeWidthExpression_ = e, this;
  }
  setStrokeColorExpression(e) {
    return this.hasStroke_ = !0, this.strokeColorExpression_ = e, this;
  }
  getStrokeColorExpression() {
    return this.strokeColorExpression_;
  }
  setStrokeOffsetExpression(e) {
    return this.strokeOffsetExpression_ = e, this;
  }
  setStrokeCapExpression(e) {
    return this.strokeCapExpression_ = e, this;
  }
  setStrokeJoinExpression(e) {
    return this.strokeJoinExpression_ = e, this;
  }
  setStrokeMiterLimitExpression(e) {
    return this.strokeMiterLimitExpression_ = e, this;
  }
  setStrokeDistanceFieldExpression(e) {
    return this.strokeDistanceFieldExpression_ = e, this;
  }
  setStrokePatternLengthExpression(e) {
    return this.strokePatternLengthExpression_ = e, this;
  }
  getStrokePatternLengthExpression() {
    return this.strokePatternLengthExpression_;
  }
  setFillColorExpression(e) {
    return this.hasFill_ = !0, this.fillColorExpression_ = e, this;
  }
  getFillColorExpression() {
    return this.fillColorExpression_;
  }
  addVertexShaderFunction(e) {
    return this.vertexShaderFunctions_.includes(e) ? this : (this.vertexShaderFunctions_.push(e), this);
  }
  addFragmentShaderFunction(e) {
    return this.fragmentShaderFunctions_.includes(e) ? this : (this.fragmentShaderFunctions_.push(e), this);
  }
  getSymbolVertexShader() {
    return this.hasSymbol_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
attribute vec2 a_position;
attribute vec2 a_localPosition;
attribute vec2 a_hitColor;

varying vec2 v_texCoord;
varying vec2 v_quadCoord;
varying vec4 v_hitColor;
varying vec2 v_centerPx;
varying float v_angle;
varying vec2 v_quadSizePx;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.vertexShaderFunctions_.join(`
`)}
vec2 pxToScreen(vec2 coordPx) {
  vec2 scaled = coordPx / u_viewportSizePx / 0.5;
  return scaled;
}

vec2 screenToPx(vec2 coordScreen) {
  return (coordScreen * 0.5 + 0.5) * u_viewportSizePx;
}

void main(void) {
  v_quadSizePx = ${this.symbolSizeExpression_};
  vec2 halfSizePx = v_quadSizePx * 0.5;
  vec2 centerOffsetPx = ${this.symbolOffsetExpression_};
  vec2 offsetPx = centerOffsetPx + a_localPosition * halfSizePx * vec2(1., -1.);
  float angle = ${this.symbolRotationExpression_}${this.symbolRotateWithView_ ? " + u_rotation" : ""};
  float c = cos(-angle);
  float s = sin(-angle);
  offsetPx = vec2(c * offsetPx.x - s * offsetPx.y, s * offsetPx.x + c * offsetPx.y);
  vec4 center = u_projectionMatrix * vec4(a_position, 0.0, 1.0);
  gl_Position = center + vec4(pxToScreen(offsetPx), u_depth, 0.);
  vec4 texCoord = ${this.texCoordExpression_};
  float u = mix(texCoord.s, texCoord.p, a_localPosition.x * 0.5 + 0.5);
  float v = mix(texCoord.t, texCoord.q, a_localPosition.y * 0.5 + 0.5);
  v_texCoord = vec2(u, v);
  v_hitColor = unpackColor(a_hitColor);
  v_angle = angle;
  c = cos(-v_angle);
  s = sin(-v_angle);
  centerOffsetPx = vec2(c * centerOffsetPx.x - s * centerOffsetPx.y, s * centerOffsetPx.x + c * centerOffsetPx.y);
  v_centerPx = screenToPx(center.xy) + centerOffsetPx;
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join(`
`)}
}` : null;
  }
  getSymbolFragmentShader() {
    return this.hasSymbol_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
varying vec2 v_texCoord;
varying vec4 v_hitColor;
varying vec2 v_centerPx;
varying float v_angle;
varying vec2 v_quadSizePx;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.fragmentShaderFunctions_.join(`
`)}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join(`
`)}
  if (${this.discardExpression_}) { discard; }
  vec2 coordsPx = gl_FragCoord.xy / u_pixelRatio - v_centerPx; // relative to center
  float c = cos(v_angle);
  float s = sin(v_angle);
  coordsPx = vec2(c * coordsPx.x - s * coordsPx.y, s * coordsPx.x + c * coordsPx.y);
  gl_FragColor = ${this.symbolColorExpression_};
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.05) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
  }
  getStrokeVertexShader() {
    return this.hasStroke_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
attribute vec2 a_segmentStart;
attribute vec2 a_segmentEnd;
attribute vec2 a_localPosition;
attribute float a_measureStart;
attribute float a_measureEnd;
attribute float a_angleTangentSum;
attribute float a_distanceLow;
attribute float a_distanceHigh;
attribute vec2 a_joinAngles;
attribute vec2 a_hitColor;

varying vec2 v_segmentStartPx;
varying vec2 v_segmentEndPx;
varying float v_angleStart;
varying float v_angleEnd;
varying float v_width;
varying vec4 v_hitColor;
varying float v_distancePx;
varying float v_measureStart;
varying float v_measureEnd;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.vertexShaderFunctions_.join(`
`)}
vec2 worldToPx(vec2 worldPos) {
  vec4 screenPos = u_projectionMatrix * vec4(worldPos, 0.0, 1.0);
  return (0.5 * screenPos.xy + 0.5) * u_viewportSizePx;
}

vec4 pxToScreen(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return vec4(screenPos, u_depth, 1.0);
}

bool isCap(float joinAngle) {
  return joinAngle < -0.1;
}

vec2 getJoinOffsetDirection(vec2 normalPx, float joinAngle) {
  float halfAngle = joinAngle / 2.0;
  float c = cos(halfAngle);
  float s = sin(halfAngle);
  vec2 angleBisectorNormal = vec2(s * normalPx.x + c * normalPx.y, -c * normalPx.x + s * normalPx.y);
  float length = 1.0 / s;
  return angleBisectorNormal * length;
}

vec2 getOffsetPoint(vec2 point, vec2 normal, float joinAngle, float offsetPx) {
  // if on a cap or the join angle is too high, offset the line along the segment normal
  if (cos(joinAngle) > 0.998 || isCap(joinAngle)) {
    return point - normal * offsetPx;
  }
  // offset is applied along the inverted normal (positive offset goes "right" relative to line direction)
  return point - getJoinOffsetDirection(normal, joinAngle) * offsetPx;
}

void main(void) {
  v_angleStart = a_joinAngles.x;
  v_angleEnd = a_joinAngles.y;
  float startEndRatio = a_localPosition.x * 0.5 + 0.5;
  currentLineMetric = mix(a_measureStart, a_measureEnd, startEndRatio);
  // we're reading the fractional part while keeping the sign (so -4.12 gives -0.12, 3.45 gives 0.45)

  float lineWidth = ${this.strokeWidthExpression_};
  float lineOffsetPx = ${this.strokeOffsetExpression_};

  // compute segment start/end in px with offset
  vec2 segmentStartPx = worldToPx(a_segmentStart);
  vec2 segmentEndPx = worldToPx(a_segmentEnd);
  vec2 tangentPx = normalize(segmentEndPx - segmentStartPx);
  vec2 normalPx = vec2(-tangentPx.y, tangentPx.x);
  segmentStartPx = getOffsetPoint(segmentStartPx, normalPx, v_angleStart, lineOffsetPx),
  segmentEndPx = getOffsetPoint(segmentEndPx, normalPx, v_angleEnd, lineOffsetPx);

  // compute current vertex position
  float normalDir = -1. * a_localPosition.y;
  float tangentDir = -1. * a_localPosition.x;
  float angle = mix(v_angleStart, v_angleEnd, startEndRatio);
  vec2 joinDirection;
  vec2 positionPx = mix(segmentStartPx, segmentEndPx, startEndRatio);
  // if angle is too high, do not make a proper join
  if (cos(angle) > ${Hh} || isCap(angle)) {
    joinDirection = normalPx * normalDir - tangentPx * tangentDir;
  } else {
    joinDirection = getJoinOffsetDirection(normalPx * normalDir, angle);
  }
  positionPx = positionPx + joinDirection * (lineWidth * 0.5 + 1.); // adding 1 pixel for antialiasing
  gl_Position = pxToScreen(positionPx);

  v_segmentStartPx = segmentStartPx;
  v_segmentEndPx = segmentEndPx;
  v_width = lineWidth;
  v_hitColor = unpackColor(a_hitColor);

  v_distancePx = a_distanceLow / u_resolution - (lineOffsetPx * a_angleTangentSum);
  float distanceHighPx = a_distanceHigh / u_resolution;
  ${this.strokePatternLengthExpression_ !== null ? `v_distancePx = mod(v_distancePx, ${this.strokePatternLengthExpression_});
  distanceHighPx = mod(distanceHighPx, ${this.strokePatternLengthExpression_});
  ` : ""}v_distancePx += distanceHighPx;

  v_measureStart = a_measureStart;
  v_measureEnd = a_measureEnd;
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join(`
`)}
}` : null;
  }
  getStrokeFragmentShader() {
    return this.hasStroke_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
varying vec2 v_segmentStartPx;
varying vec2 v_segmentEndPx;
varying float v_angleStart;
varying float v_angleEnd;
varying float v_width;
varying vec4 v_hitColor;
varying float v_distancePx;
varying float v_measureStart;
varying float v_measureEnd;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.fragmentShaderFunctions_.join(`
`)}

vec2 pxToWorld(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return (u_screenToWorldMatrix * vec4(screenPos, 0.0, 1.0)).xy;
}

bool isCap(float joinAngle) {
  return joinAngle < -0.1;
}

float segmentDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  vec2 tangent = normalize(end - start);
  vec2 normal = vec2(-tangent.y, tangent.x);
  vec2 startToPoint = point - start;
  return abs(dot(startToPoint, normal)) - width * 0.5;
}

float buttCapDistanceField(vec2 point, vec2 start, vec2 end) {
  vec2 startToPoint = point - start;
  vec2 tangent = normalize(end - start);
  return dot(startToPoint, -tangent);
}

float squareCapDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  return buttCapDistanceField(point, start, end) - width * 0.5;
}

float roundCapDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  float onSegment = max(0., 1000. * dot(point - start, end - start)); // this is very high when inside the segment
  return length(point - start) - width * 0.5 - onSegment;
}

float roundJoinDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  return roundCapDistanceField(point, start, end, width);
}

float bevelJoinField(vec2 point, vec2 start, vec2 end, float width, float joinAngle) {
  vec2 startToPoint = point - start;
  vec2 tangent = normalize(end - start);
  float c = cos(joinAngle * 0.5);
  float s = sin(joinAngle * 0.5);
  float direction = -sign(sin(joinAngle));
  vec2 bisector = vec2(c * tangent.x - s * tangent.y, s * tangent.x + c * tangent.y);
  float radius = width * 0.5 * s;
  return dot(startToPoint, bisector * direction) - radius;
}

float miterJoinDistanceField(vec2 point, vec2 start, vec2 end, float width, float joinAngle) {
  if (cos(joinAngle) > ${Hh}) { // avoid risking a division by zero
    return bevelJoinField(point, start, end, width, joinAngle);
  }
  float miterLength = 1. / sin(joinAngle * 0.5);
  float miterLimit = ${this.strokeMiterLimitExpression_};
  if (miterLength > miterLimit) {
    return bevelJoinField(point, start, end, width, joinAngle);
  }
  return -1000.;
}

float capDistanceField(vec2 point, vec2 start, vec2 end, float width, float capType) {
   if (capType == ${Kt("butt")}) {
    return buttCapDistanceField(point, start, end);
  } else if (capType == ${Kt("square")}) {
    return squareCapDistanceField(point, start, end, width);
  }
  return roundCapDistanceField(point, start, end, width);
}

float joinDistanceField(vec2 point, vec2 start, vec2 end, float width, float joinAngle, float joinType) {
  if (joinType == ${Kt("bevel")}) {
    return bevelJoinField(point, start, end, width, joinAngle);
  } else if (joinType == ${Kt("miter")}) {
    return miterJoinDistanceField(point, start, end, width, joinAngle);
  }
  return roundJoinDistanceField(point, start, end, width);
}

float computeSegmentPointDistance(vec2 point, vec2 start, vec2 end, float width, float joinAngle, float capType, float joinType) {
  if (isCap(joinAngle)) {
    return capDistanceField(point, start, end, width, capType);
  }
  return joinDistanceField(point, start, end, width, joinAngle, joinType);
}

float distanceFromSegment(vec2 point, vec2 start, vec2 end) {
  vec2 tangent = end - start;
  vec2 startToPoint = point - start;
  // inspire by capsule fn in https://iquilezles.org/articles/distfunctions/
  float h = clamp(dot(startToPoint, tangent) / dot(tangent, tangent), 0.0, 1.0);
  return length(startToPoint - tangent * h);
}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join(`
`)}

  vec2 currentPointPx = gl_FragCoord.xy / u_pixelRatio;
  #ifdef GL_FRAGMENT_PRECISION_HIGH
  vec2 worldPos = pxToWorld(currentPointPx);
  if (
    abs(u_renderExtent[0] - u_renderExtent[2]) > 0.0 && (
      worldPos[0] < u_renderExtent[0] ||
      worldPos[1] < u_renderExtent[1] ||
      worldPos[0] > u_renderExtent[2] ||
      worldPos[1] > u_renderExtent[3]
    )
  ) {
    discard;
  }
  #endif

  float segmentLengthPx = length(v_segmentEndPx - v_segmentStartPx);
  segmentLengthPx = max(segmentLengthPx, 1.17549429e-38); // avoid divide by zero
  vec2 segmentTangent = (v_segmentEndPx - v_segmentStartPx) / segmentLengthPx;
  vec2 segmentNormal = vec2(-segmentTangent.y, segmentTangent.x);
  vec2 startToPointPx = currentPointPx - v_segmentStartPx;
  float lengthToPointPx = max(0., min(dot(segmentTangent, startToPointPx), segmentLengthPx));
  float currentLengthPx = lengthToPointPx + v_distancePx;
  float currentRadiusPx = distanceFromSegment(currentPointPx, v_segmentStartPx, v_segmentEndPx);
  float currentRadiusRatio = dot(segmentNormal, startToPointPx) * 2. / v_width;
  currentLineMetric = mix(v_measureStart, v_measureEnd, lengthToPointPx / segmentLengthPx);

  if (${this.discardExpression_}) { discard; }

  float capType = ${this.strokeCapExpression_};
  float joinType = ${this.strokeJoinExpression_};
  float segmentStartDistance = computeSegmentPointDistance(currentPointPx, v_segmentStartPx, v_segmentEndPx, v_width, v_angleStart, capType, joinType);
  float segmentEndDistance = computeSegmentPointDistance(currentPointPx, v_segmentEndPx, v_segmentStartPx, v_width, v_angleEnd, capType, joinType);
  float distanceField = max(
    segmentDistanceField(currentPointPx, v_segmentStartPx, v_segmentEndPx, v_width),
    max(segmentStartDistance, segmentEndDistance)
  );
  distanceField = max(distanceField, ${this.strokeDistanceFieldExpression_});

  vec4 color = ${this.strokeColorExpression_};
  color.a *= smoothstep(0.5, -0.5, distanceField);
  gl_FragColor = color;
  gl_FragColor.a *= u_globalAlpha;
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.1) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
  }
  getFillVertexShader() {
    return this.hasFill_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
attribute vec2 a_position;
attribute vec2 a_hitColor;

varying vec4 v_hitColor;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.vertexShaderFunctions_.join(`
`)}
void main(void) {
  gl_Position = u_projectionMatrix * vec4(a_position, u_depth, 1.0);
  v_hitColor = unpackColor(a_hitColor);
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join(`
`)}
}` : null;
  }
  getFillFragmentShader() {
    return this.hasFill_ ? `${ai}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join(`
`)}
varying vec4 v_hitColor;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join(`
`)}
${this.fragmentShaderFunctions_.join(`
`)}
vec2 pxToWorld(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return (u_screenToWorldMatrix * vec4(screenPos, 0.0, 1.0)).xy;
}

vec2 worldToPx(vec2 worldPos) {
  vec4 screenPos = u_projectionMatrix * vec4(worldPos, 0.0, 1.0);
  return (0.5 * screenPos.xy + 0.5) * u_viewportSizePx;
}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join(`
`)}
  vec2 pxPos = gl_FragCoord.xy / u_pixelRatio;
  vec2 pxOrigin = worldToPx(u_patternOrigin);
  #ifdef GL_FRAGMENT_PRECISION_HIGH
  vec2 worldPos = pxToWorld(pxPos);
  if (
    abs(u_renderExtent[0] - u_renderExtent[2]) > 0.0 && (
      worldPos[0] < u_renderExtent[0] ||
      worldPos[1] < u_renderExtent[1] ||
      worldPos[0] > u_renderExtent[2] ||
      worldPos[1] > u_renderExtent[3]
    )
  ) {
    discard;
  }
  #endif
  if (${this.discardExpression_}) { discard; }
  gl_FragColor = ${this.fillColorExpression_};
  gl_FragColor.a *= u_globalAlpha;
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.1) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
  }
}
function Fs(i) {
  return (JSON.stringify(i).split("").reduce((e, t) => (e << 5) - e + t.charCodeAt(0), 0) >>> 0).toString();
}
function Sl(i, e, t, n) {
  if (`${n}radius` in i && n !== "icon-") {
    let r = Z(t, i[`${n}radius`], N);
    if (`${n}radius2` in i) {
      const s = Z(t, i[`${n}radius2`], N);
      r = `max(${r}, ${s})`;
    }
    `${n}stroke-width` in i && (r = `(${r} + ${Z(t, i[`${n}stroke-width`], N)} * 0.5)`), e.setSymbolSizeExpression(`vec2(${r} * 2. + 0.5)`);
  }
  if (`${n}scale` in i) {
    const r = Z(t, i[`${n}scale`], yt);
    e.setSymbolSizeExpression(`${e.getSymbolSizeExpression()} * ${r}`);
  }
  `${n}displacement` in i && e.setSymbolOffsetExpression(Z(t, i[`${n}displacement`], rt)), `${n}rotation` in i && e.setSymbolRotationExpression(Z(t, i[`${n}rotation`], N)), `${n}rotate-with-view` in i && e.setSymbolRotateWithView(!!i[`${n}rotate-with-view`]);
}
function Uu(i, e, t, n, r) {
  let s = "vec4(0.)";
  if (e !== null && (s = e), t !== null && n !== null) {
    const l = `smoothstep(-${n} + 0.63, -${n} - 0.58, ${i})`;
    s = `mix(${t}, ${s}, ${l})`;
  }
  const o = `(1.0 - smoothstep(-0.63, 0.58, ${i}))`;
  let a = `${s} * vec4(1.0, 1.0, 1.0, ${o})`;
  return r !== null && (a = `${a} * vec4(1.0, 1.0, 1.0, ${r})`), a;
}
function Tl(i, e, t, n, r) {
  const s = new Image();
  s.crossOrigin = i[`${n}cross-origin`] === void 0 ? "anonymous" : i[`${n}cross-origin`], ne(typeof i[`${n}src`] == "string", `WebGL layers do not support expressions for the ${n}src style property`), s.src = i[`${n}src`], t[`u_texture${r}_size`] = () => s.complete ? [s.width, s.height] : [0, 0], e.addUniform(`u_texture${r}_size`, "vec2");
  const o = `u_texture${r}_size`;
  return t[`u_texture${r}`] = s, e.addUniform(`u_texture${r}`, "sampler2D"), o;
}
function wl(i, e, t, n, r) {
  let s = Z(t, i[`${e}offset`], yt);
  if (`${e}offset-origin` in i) switch (i[`${e}offset-origin`]) {
    case "top-right":
      s = `vec2(${n}.x, 0.) + ${r} * vec2(-1., 0.) + ${s} * vec2(-1., 1.)`;
      break;
    case "bottom-left":
      s = `vec2(0., ${n}.y) + ${r} * vec2(0., -1.) + ${s} * vec2(1., -1.)`;
      break;
    case "bottom-right":
      s = `${n} - ${r} - ${s}`;
      break;
  }
  return s;
}
function ly(i, e, t, n) {
  n.functions.circleDistanceField = `float circleDistanceField(vec2 point, float radius) {
  return length(point) - radius;
}`, Sl(i, e, n, "circle-");
  let r = null;
  "circle-opacity" in i && (r = Z(n, i["circle-opacity"], N));
  let s = "coordsPx";
  "circle-scale" in i && (s = `coordsPx / ${Z(n, i["circle-scale"], yt)}`);
  let o = null;
  "circle-fill-color" in i && (o = Z(n, i["circle-fill-color"], ue));
  let a = null;
  "circle-stroke-color" in i && (a = Z(n, i["circle-stroke-color"], ue));
  let l = Z(n, i["circle-radius"], N), h = null;
  "circle-stroke-width" in i && (h = Z(n, i["circle-stroke-width"], N), l = `(${l} + ${h} * 0.5)`);
  const c = `circleDistanceField(${s}, ${l})`, u = Uu(c, o, a, h, r);
  e.setSymbolColorExpression(u);
}
function hy(i, e, t, n) {
  n.functions.round = `float round(float v) {
  return sign(v) * floor(abs(v) + 0.5);
}`, n.functions.starDistanceField = `float starDistanceField(vec2 point, float numPoints, float radius, float radius2, float angle) {
  float startAngle = -PI * 0.5 + angle; // tip starts upwards and rotates clockwise with angle
  float c = cos(startAngle);
  float s = sin(startAngle);
  vec2 pointRotated = vec2(c * point.x - s * point.y, s * point.x + c * point.y);
  float alpha = TWO_PI / numPoints; // the angle of one sector
  float beta = atan(pointRotated.y, pointRotated.x);
  float gamma = round(beta / alpha) * alpha; // angle in sector
  c = cos(-gamma);
  s = sin(-gamma);
  vec2 inSector = vec2(c * pointRotated.x - s * pointRotated.y, abs(s * pointRotated.x + c * pointRotated.y));
  vec2 tipToPoint = inSector + vec2(-radius, 0.);
  vec2 edgeNormal = vec2(radius2 * sin(alpha * 0.5), -radius2 * cos(alpha * 0.5) + radius);
  return dot(normalize(edgeNormal), tipToPoint);
}`, n.functions.regularDistanceField = `float regularDistanceField(vec2 point, float numPoints, float radius, float angle) {
  float startAngle = -PI * 0.5 + angle; // tip starts upwards and rotates clockwise with angle
  float c = cos(startAngle);
  float s = sin(startAngle);
  vec2 pointRotated = vec2(c * point.x - s * point.y, s * point.x + c * point.y);
  float alpha = TWO_PI / numPoints; // the angle of one sector
  float radiusIn = radius * cos(PI / numPoints);
  float beta = atan(pointRotated.y, pointRotated.x);
  float gamma = round((beta - alpha * 0.5) / alpha) * alpha + alpha * 0.5; // angle in sector from mid
  c = cos(-gamma);
  s = sin(-gamma);
  vec2 inSector = vec2(c * pointRotated.x - s * pointRotated.y, abs(s * pointRotated.x + c * pointRotated.y));
  return inSector.x - radiusIn;
}`, Sl(i, e, n, "shape-");
  let r = null;
  "shape-opacity" in i && (r = Z(n, i["shape-opacity"], N));
  let s = "coordsPx";
  "shape-scale" in i && (s = `coordsPx / ${Z(n, i["shape-scale"], yt)}`);
  let o = null;
  "shape-fill-color" in i && (o = Z(n, i["shape-fill-color"], ue));
  let a = null;
  "shape-stroke-color" in i && (a = Z(n, i["shape-stroke-color"], ue));
  let l = null;
  "shape-stroke-width" in i && (l = Z(n, i["shape-stroke-width"], N));
  const h = Z(n, i["shape-points"], N);
  let c = "0.";
  "shape-angle" in i && (c = Z(n, i["shape-angle"], N));
  let u, d = Z(n, i["shape-radius"], N);
  if (l !== null && (d = `${d} + ${l} * 0.5`), "shape-radius2" in i) {
    let f = Z(n, i["shape-radius2"], N);
    l !== null && (f = `${f} + ${l} * 0.5`), u = `starDistanceField(${s}, ${h}, ${d}, ${f}, ${c})`;
  } else u = `regularDistanceField(${s}, ${h}, ${d}, ${c})`;
  const g = Uu(u, o, a, l, r);
  e.setSymbolColorExpression(g);
}
function cy(i, e, t, n) {
  let r = "vec4(1.0)";
  "icon-color" in i && (r = Z(n, i["icon-color"], ue)), "icon-opacity" in i && (r = `${r} * vec4(1.0, 1.0, 1.0, ${Z(n, i["icon-opacity"], N)})`);
  const s = Fs(i["icon-src"]), o = Tl(i, e, t, "icon-", s);
  if (e.setSymbolColorExpression(`${r} * texture2D(u_texture${s}, v_texCoord)`).setSymbolSizeExpression(o), "icon-width" in i && "icon-height" in i && e.setSymbolSizeExpression(`vec2(${Z(n, i["icon-width"], N)}, ${Z(n, i["icon-height"], N)})`), "icon-offset" in i && "icon-size" in i) {
    const a = Z(n, i["icon-size"], rt), l = e.getSymbolSizeExpression();
    e.setSymbolSizeExpression(a);
    const h = wl(i, "icon-", n, "v_quadSizePx", a);
    e.setTextureCoordinateExpression(`(vec4((${h}).xyxy) + vec4(0., 0., ${a})) / (${l}).xyxy`);
  }
  if (Sl(i, e, n, "icon-"), "icon-anchor" in i) {
    const a = Z(n, i["icon-anchor"], rt);
    let l = "1.0";
    "icon-scale" in i && (l = Z(n, i["icon-scale"], yt));
    let h;
    i["icon-anchor-x-units"] === "pixels" && i["icon-anchor-y-units"] === "pixels" ? h = `${a} * ${l}` : i["icon-anchor-x-units"] === "pixels" ? h = `${a} * vec2(vec2(${l}).x, v_quadSizePx.y)` : i["icon-anchor-y-units"] === "pixels" ? h = `${a} * vec2(v_quadSizePx.x, vec2(${l}).x)` : h = `${a} * v_quadSizePx`;
    let c = `v_quadSizePx * vec2(0.5, -0.5) + ${h} * vec2(-1., 1.)`;
    if ("icon-anchor-origin" in i) switch (i["icon-anchor-origin"]) {
      case "top-right":
        c = `v_quadSizePx * -0.5 + ${h}`;
        break;
      case "bottom-left":
        c = `v_quadSizePx * 0.5 - ${h}`;
        break;
      case "bottom-right":
        c = `v_quadSizePx * vec2(-0.5, 0.5) + ${h} * vec2(1., -1.)`;
        break;
    }
    e.setSymbolOffsetExpression(`${e.getSymbolOffsetExpression()} + ${c}`);
  }
}
function uy(i, e, t, n) {
  if ("stroke-color" in i && e.setStrokeColorExpression(Z(n, i["stroke-color"], ue)), "stroke-pattern-src" in i) {
    const r = Fs(i["stroke-pattern-src"]), s = Tl(i, e, t, "stroke-pattern-", r);
    let o = s, a = "vec2(0.)";
    "stroke-pattern-offset" in i && "stroke-pattern-size" in i && (o = Z(n, i["stroke-pattern-size"], rt), a = wl(i, "stroke-pattern-", n, s, o));
    let l = "0.";
    "stroke-pattern-spacing" in i && (l = Z(n, i["stroke-pattern-spacing"], N));
    let h = "0.";
    "stroke-pattern-start-offset" in i && (h = Z(n, i["stroke-pattern-start-offset"], N)), n.functions.sampleStrokePattern = `vec4 sampleStrokePattern(sampler2D texture, vec2 textureSize, vec2 textureOffset, vec2 sampleSize, float spacingPx, float startOffsetPx, float currentLengthPx, float currentRadiusRatio, float lineWidth) {
  float currentLengthScaled = (currentLengthPx - startOffsetPx) * sampleSize.y / lineWidth;
  float spacingScaled = spacingPx * sampleSize.y / lineWidth;
  float uCoordPx = mod(currentLengthScaled, (sampleSize.x + spacingScaled));
  float isInsideOfPattern = step(uCoordPx, sampleSize.x);
  float vCoordPx = (-currentRadiusRatio * 0.5 + 0.5) * sampleSize.y;
  // make sure that we're not sampling too close to the borders to avoid interpolation with outside pixels
  uCoordPx = clamp(uCoordPx, 0.5, sampleSize.x - 0.5);
  vCoordPx = clamp(vCoordPx, 0.5, sampleSize.y - 0.5);
  vec2 texCoord = (vec2(uCoordPx, vCoordPx) + textureOffset) / textureSize;
  return texture2D(texture, texCoord) * vec4(1.0, 1.0, 1.0, isInsideOfPattern);
}`;
    const c = `u_texture${r}`;
    let u = "1.";
    "stroke-color" in i && (u = e.getStrokeColorExpression()), e.setStrokeColorExpression(`${u} * sampleStrokePattern(${c}, ${s}, ${a}, ${o}, ${l}, ${h}, currentLengthPx, currentRadiusRatio, v_width)`), n.functions.computeStrokePatternLength = `float computeStrokePatternLength(vec2 sampleSize, float spacingPx, float lineWidth) {
  float patternLengthPx = sampleSize.x / sampleSize.y * lineWidth;
  return patternLengthPx + spacingPx;
}`, e.setStrokePatternLengthExpression(`computeStrokePatternLength(${o}, ${l}, v_width)`);
  }
  if ("stroke-width" in i && e.setStrokeWidthExpression(Z(n, i["stroke-width"], N)), "stroke-offset" in i && e.setStrokeOffsetExpression(Z(n, i["stroke-offset"], N)), "stroke-line-cap" in i && e.setStrokeCapExpression(Z(n, i["stroke-line-cap"], Te)), "stroke-line-join" in i && e.setStrokeJoinExpression(Z(n, i["stroke-line-join"], Te)), "stroke-miter-limit" in i && e.setStrokeMiterLimitExpression(Z(n, i["stroke-miter-limit"], N)), "stroke-line-dash" in i) {
    n.functions.getSingleDashDistance = `float getSingleDashDistance(float distance, float radius, float dashOffset, float dashLength, float dashLengthTotal, float capType, float lineWidth) {
  float localDistance = mod(distance, dashLengthTotal);
  float distanceSegment = abs(localDistance - dashOffset - dashLength * 0.5) - dashLength * 0.5;
  distanceSegment = min(distanceSegment, dashLengthTotal - localDistance);
  if (capType == ${Kt("square")}) {
    distanceSegment -= lineWidth * 0.5;
  } else if (capType == ${Kt("round")}) {
    distanceSegment = min(distanceSegment, sqrt(distanceSegment * distanceSegment + radius * radius) - lineWidth * 0.5);
  }
  return distanceSegment;
}`;
    let r = i["stroke-line-dash"].map((g) => Z(n, g, N));
    r.length % 2 === 1 && (r = [...r, ...r]);
    let s = "0.";
    "stroke-line-dash-offset" in i && (s = Z(n, i["stroke-line-dash-offset"], N));
    const o = `dashDistanceField_${Fs(i["stroke-line-dash"])}`, a = r.map((g, f) => `float dashLength${f}`).join(", "), l = r.map((g, f) => `dashLength${f}`).join(" + ");
    let h = "0.", c = `getSingleDashDistance(distance, radius, ${h}, dashLength0, totalDashLength, capType, lineWidth)`;
    for (let g = 2; g < r.length; g += 2) h = `${h} + dashLength${g - 2} + dashLength${g - 1}`, c = `min(${c}, getSingleDashDistance(distance, radius, ${h}, dashLength${g}, totalDashLength, capType, lineWidth))`;
    n.functions[o] = `float ${o}(float distance, float radius, float capType, float lineWidth, ${a}) {
  float totalDashLength = ${l};
  return ${c};
}`;
    const u = r.map((g, f) => `${g}`).join(", ");
    e.setStrokeDistanceFieldExpression(`${o}(currentLengthPx + ${s}, currentRadiusPx, capType, v_width, ${u})`);
    let d = r.join(" + ");
    e.getStrokePatternLengthExpression() && (n.functions.combinePatternLengths = `float combinePatternLengths(float patternLength1, float patternLength2) {
  return patternLength1 * patternLength2;
}`, d = `combinePatternLengths(${e.getStrokePatternLengthExpression()}, ${d})`), e.setStrokePatternLengthExpression(d);
  }
}
function dy(i, e, t, n) {
  if ("fill-color" in i && e.setFillColorExpression(Z(n, i["fill-color"], ue)), "fill-pattern-src" in i) {
    const r = Fs(i["fill-pattern-src"]), s = Tl(i, e, t, "fill-pattern-", r);
    let o = s, a = "vec2(0.)";
    "fill-pattern-offset" in i && "fill-pattern-size" in i && (o = Z(n, i["fill-pattern-size"], rt), a = wl(i, "fill-pattern-", n, s, o)), n.functions.sampleFillPattern = `vec4 sampleFillPattern(sampler2D texture, vec2 textureSize, vec2 textureOffset, vec2 sampleSize, vec2 pxOrigin, vec2 pxPosition) {
  float scaleRatio = pow(2., mod(u_zoom + 0.5, 1.) - 0.5);
  vec2 pxRelativePos = pxPosition - pxOrigin;
  // rotate the relative position from origin by the current view rotation
  pxRelativePos = vec2(pxRelativePos.x * cos(u_rotation) - pxRelativePos.y * sin(u_rotation), pxRelativePos.x * sin(u_rotation) + pxRelativePos.y * cos(u_rotation));
  // sample position is computed according to the sample offset & size
  vec2 samplePos = mod(pxRelativePos / scaleRatio, sampleSize);
  // also make sure that we're not sampling too close to the borders to avoid interpolation with outside pixels
  samplePos = clamp(samplePos, vec2(0.5), sampleSize - vec2(0.5));
  samplePos.y = sampleSize.y - samplePos.y; // invert y axis so that images appear upright
  return texture2D(texture, (samplePos + textureOffset) / textureSize);
}`;
    const l = `u_texture${r}`;
    let h = "1.";
    "fill-color" in i && (h = e.getFillColorExpression()), e.setFillColorExpression(`${h} * sampleFillPattern(${l}, ${s}, ${a}, ${o}, pxOrigin, pxPos)`);
  }
}
function Kh(i, e, t) {
  const n = Z0(), r = new ay(), s = {};
  if ("icon-src" in i ? cy(i, r, s, n) : "shape-points" in i ? hy(i, r, s, n) : "circle-radius" in i && ly(i, r, s, n), uy(i, r, s, n), dy(i, r, s, n), t) {
    const l = Z(n, t, Se);
    r.setFragmentDiscardExpression(`!${l}`);
  }
  const o = {};
  function a(l, h, c, u) {
    if (!n[l]) return;
    const d = pa(c), g = Cl(c);
    r.addAttribute(`a_${h}`, d), o[h] = { size: g, callback: u };
  }
  return a("geometryType", Bu, Te, (l) => br(Ha(l.getGeometry()))), a("featureId", Gu, Te | N, (l) => {
    const h = l.getId() ?? null;
    return typeof h == "string" ? br(h) : h;
  }), ry(r, n), { builder: r, attributes: { ...o, ...oy(n) }, uniforms: { ...s, ...sy(n, e) } };
}
const gy = [];
let Uo;
function fy() {
  return Uo || (Uo = A0()), Uo;
}
let _y = 0;
const _t = { POSITION: "a_position", LOCAL_POSITION: "a_localPosition", SEGMENT_START: "a_segmentStart", SEGMENT_END: "a_segmentEnd", MEASURE_START: "a_measureStart", MEASURE_END: "a_measureEnd", ANGLE_TANGENT_SUM: "a_angleTangentSum", JOIN_ANGLES: "a_joinAngles", DISTANCE_LOW: "a_distanceLow", DISTANCE_HIGH: "a_distanceHigh" };
class py {
  constructor(e, t, n, r) {
    this.helper_, this.hitDetectionEnabled_ = !!r, this.styleShaders = my(e, t), this.customAttributes_ = {}, this.uniforms_ = {}, this.hitDetectionEnabled_ && (this.customAttributes_.hitColor = { callback() {
      return I0(this.ref, gy);
    }, size: 2 });
    for (const s of this.styleShaders) {
      for (const o in s.attributes) o in this.customAttributes_ || (this.customAttributes_[o] = s.attributes[o]);
      for (const o in s.uniforms) o in this.uniforms_ || (this.uniforms_[o] = s.uniforms[o]);
    }
    this.renderPasses_ = this.styleShaders.map((s) => {
      const o = {}, a = Object.entries(this.customAttributes_).map(([l, h]) => ({ name: l in s.attributes || l === "hitColor" ? `a_${l}` : null, size: h.size || 1, type: Oe.FLOAT }));
      return s.builder.getFillVertexShader() && (o.fillRenderPass = { vertexShader: s.builder.getFillVertexShader(), fragmentShader: s.builder.getFillFragmentShader(), attributesDesc: [{ name: _t.POSITION, size: 2, type: Oe.FLOAT }, ...a], instancedAttributesDesc: [], instancePrimitiveVertexCount: 3 }), s.builder.getStrokeVertexShader() && (o.strokeRenderPass = { vertexShader: s.builder.getStrokeVertexShader(), fragmentShader: s.builder.getStrokeFragmentShader(), attributesDesc: [{ name: _t.LOCAL_POSITION, size: 2, type: Oe.FLOAT }], instancedAttributesDesc: [{ name: _t.SEGMENT_START, size: 2, type: Oe.FLOAT }, { name: _t.MEASURE_START, size: 1, type: Oe.FLOAT }, { name: _t.SEGMENT_END, size: 2, type: Oe.FLOAT }, { name: _t.MEASURE_END, size: 1, type: Oe.FLOAT }, { name: _t.JOIN_ANGLES, size: 2, type: Oe.FLOAT }, { name: _t.DISTANCE_LOW, size: 1, type: Oe.FLOAT }, { name: _t.DISTANCE_HIGH, size: 1, type: Oe.FLOAT }, { name: _t.ANGLE_TANGENT_SUM, size: 1, type: Oe.FLOAT }, ...a], instancePrimitiveVertexCount: 6 }), s.builder.getSymbolVertexShader() && (o.symbolRenderPass = { vertexShader: s.builder.getSymbolVertexShader(), fragmentShader: s.builder.getSymbolFragmentShader(), attributesDesc: [{ name: _t.LOCAL_POSITION, size: 2, type: Oe.FLOAT }], instancedAttributesDesc: [{ name: _t.POSITION, size: 2, type: Oe.FLOAT }, ...a], instancePrimitiveVertexCount: 6 }), o;
    }), this.hasFill_ = this.renderPasses_.some((s) => s.fillRenderPass), this.hasStroke_ = this.renderPasses_.some((s) => s.strokeRenderPass), this.hasSymbol_ = this.renderPasses_.some((s) => s.symbolRenderPass), this.setHelper(n);
  }
  async generateBuffers(e, t) {
    if (e.isEmpty()) return null;
    const n = this.generateRenderInstructions_(e, t), [r, s, o] = await Promise.all([this.generateBuffersForType_(n.polygonInstructions, "Polygon", t), this.generateBuffersForType_(n.lineStringInstructions, "LineString", t), this.generateBuffersForType_(n.pointInstructions, "Point", t)]), a = gr(we(), t);
    return { polygonBuffers: r, lineStringBuffers: s, pointBuffers: o, invertVerticesTransform: a };
  }
  generateRenderInstructions_(e, t) {
    const n = this.hasFill_ ? ey(e.polygonBatch, new Float32Array(0), this.customAttributes_, t) : null, r = this.hasStroke_ ? Q0(e.lineStringBatch, new Float32Array(0), this.customAttributes_, t) : null, s = this.hasSymbol_ ? J0(e.pointBatch, new Float32Array(0), this.customAttributes_, t) : null;
    return { polygonInstructions: n, lineStringInstructions: r, pointInstructions: s };
  }
  generateBuffersForType_(e, t, n) {
    if (e === null) return null;
    const r = _y++;
    let s;
    switch (t) {
      case "Polygon":
        s = Do.GENERATE_POLYGON_BUFFERS;
        break;
      case "LineString":
        s = Do.GENERATE_LINE_STRING_BUFFERS;
        break;
      case "Point":
        s = Do.GENERATE_POINT_BUFFERS;
        break;
    }
    const o = { id: r, type: s, renderInstructions: e.buffer, renderInstructionsTransform: n, customAttributesSize: Js(this.customAttributes_) }, a = fy();
    return a.postMessage(o, [e.buffer]), e = null, new Promise((l) => {
      const h = (c) => {
        const u = c.data;
        if (u.id !== r || (a.removeEventListener("message", h), !this.helper_.getGL())) return;
        const d = new Mo(pl, Lo).fromArrayBuffer(u.indicesBuffer), g = new Mo(Ps, Lo).fromArrayBuffer(u.vertexAttributesBuffer), f = new Mo(Ps, Lo).fromArrayBuffer(u.instanceAttributesBuffer);
        this.helper_.flushBufferData(d), this.helper_.flushBufferData(g), this.helper_.flushBufferData(f), l([d, g, f]);
      };
      a.addEventListener("message", h);
    });
  }
  render(e, t, n) {
    for (const r of this.renderPasses_) r.fillRenderPass && this.renderInternal_(e.polygonBuffers[0], e.polygonBuffers[1], e.polygonBuffers[2], r.fillRenderPass, t, n), r.strokeRenderPass && this.renderInternal_(e.lineStringBuffers[0], e.lineStringBuffers[1], e.lineStringBuffers[2], r.strokeRenderPass, t, n), r.symbolRenderPass && this.renderInternal_(e.pointBuffers[0], e.pointBuffers[1], e.pointBuffers[2], r.symbolRenderPass, t, n);
  }
  renderInternal_(e, t, n, r, s, o) {
    const a = e.getSize();
    if (a === 0) return;
    const l = r.instancedAttributesDesc.length;
    if (this.helper_.useProgram(r.program, s), this.helper_.bindBuffer(t), this.helper_.bindBuffer(e), this.helper_.enableAttributes(r.attributesDesc), this.helper_.bindBuffer(n), this.helper_.enableAttributesInstanced(r.instancedAttributesDesc), o(), l) {
      const h = r.instancedAttributesDesc.reduce((u, d) => u + (d.size || 1), 0), c = n.getSize() / h;
      this.helper_.drawElementsInstanced(0, a, c);
    } else this.helper_.drawElements(0, a);
  }
  setHelper(e, t = null) {
    this.helper_ = e;
    for (const n of this.renderPasses_) n.fillRenderPass && (n.fillRenderPass.program = this.helper_.getProgram(n.fillRenderPass.fragmentShader, n.fillRenderPass.vertexShader)), n.strokeRenderPass && (n.strokeRenderPass.program = this.helper_.getProgram(n.strokeRenderPass.fragmentShader, n.strokeRenderPass.vertexShader)), n.symbolRenderPass && (n.symbolRenderPass.program = this.helper_.getProgram(n.symbolRenderPass.fragmentShader, n.symbolRenderPass.vertexShader));
    this.helper_.addUniforms(this.uniforms_), t && (t.polygonBuffers && (this.helper_.flushBufferData(t.polygonBuffers[0]), this.helper_.flushBufferData(t.polygonBuffers[1]), this.helper_.flushBufferData(t.polygonBuffers[2])), t.lineStringBuffers && (this.helper_.flushBufferData(t.lineStringBuffers[0]), this.helper_.flushBufferData(t.lineStringBuffers[1]), this.helper_.flushBufferData(t.lineStringBuffers[2])), t.pointBuffers && (this.helper_.flushBufferData(t.pointBuffers[0]), this.helper_.flushBufferData(t.pointBuffers[1]), this.helper_.flushBufferData(t.pointBuffers[2])));
  }
}
function my(i, e) {
  const t = Array.isArray(i) ? i : [i];
  if ("style" in t[0]) {
    const n = [], r = t, s = [];
    for (const o of r) {
      const a = Array.isArray(o.style) ? o.style : [o.style];
      let l = o.filter;
      o.else && s.length && (l = ["all", ...s.map((c) => ["!", c])], o.filter && l.push(o.filter), l.length < 3 && (l = l[1])), o.filter && s.push(o.filter);
      const h = a.map((c) => Kh(c, e, l));
      n.push(...h);
    }
    return n;
  }
  return "builder" in t[0] ? t : t.map((n) => Kh(n, e, null));
}
const Lt = new Uint8Array(4);
class yy {
  constructor(e, t) {
    this.helper_ = e;
    const n = e.getGL();
    this.texture_ = n.createTexture(), this.framebuffer_ = n.createFramebuffer(), this.depthbuffer_ = n.createRenderbuffer(), this.size_ = t || [1, 1], this.data_ = new Uint8Array(0), this.dataCacheDirty_ = !0, this.updateSize_();
  }
  setSize(e) {
    zt(e, this.size_) || (this.size_[0] = e[0], this.size_[1] = e[1], this.updateSize_());
  }
  getSize() {
    return this.size_;
  }
  clearCachedData() {
    this.dataCacheDirty_ = !0;
  }
  readAll() {
    if (this.dataCacheDirty_) {
      const e = this.size_, t = this.helper_.getGL();
      t.bindFramebuffer(t.FRAMEBUFFER, this.framebuffer_), t.readPixels(0, 0, e[0], e[1], t.RGBA, t.UNSIGNED_BYTE, this.data_), this.dataCacheDirty_ = !1;
    }
    return this.data_;
  }
  readPixel(e, t) {
    if (e < 0 || t < 0 || e > this.size_[0] || t >= this.size_[1]) return Lt[0] = 0, Lt[1] = 0, Lt[2] = 0, Lt[3] = 0, Lt;
    this.readAll();
    const n = Math.floor(e) + (this.size_[1] - Math.floor(t) - 1) * this.size_[0];
    return Lt[0] = this.data_[n * 4], Lt[1] = this.data_[n * 4 + 1], Lt[2] = this.data_[n * 4 + 2], Lt[3] = this.data_[n * 4 + 3], Lt;
  }
  getTexture() {
    return this.texture_;
  }
  getFramebuffer() {
    return this.framebuffer_;
  }
  getDepthbuffer() {
    return this.depthbuffer_;
  }
  updateSize_() {
    const e = this.size_, t = this.helper_.getGL();
    this.texture_ = this.helper_.createTexture(e, null, this.texture_), t.bindFramebuffer(t.FRAMEBUFFER, this.framebuffer_), t.viewport(0, 0, e[0], e[1]), t.framebufferTexture2D(t.FRAMEBUFFER, t.COLOR_ATTACHMENT0, t.TEXTURE_2D, this.texture_, 0), t.bindRenderbuffer(t.RENDERBUFFER, this.depthbuffer_), t.renderbufferStorage(t.RENDERBUFFER, t.DEPTH_COMPONENT16, e[0], e[1]), t.framebufferRenderbuffer(t.FRAMEBUFFER, t.DEPTH_ATTACHMENT, t.RENDERBUFFER, this.depthbuffer_), this.data_ = new Uint8Array(e[0] * e[1] * 4);
  }
}
function xy(i, e) {
  const t = i.viewState.projection, n = e.getSource().getWrapX() && t.canWrapX(), r = t.getExtent(), s = i.extent, o = n ? ae(r) : null, a = n ? Math.ceil((s[2] - r[2]) / o) + 1 : 1;
  return [n ? Math.floor((s[0] - r[0]) / o) : 0, a, o];
}
const hi = { ...Zt, RENDER_EXTENT: "u_renderExtent", PATTERN_ORIGIN: "u_patternOrigin", GLOBAL_ALPHA: "u_globalAlpha" };
class vy extends ml {
  constructor(e, t) {
    const n = { [hi.RENDER_EXTENT]: [0, 0, 0, 0], [hi.PATTERN_ORIGIN]: [0, 0], [hi.GLOBAL_ALPHA]: 1 };
    super(e, { uniforms: n, postProcesses: t.postProcesses }), this.hitDetectionEnabled_ = !t.disableHitDetection, this.hitRenderTarget_, this.sourceRevision_ = -1, this.previousExtent_ = ct(), this.currentTransform_ = we(), this.tmpCoords_ = [0, 0], this.tmpTransform_ = we(), this.tmpMat4_ = Ou(), this.currentFrameStateTransform_ = we(), this.styleVariables_ = {}, this.style_ = [], this.styleRenderer_ = null, this.buffers_ = null, this.applyOptions_(t), this.batch_ = new bs(), this.initialFeaturesAdded_ = !1, this.sourceListenKeys_ = null;
  }
  addInitialFeatures_(e) {
    const t = this.getLayer().getSource();
    let n;
    this.batch_.addFeatures(t.getFeatures(), n), this.sourceListenKeys_ = [ee(t, Pe.ADDFEATURE, this.handleSourceFeatureAdded_.bind(this, n)), ee(t, Pe.CHANGEFEATURE, this.handleSourceFeatureChanged_.bind(this, n), this), ee(t, Pe.REMOVEFEATURE, this.handleSourceFeatureDelete_, this), ee(t, Pe.CLEAR, this.handleSourceFeatureClear_, this)];
  }
  applyOptions_(e) {
    this.styleVariables_ = e.variables, this.style_ = e.style;
  }
  createRenderers_() {
    this.buffers_ = null, this.styleRenderer_ = new py(this.style_, this.styleVariables_, this.helper, this.hitDetectionEnabled_);
  }
  reset(e) {
    this.applyOptions_(e), this.helper && this.createRenderers_(), super.reset(e);
  }
  afterHelperCreated() {
    this.styleRenderer_ ? this.styleRenderer_.setHelper(this.helper, this.buffers_) : this.createRenderers_(), this.hitDetectionEnabled_ && (this.hitRenderTarget_ = new yy(this.helper));
  }
  handleSourceFeatureAdded_(e, t) {
    const n = t.feature;
    this.batch_.addFeature(n, e);
  }
  handleSourceFeatureChanged_(e, t) {
    const n = t.feature;
    this.batch_.changeFeature(n, e);
  }
  handleSourceFeatureDelete_(e) {
    const t = e.feature;
    this.batch_.removeFeature(t);
  }
  handleSourceFeatureClear_() {
    this.batch_.clear();
  }
  applyUniforms_(e) {
    Ec(this.tmpTransform_, this.currentFrameStateTransform_), vc(this.tmpTransform_, e), this.helper.setUniformMatrixValue(hi.PROJECTION_MATRIX, ga(this.tmpMat4_, this.tmpTransform_)), gr(this.tmpTransform_, this.tmpTransform_), this.helper.setUniformMatrixValue(hi.SCREEN_TO_WORLD_MATRIX, ga(this.tmpMat4_, this.tmpTransform_)), this.tmpCoords_[0] = 0, this.tmpCoords_[1] = 0, gr(this.tmpTransform_, e), me(this.tmpTransform_, this.tmpCoords_), this.helper.setUniformFloatVec2(hi.PATTERN_ORIGIN, this.tmpCoords_);
  }
  renderFrame(e) {
    const t = this.helper.getGL();
    this.preRender(t, e);
    const [n, r, s] = xy(e, this.getLayer());
    this.helper.prepareDraw(e), this.renderWorlds(e, !1, n, r, s), this.helper.finalizeDraw(e, this.dispatchPreComposeEvent, this.dispatchPostComposeEvent);
    const o = this.helper.getCanvas();
    return this.hitDetectionEnabled_ && (this.renderWorlds(e, !0, n, r, s), this.hitRenderTarget_.clearCachedData()), this.postRender(t, e), o;
  }
  prepareFrameInternal(e) {
    this.initialFeaturesAdded_ || (this.addInitialFeatures_(e), this.initialFeaturesAdded_ = !0);
    const t = this.getLayer(), n = t.getSource(), r = e.viewState, s = !e.viewHints[Fe.ANIMATING] && !e.viewHints[Fe.INTERACTING], o = !wi(this.previousExtent_, e.extent), a = this.sourceRevision_ < n.getRevision();
    if (a && (this.sourceRevision_ = n.getRevision()), s && (o || a)) {
      const l = r.projection, h = r.resolution, c = t instanceof nl ? t.getRenderBuffer() : 0, u = Pr(e.extent, c * h);
      n.loadFeatures(u, h, l), this.ready = !1;
      const d = this.helper.makeProjectionTransform(e, we());
      this.styleRenderer_.generateBuffers(this.batch_, d).then((g) => {
        this.buffers_ && this.disposeBuffers(this.buffers_), this.buffers_ = g, this.ready = !0, this.getLayer().changed();
      }), this.previousExtent_ = e.extent.slice();
    }
    return !0;
  }
  renderWorlds(e, t, n, r, s) {
    let o = n;
    t && (this.hitRenderTarget_.setSize([Math.floor(e.size[0] / 2), Math.floor(e.size[1] / 2)]), this.helper.prepareDrawToRenderTarget(e, this.hitRenderTarget_, !0));
    do
      this.helper.makeProjectionTransform(e, this.currentFrameStateTransform_), Dg(this.currentFrameStateTransform_, o * s, 0), this.buffers_ && this.styleRenderer_.render(this.buffers_, e, () => {
        this.applyUniforms_(this.buffers_.invertVerticesTransform), this.helper.applyHitDetectionUniform(t);
      });
    while (++o < r);
  }
  forEachFeatureAtCoordinate(e, t, n, r, s) {
    if (ne(this.hitDetectionEnabled_, "`forEachFeatureAtCoordinate` cannot be used on a WebGL layer if the hit detection logic has been disabled using the `disableHitDetection: true` option."), !this.styleRenderer_ || !this.hitDetectionEnabled_) return;
    const o = me(t.coordinateToPixelTransform, e.slice()), a = this.hitRenderTarget_.readPixel(o[0] / 2, o[1] / 2), l = [a[0] / 255, a[1] / 255, a[2] / 255, a[3] / 255], h = F0(l), c = this.batch_.getFeatureFromRef(h);
    if (c) return r(c, this.getLayer(), null);
  }
  disposeBuffers(e) {
    const t = (n) => {
      for (const r of n) r && this.helper.deleteBuffer(r);
    };
    e.pointBuffers && t(e.pointBuffers), e.lineStringBuffers && t(e.lineStringBuffers), e.polygonBuffers && t(e.polygonBuffers);
  }
  disposeInternal() {
    this.buffers_ && this.disposeBuffers(this.buffers_), this.sourceListenKeys_ && (this.sourceListenKeys_.forEach(function(e) {
      he(e);
    }), this.sourceListenKeys_ = null), super.disposeInternal();
  }
  renderDeclutter() {
  }
}
class ma extends Gr {
  constructor(e) {
    const t = Object.assign({}, e);
    super(t), this.styleVariables_ = e.variables || {}, this.style_ = e.style, this.hitDetectionDisabled_ = !!e.disableHitDetection;
  }
  createRenderer() {
    return new vy(this, { style: this.style_, variables: this.styleVariables_, disableHitDetection: this.hitDetectionDisabled_ });
  }
  updateStyleVariables(e) {
    Object.assign(this.styleVariables_, e), this.changed();
  }
  setStyle(e) {
    this.style_ = e, this.clearRenderer(), this.changed();
  }
}
const hs = 20, qh = 15;
function Ey(i, e, t) {
  const n = at(), r = at(), s = at(), o = at(), a = at([]), l = (A) => i.getFeaturesAtPixel(A, { layerFilter: (P) => P instanceof Hs, hitTolerance: qh }), h = (A, P) => {
    "IntersectionObserver" in window && (n.value = new IntersectionObserver(([R]) => {
      R?.isIntersecting || P();
    }, { root: null, threshold: 0 }), n.value.observe(A));
  }, c = () => {
    _(!1), v(), b(), w();
  }, u = (A) => i.getTargetElement().style.cursor = A, d = (A) => {
    if (A.dragging || !i) return;
    const P = i.hasFeatureAtPixel(A.pixel, { layerFilter: (R) => R instanceof ma });
    u(P ? "pointer" : "default");
  }, g = (A, P) => {
    const R = i.getFeaturesAtPixel(A.pixel, { layerFilter: (O) => O instanceof ma }), I = R?.length ? R[0] : void 0;
    P && P(I);
  }, f = (A, P) => P != null ? A.get(Jt) !== P : !A.get(Rr), p = (A, P) => {
    const R = l(A.pixel), I = R?.find((D) => {
      const U = D.getGeometry();
      return U instanceof it || U instanceof Ve;
    });
    if (!I) {
      P?.(void 0, void 0);
      return;
    }
    const O = R.find((D) => D.getGeometry() instanceof Ke), B = At(I.getGeometry()).length === 1 ? 0 : Dm(I, O);
    f(I, B) ? P?.(I, B) : P?.(void 0, void 0);
  }, _ = (A, P) => {
    if (!P) return;
    const R = (I) => {
      if (e.canLoadMultiFeatures) {
        g(I, P);
        return;
      }
      if (e.canSelectFeatureOrVertex) {
        p(I, P);
        return;
      }
    };
    i.un("click", R), i.un("pointermove", d), A && (i.on("click", R), i.on("pointermove", d));
  }, y = (A, P, R) => t === xe.SHAPE ? Mm(P, A, R, hs) : t === xe.TRACE ? Lm(P, A, R, hs) : new nt({ geometry: new Ke(A) }), x = (A) => A.preventDefault(), E = (A, P) => {
    if (r.value) return;
    const R = (I) => {
      if (I.dragging) return;
      const O = I.coordinate, B = i.getView().getResolution() ?? 1, D = l(I.pixel).find((q) => A.hasFeature(q));
      if (D && (Im(D, O, B, hs) || !Fm(D, O, B, hs))) return;
      const U = A.getFeatures()?.[0];
      M(U ?? null);
      const W = y(O, B, U);
      t === xe.POINT && !A.isEmpty() && A.clear(!0), A.isEmpty() && A.addFeature(W), P(W);
    };
    r.value = R, i.on("click", R), i.getViewport().addEventListener("contextmenu", x);
  }, v = () => {
    r.value && (i.un("click", r.value), r.value = void 0, u("default"));
  }, m = (A, P) => {
    u("default");
    const R = A.getArray()?.[0];
    R && P(R);
  }, S = (A, P) => {
    s.value || (s.value = new g0({ layers: [A] }), s.value.on("translating", () => u("grab")), s.value.on("translateend", (R) => m(R.features, P)), i.addInteraction(s.value));
  }, T = (A, P) => {
    o.value || (o.value = new c0({ source: A, style: ym(), pixelTolerance: qh, insertVertexCondition: (R) => R.type === "pointermove", wrapX: !1 }), o.value.on("modifystart", () => {
      u("grab"), M(A.getFeatures()?.[0] ?? null);
    }), o.value.on("modifyend", (R) => m(R.features, P)), i.addInteraction(o.value));
  }, w = () => {
    o.value && (i.removeInteraction(o.value), o.value = void 0);
  }, b = () => {
    s.value && (i.removeInteraction(s.value), s.value = void 0);
  }, M = (A) => {
    if (!e.canUndoLastChange) return;
    const P = A?.clone() ?? null;
    P && (P.unset(Jt), P.unset(Rr)), a.value = [...a.value, P];
  };
  return { hasUndoHistory: () => a.value.length > 0, popUndoState: () => {
    if (!a.value.length) return;
    const A = [...a.value], P = A.pop();
    return a.value = A, P;
  }, removeMapInteractions: c, pushUndoState: M, setupFeatureDrag: S, setupTapToAddVertex: E, setupMapVisibilityObserver: h, setupVertexDrag: T, teardownMap: () => {
    n.value?.disconnect(), n.value = void 0, a.value = [], c(), i.getViewport().removeEventListener("contextmenu", x);
  }, toggleSelectEvent: _ };
}
function zo(i, e, t) {
  if (!(t in i)) return i[t] = /* @__PURE__ */ new Set([e]), !0;
  const n = i[t], r = n.has(e);
  return r || n.add(e), !r;
}
function Cy(i, e, t) {
  const n = i[t];
  return n ? n.delete(e) : !1;
}
function Jh(i, e) {
  const t = i.layerStatesArray[i.layerIndex];
  t.extent && (e = kn(e, Qt(t.extent, i.viewState.projection)));
  const n = t.layer.getRenderSource();
  if (!n.getWrapX()) {
    const r = n.getTileGridForProjection(i.viewState.projection).getExtent();
    r && (e = kn(e, r));
  }
  return e;
}
class Sy extends nu {
  constructor(e, t) {
    super(e), t = t || {}, this.extentChanged = !0, this.renderComplete = !1, this.renderedExtent_ = null, this.renderedPixelRatio, this.renderedProjection = null, this.renderedTiles = [], this.renderedSourceKey_, this.renderedSourceRevision_, this.tempExtent = ct(), this.tempTileRange_ = new al(0, 0, 0, 0), this.tempTileCoord_ = Is(0, 0, 0);
    const n = t.cacheSize !== void 0 ? t.cacheSize : 512;
    this.tileCache_ = new Zh(n), this.sourceTileCache_ = null, this.maxStaleKeys = n * 0.5;
  }
  getTileCache() {
    return this.tileCache_;
  }
  getSourceTileCache() {
    return this.sourceTileCache_ || (this.sourceTileCache_ = new Zh(512)), this.sourceTileCache_;
  }
  getOrCreateTile(e, t, n, r) {
    const s = this.tileCache_, o = this.getLayer().getSource(), a = ds(o, o.getKey(), e, t, n);
    let l;
    if (s.containsKey(a)) l = s.get(a);
    else {
      const h = r.viewState.projection, c = o.getProjection();
      if (l = o.getTile(e, t, n, r.pixelRatio, h, !c || tr(c, h) ? void 0 : this.getSourceTileCache()), !l) return null;
      s.set(a, l);
    }
    return l;
  }
  getTile(e, t, n, r) {
    return this.getOrCreateTile(e, t, n, r) || null;
  }
  getData(e) {
    const t = this.frameState;
    if (!t) return null;
    const n = this.getLayer(), r = me(t.pixelToCoordinateTransform, e.slice()), s = n.getExtent();
    if (s && !Ti(s, r)) return null;
    const o = t.viewState, a = n.getRenderSource(), l = a.getTileGridForProjection(o.projection), h = a.getTilePixelRatio(t.pixelRatio);
    for (let c = l.getZForResolution(o.resolution); c >= l.getMinZoom(); --c) {
      const u = l.getTileCoordForCoordAndZ(r, c), d = this.getTile(c, u[1], u[2], t);
      if (!d || d.getState() !== V.LOADED) continue;
      const g = l.getOrigin(c), f = He(l.getTileSize(c)), p = l.getResolution(c);
      let _;
      if (d instanceof uu || d instanceof Nu) _ = d.getImage();
      else if (d instanceof Wh) {
        if (_ = fa(d.getData()), !_) continue;
      } else continue;
      const y = Math.floor(h * ((r[0] - g[0]) / p - u[1] * f[0])), x = Math.floor(h * ((g[1] - r[1]) / p - u[2] * f[1])), E = Math.round(h * a.getGutterForProjection(o.projection));
      return this.getImageData(_, y + E, x + E);
    }
    return null;
  }
  prepareFrame(e) {
    this.renderedProjection ? e.viewState.projection !== this.renderedProjection && (this.tileCache_.clear(), this.renderedProjection = e.viewState.projection) : this.renderedProjection = e.viewState.projection;
    const t = this.getLayer().getSource();
    if (!t) return !1;
    const n = t.getRevision();
    return this.renderedSourceRevision_ ? this.renderedSourceRevision_ !== n && (this.renderedSourceRevision_ = n, this.renderedSourceKey_ === t.getKey() && (this.tileCache_.clear(), this.sourceTileCache_?.clear())) : this.renderedSourceRevision_ = n, !0;
  }
  enqueueTilesForNextExtent() {
    return !0;
  }
  enqueueTiles(e, t, n, r, s) {
    const o = e.viewState, a = this.getLayer(), l = a.getRenderSource(), h = l.getTileGridForProjection(o.projection), c = z(l);
    c in e.wantedTiles || (e.wantedTiles[c] = {});
    const u = e.wantedTiles[c], d = a.getMapInternal(), g = Math.max(n - s, h.getMinZoom(), h.getZForResolution(Math.min(a.getMaxResolution(), d ? d.getView().getResolutionForZoom(Math.max(a.getMinZoom(), 0)) : h.getResolution(0)), l.zDirection)), f = o.rotation, p = f ? hc(o.center, o.resolution, f, e.size) : void 0;
    for (let _ = n; _ >= g; --_) {
      const y = h.getTileRangeForExtentAndZ(t, _, this.tempTileRange_), x = h.getResolution(_);
      for (let E = y.minX; E <= y.maxX; ++E) for (let v = y.minY; v <= y.maxY; ++v) {
        if (f && !h.tileCoordIntersectsViewport([_, E, v], p)) continue;
        const m = this.getTile(_, E, v, e);
        if (!m || !zo(r, m, _)) continue;
        const S = m.getKey();
        if (u[S] = !0, m.getState() === V.IDLE && !e.tileQueue.isKeyQueued(S)) {
          const T = Is(_, E, v, this.tempTileCoord_);
          e.tileQueue.enqueue([m, c, h.getTileCoordCenter(T), x]);
        }
      }
    }
  }
  findStaleTile_(e, t) {
    const n = this.tileCache_, r = e[0], s = e[1], o = e[2], a = this.getStaleKeys();
    for (let l = 0; l < a.length; ++l) {
      const h = ds(this.getLayer().getSource(), a[l], r, s, o);
      if (n.containsKey(h)) {
        const c = n.peek(h);
        if (c.getState() === V.LOADED) return c.endTransition(z(this)), zo(t, c, r), !0;
      }
    }
    return !1;
  }
  findAltTiles_(e, t, n, r) {
    const s = e.getTileRangeForTileCoordAndZ(t, n, this.tempTileRange_);
    if (!s) return !1;
    let o = !0;
    const a = this.tileCache_, l = this.getLayer().getRenderSource(), h = l.getKey();
    for (let c = s.minX; c <= s.maxX; ++c) for (let u = s.minY; u <= s.maxY; ++u) {
      const d = ds(l, h, n, c, u);
      let g = !1;
      if (a.containsKey(d)) {
        const f = a.peek(d);
        f.getState() === V.LOADED && (zo(r, f, n), g = !0);
      }
      g || (o = !1);
    }
    return o;
  }
  renderFrame(e, t) {
    this.renderComplete = !0;
    const n = e.layerStatesArray[e.layerIndex], r = e.viewState, s = r.projection, o = r.resolution, a = r.center, l = e.pixelRatio, h = this.getLayer(), c = h.getSource(), u = c.getTileGridForProjection(s), d = u.getZForResolution(o, c.zDirection), g = u.getResolution(d), f = c.getKey();
    this.renderedSourceKey_ ? this.renderedSourceKey_ !== f && (this.prependStaleKey(this.renderedSourceKey_), this.renderedSourceKey_ = f) : this.renderedSourceKey_ = f;
    let p = e.extent;
    const _ = c.getTilePixelRatio(l);
    this.prepareContainer(e, t);
    const y = this.context.canvas.width, x = this.context.canvas.height, E = n.extent && Qt(n.extent);
    E && (p = kn(p, Qt(n.extent)));
    const v = g * y / 2 / _, m = g * x / 2 / _, S = [a[0] - v, a[1] - m, a[0] + v, a[1] + m], T = {};
    this.renderedTiles.length = 0;
    const w = h.getPreload();
    if (e.nextExtent && this.enqueueTilesForNextExtent()) {
      const U = u.getZForResolution(r.nextResolution, c.zDirection), W = Jh(e, e.nextExtent);
      this.enqueueTiles(e, W, U, T, w);
    }
    const b = Jh(e, p);
    if (this.enqueueTiles(e, b, d, T, 0), w > 0 && setTimeout(() => {
      this.enqueueTiles(e, b, d - 1, T, w - 1);
    }, 0), !(d in T)) return this.container;
    const M = z(this), A = e.time;
    for (const U of T[d]) {
      const W = U.getState();
      if (W === V.EMPTY) continue;
      const q = U.tileCoord;
      if (W === V.LOADED && U.getAlpha(M, A) === 1) {
        U.endTransition(M);
        continue;
      }
      if (W !== V.ERROR && (this.renderComplete = !1), this.findStaleTile_(q, T)) {
        Cy(T, U, d), e.animate = !0;
        continue;
      }
      if (this.findAltTiles_(u, q, d + 1, T)) continue;
      const re = u.getMinZoom();
      for (let F = d - 1; F >= re && !this.findAltTiles_(u, q, F, T); --F) ;
    }
    const P = g / o * l / _, R = this.getRenderContext(e);
    wt(this.tempTransform, y / 2, x / 2, P, P, 0, -y / 2, -x / 2), n.extent && this.clipUnrotated(R, e, E), c.getInterpolate() || (R.imageSmoothingEnabled = !1), this.preRender(R, e);
    const I = Object.keys(T).map(Number);
    I.sort(tn);
    let O;
    const B = [], D = [];
    for (let U = I.length - 1; U >= 0; --U) {
      const W = I[U], q = c.getTilePixelSize(W, l, s), re = u.getResolution(W) / g, F = q[0] * re * P, Ge = q[1] * re * P, st = u.getTileCoordForCoordAndZ(jn(S), W), Ee = u.getTileCoordExtent(st), ve = me(this.tempTransform, [_ * (Ee[0] - S[0]) / g, _ * (S[3] - Ee[3]) / g]), Be = _ * c.getGutterForProjection(s);
      for (const L of T[W]) {
        if (L.getState() !== V.LOADED) continue;
        const G = L.tileCoord, te = st[1] - G[1], an = Math.round(ve[0] - (te - 1) * F), Oi = st[2] - G[2], Tn = Math.round(ve[1] - (Oi - 1) * Ge), ut = Math.round(ve[0] - te * F), It = Math.round(ve[1] - Oi * Ge), Kn = an - ut, qn = Tn - It, ki = I.length === 1;
        let wn = !1;
        O = [ut, It, ut + Kn, It, ut + Kn, It + qn, ut, It + qn];
        for (let Jn = 0, Qn = B.length; Jn < Qn; ++Jn) if (!ki && W < D[Jn]) {
          const be = B[Jn];
          Ye([ut, It, ut + Kn, It + qn], [be[0], be[3], be[4], be[7]]) && (wn || (R.save(), wn = !0), R.beginPath(), R.moveTo(O[0], O[1]), R.lineTo(O[2], O[3]), R.lineTo(O[4], O[5]), R.lineTo(O[6], O[7]), R.moveTo(be[6], be[7]), R.lineTo(be[4], be[5]), R.lineTo(be[2], be[3]), R.lineTo(be[0], be[1]), R.clip());
        }
        B.push(O), D.push(W), this.drawTile(L, e, ut, It, Kn, qn, Be, ki), wn && R.restore(), this.renderedTiles.unshift(L), this.updateUsedTiles(e.usedTiles, c, L);
      }
    }
    if (this.renderedResolution = g, this.extentChanged = !this.renderedExtent_ || !wi(this.renderedExtent_, S), this.renderedExtent_ = S, this.renderedPixelRatio = l, this.postRender(this.context, e), n.extent && R.restore(), R.imageSmoothingEnabled = !0, this.renderComplete) {
      const U = (W, q) => {
        const re = z(c), F = q.wantedTiles[re], Ge = F ? Object.keys(F).length : 0;
        this.updateCacheSize(Ge), this.tileCache_.expireCache(), this.sourceTileCache_?.expireCache();
      };
      e.postRenderFunctions.push(U);
    }
    return this.container;
  }
  updateCacheSize(e) {
    this.tileCache_.highWaterMark = Math.max(this.tileCache_.highWaterMark, e * 2);
  }
  drawTile(e, t, n, r, s, o, a, l) {
    let h;
    if (e instanceof Wh) {
      if (h = fa(e.getData()), !h) throw new Error("Rendering array data is not yet supported");
    } else h = this.getTileImage(e);
    if (!h) return;
    const c = this.getRenderContext(t), u = z(this), d = t.layerStatesArray[t.layerIndex], g = d.opacity * (l ? e.getAlpha(u, t.time) : 1), f = g !== c.globalAlpha;
    f && (c.save(), c.globalAlpha = g), c.drawImage(h, a, a, h.width - 2 * a, h.height - 2 * a, n, r, s, o), f && c.restore(), g !== d.opacity ? t.animate = !0 : l && e.endTransition(u);
  }
  getImage() {
    const e = this.context;
    return e ? e.canvas : null;
  }
  getTileImage(e) {
    return e.getImage();
  }
  updateUsedTiles(e, t, n) {
    const r = z(t);
    r in e || (e[r] = {}), e[r][n.getKey()] = !0;
  }
}
const cs = { PRELOAD: "preload", USE_INTERIM_TILES_ON_ERROR: "useInterimTilesOnError" };
class Ty extends Gr {
  constructor(e) {
    e = e || {};
    const t = Object.assign({}, e), n = e.cacheSize;
    delete e.cacheSize, delete t.preload, delete t.useInterimTilesOnError, super(t), this.on, this.once, this.un, this.cacheSize_ = n, this.setPreload(e.preload !== void 0 ? e.preload : 0), this.setUseInterimTilesOnError(e.useInterimTilesOnError !== void 0 ? e.useInterimTilesOnError : !0);
  }
  getCacheSize() {
    return this.cacheSize_;
  }
  getPreload() {
    return this.get(cs.PRELOAD);
  }
  setPreload(e) {
    this.set(cs.PRELOAD, e);
  }
  getUseInterimTilesOnError() {
    return this.get(cs.USE_INTERIM_TILES_ON_ERROR);
  }
  setUseInterimTilesOnError(e) {
    this.set(cs.USE_INTERIM_TILES_ON_ERROR, e);
  }
  getData(e) {
    return super.getData(e);
  }
}
class wy extends Ty {
  constructor(e) {
    super(e);
  }
  createRenderer() {
    return new Sy(this, { cacheSize: this.getCacheSize() });
  }
}
const ci = [0, 0, 0], gn = 5;
class zu {
  constructor(e) {
    this.minZoom = e.minZoom !== void 0 ? e.minZoom : 0, this.resolutions_ = e.resolutions, ne(Ag(this.resolutions_, (r, s) => s - r), "`resolutions` must be sorted in descending order");
    let t;
    if (!e.origins) {
      for (let r = 0, s = this.resolutions_.length - 1; r < s; ++r) if (!t) t = this.resolutions_[r] / this.resolutions_[r + 1];
      else if (this.resolutions_[r] / this.resolutions_[r + 1] !== t) {
        t = void 0;
        break;
      }
    }
    this.zoomFactor_ = t, this.maxZoom = this.resolutions_.length - 1, this.origin_ = e.origin !== void 0 ? e.origin : null, this.origins_ = null, e.origins !== void 0 && (this.origins_ = e.origins, ne(this.origins_.length == this.resolutions_.length, "Number of `origins` and `resolutions` must be equal"));
    const n = e.extent;
    n !== void 0 && !this.origin_ && !this.origins_ && (this.origin_ = jn(n)), ne(!this.origin_ && this.origins_ || this.origin_ && !this.origins_, "Either `origin` or `origins` must be configured, never both"), this.tileSizes_ = null, e.tileSizes !== void 0 && (this.tileSizes_ = e.tileSizes, ne(this.tileSizes_.length == this.resolutions_.length, "Number of `tileSizes` and `resolutions` must be equal")), this.tileSize_ = e.tileSize !== void 0 ? e.tileSize : this.tileSizes_ ? null : el, ne(!this.tileSize_ && this.tileSizes_ || this.tileSize_ && !this.tileSizes_, "Either `tileSize` or `tileSizes` must be configured, never both"), this.extent_ = n !== void 0 ? n : null, this.fullTileRanges_ = null, this.tmpSize_ = [0, 0], this.tmpExtent_ = [0, 0, 0, 0], e.sizes !== void 0 ? this.fullTileRanges_ = e.sizes.map((r, s) => {
      const o = new al(Math.min(0, r[0]), Math.max(r[0] - 1, -1), Math.min(0, r[1]), Math.max(r[1] - 1, -1));
      if (n) {
        const a = this.getTileRangeForExtentAndZ(n, s);
        o.minX = Math.max(a.minX, o.minX), o.maxX = Math.min(a.maxX, o.maxX), o.minY = Math.max(a.minY, o.minY), o.maxY = Math.min(a.maxY, o.maxY);
      }
      return o;
    }) : n && this.calculateTileRanges_(n);
  }
  forEachTileCoord(e, t, n) {
    const r = this.getTileRangeForExtentAndZ(e, t);
    for (let s = r.minX, o = r.maxX; s <= o; ++s) for (let a = r.minY, l = r.maxY; a <= l; ++a) n([t, s, a]);
  }
  forEachTileCoordParentTileRange(e, t, n, r) {
    let s, o, a, l = null, h = e[0] - 1;
    for (this.zoomFactor_ === 2 ? (o = e[1], a = e[2]) : l = this.getTileCoordExtent(e, r); h >= this.minZoom; ) {
      if (o !== void 0 && a !== void 0 ? (o = Math.floor(o / 2), a = Math.floor(a / 2), s = si(o, o, a, a, n)) : s = this.getTileRangeForExtentAndZ(l, h, n), t(h, s)) return !0;
      --h;
    }
    return !1;
  }
  getExtent() {
    return this.extent_;
  }
  getMaxZoom() {
    return this.maxZoom;
  }
  getMinZoom() {
    return this.minZoom;
  }
  getOrigin(e) {
    return this.origin_ ? this.origin_ : this.origins_[e];
  }
  getResolution(e) {
    return this.resolutions_[e];
  }
  getResolutions() {
    return this.resolutions_;
  }
  getTileCoordChildTileRange(e, t, n) {
    if (e[0] < this.maxZoom) {
      if (this.zoomFactor_ === 2) {
        const s = e[1] * 2, o = e[2] * 2;
        return si(s, s + 1, o, o + 1, t);
      }
      const r = this.getTileCoordExtent(e, n || this.tmpExtent_);
      return this.getTileRangeForExtentAndZ(r, e[0] + 1, t);
    }
    return null;
  }
  getTileRangeForTileCoordAndZ(e, t, n) {
    if (t > this.maxZoom || t < this.minZoom) return null;
    const r = e[0], s = e[1], o = e[2];
    if (t === r) return si(s, o, s, o, n);
    if (this.zoomFactor_) {
      const l = Math.pow(this.zoomFactor_, t - r), h = Math.floor(s * l), c = Math.floor(o * l);
      if (t < r) return si(h, h, c, c, n);
      const u = Math.floor(l * (s + 1)) - 1, d = Math.floor(l * (o + 1)) - 1;
      return si(h, u, c, d, n);
    }
    const a = this.getTileCoordExtent(e, this.tmpExtent_);
    return this.getTileRangeForExtentAndZ(a, t, n);
  }
  getTileRangeForExtentAndZ(e, t, n) {
    this.getTileCoordForXYAndZ_(e[0], e[3], t, !1, ci);
    const r = ci[1], s = ci[2];
    this.getTileCoordForXYAndZ_(e[2], e[1], t, !0, ci);
    const o = ci[1], a = ci[2];
    return si(r, o, s, a, n);
  }
  getTileCoordCenter(e) {
    const t = this.getOrigin(e[0]), n = this.getResolution(e[0]), r = He(this.getTileSize(e[0]), this.tmpSize_);
    return [t[0] + (e[1] + 0.5) * r[0] * n, t[1] - (e[2] + 0.5) * r[1] * n];
  }
  getTileCoordExtent(e, t) {
    const n = this.getOrigin(e[0]), r = this.getResolution(e[0]), s = He(this.getTileSize(e[0]), this.tmpSize_), o = n[0] + e[1] * s[0] * r, a = n[1] - (e[2] + 1) * s[1] * r, l = o + s[0] * r, h = a + s[1] * r;
    return Cn(o, a, l, h, t);
  }
  getTileCoordForCoordAndResolution(e, t, n) {
    return this.getTileCoordForXYAndResolution_(e[0], e[1], t, !1, n);
  }
  getTileCoordForXYAndResolution_(e, t, n, r, s) {
    const o = this.getZForResolution(n), a = n / this.getResolution(o), l = this.getOrigin(o), h = He(this.getTileSize(o), this.tmpSize_);
    let c = a * (e - l[0]) / n / h[0], u = a * (l[1] - t) / n / h[1];
    return r ? (c = Xr(c, gn) - 1, u = Xr(u, gn) - 1) : (c = jr(c, gn), u = jr(u, gn)), Is(o, c, u, s);
  }
  getTileCoordForXYAndZ_(e, t, n, r, s) {
    const o = this.getOrigin(n), a = this.getResolution(n), l = He(this.getTileSize(n), this.tmpSize_);
    let h = (e - o[0]) / a / l[0], c = (o[1] - t) / a / l[1];
    return r ? (h = Xr(h, gn) - 1, c = Xr(c, gn) - 1) : (h = jr(h, gn), c = jr(c, gn)), Is(n, h, c, s);
  }
  getTileCoordForCoordAndZ(e, t, n) {
    return this.getTileCoordForXYAndZ_(e[0], e[1], t, !1, n);
  }
  getTileCoordResolution(e) {
    return this.resolutions_[e[0]];
  }
  getTileSize(e) {
    return this.tileSize_ ? this.tileSize_ : this.tileSizes_[e];
  }
  getFullTileRange(e) {
    return this.fullTileRanges_ ? this.fullTileRanges_[e] : this.extent_ ? this.getTileRangeForExtentAndZ(this.extent_, e) : null;
  }
  getZForResolution(e, t) {
    const n = Ia(this.resolutions_, e, t || 0);
    return de(n, this.minZoom, this.maxZoom);
  }
  tileCoordIntersectsViewport(e, t) {
    return Ac(t, 0, t.length, 2, this.getTileCoordExtent(e));
  }
  calculateTileRanges_(e) {
    const t = this.resolutions_.length, n = new Array(t);
    for (let r = this.minZoom; r < t; ++r) n[r] = this.getTileRangeForExtentAndZ(e, r);
    this.fullTileRanges_ = n;
  }
}
function $u(i) {
  let e = i.getDefaultTileGrid();
  return e || (e = Ay(i), i.setDefaultTileGrid(e)), e;
}
function Ry(i, e, t) {
  const n = e[0], r = i.getTileCoordCenter(e), s = Rl(t);
  if (!Ti(s, r)) {
    const o = ae(s), a = Math.ceil((s[0] - r[0]) / o);
    return r[0] += o * a, i.getTileCoordForCoordAndZ(r, n);
  }
  return e;
}
function by(i, e, t, n) {
  n = n !== void 0 ? n : "top-left";
  const r = Vu(i, e, t);
  return new zu({ extent: i, origin: _d(i, n), resolutions: r, tileSize: t });
}
function Py(i) {
  const e = i || {}, t = e.extent || _e("EPSG:3857").getExtent(), n = { extent: t, minZoom: e.minZoom, tileSize: e.tileSize, resolutions: Vu(t, e.maxZoom, e.tileSize, e.maxResolution) };
  return new zu(n);
}
function Vu(i, e, t, n) {
  e = e !== void 0 ? e : dp, t = He(t !== void 0 ? t : el);
  const r = Ze(i), s = ae(i);
  n = n > 0 ? n : Math.max(s / t[0], r / t[1]);
  const o = e + 1, a = new Array(o);
  for (let l = 0; l < o; ++l) a[l] = n / Math.pow(2, l);
  return a;
}
function Ay(i, e, t, n) {
  const r = Rl(i);
  return by(r, e, t, n);
}
function Rl(i) {
  i = _e(i);
  let e = i.getExtent();
  if (!e) {
    const t = 180 * ar.degrees / i.getMetersPerUnit();
    e = Cn(-t, -t, t, t);
  }
  return e;
}
const Iy = /\{z\}/g, Fy = /\{x\}/g, Ly = /\{y\}/g, My = /\{-y\}/g;
function Dy(i, e, t, n, r) {
  return i.replace(Iy, e.toString()).replace(Fy, t.toString()).replace(Ly, n.toString()).replace(My, function() {
    if (r === void 0) throw new Error("If the URL template has a {-y} placeholder, the grid extent must be known");
    return (r - n).toString();
  });
}
function Oy(i) {
  const e = [];
  let t = /\{([a-z])-([a-z])\}/.exec(i);
  if (t) {
    const n = t[1].charCodeAt(0), r = t[2].charCodeAt(0);
    let s;
    for (s = n; s <= r; ++s) e.push(i.replace(t[0], String.fromCharCode(s)));
    return e;
  }
  if (t = /\{(\d+)-(\d+)\}/.exec(i), t) {
    const n = parseInt(t[2], 10);
    for (let r = parseInt(t[1], 10); r <= n; r++) e.push(i.replace(t[0], r.toString()));
    return e;
  }
  return e.push(i), e;
}
function ky(i, e) {
  return (function(t, n, r) {
    if (!t) return;
    let s;
    const o = t[0];
    if (e) {
      const a = e.getFullTileRange(o);
      a && (s = a.getHeight() - 1);
    }
    return Dy(i, o, t[1], t[2], s);
  });
}
function Ny(i, e) {
  const t = i.length, n = new Array(t);
  for (let r = 0; r < t; ++r) n[r] = ky(i[r], e);
  return Gy(n);
}
function Gy(i) {
  return i.length === 1 ? i[0] : (function(e, t, n) {
    if (!e) return;
    const r = z0(e), s = Nn(r, i.length);
    return i[s](e, t, n);
  });
}
class By extends Jc {
  constructor(e) {
    super({ attributions: e.attributions, attributionsCollapsible: e.attributionsCollapsible, projection: e.projection, state: e.state, wrapX: e.wrapX, interpolate: e.interpolate }), this.on, this.once, this.un, this.tilePixelRatio_ = e.tilePixelRatio !== void 0 ? e.tilePixelRatio : 1, this.tileGrid = e.tileGrid !== void 0 ? e.tileGrid : null;
    const t = [256, 256];
    this.tileGrid && He(this.tileGrid.getTileSize(this.tileGrid.getMinZoom()), t), this.tmpSize = [0, 0], this.key_ = e.key || z(this), this.tileOptions = { transition: e.transition, interpolate: e.interpolate }, this.zDirection = e.zDirection ? e.zDirection : 0;
  }
  getGutterForProjection(e) {
    return 0;
  }
  getKey() {
    return this.key_;
  }
  setKey(e) {
    this.key_ !== e && (this.key_ = e, this.changed());
  }
  getResolutions(e) {
    const t = e ? this.getTileGridForProjection(e) : this.tileGrid;
    return t ? t.getResolutions() : null;
  }
  getTile(e, t, n, r, s, o) {
    return X();
  }
  getTileGrid() {
    return this.tileGrid;
  }
  getTileGridForProjection(e) {
    return this.tileGrid ? this.tileGrid : $u(e);
  }
  getTilePixelRatio(e) {
    return this.tilePixelRatio_;
  }
  getTilePixelSize(e, t, n) {
    const r = this.getTileGridForProjection(n), s = this.getTilePixelRatio(t), o = He(r.getTileSize(e), this.tmpSize);
    return s == 1 ? o : If(o, s, this.tmpSize);
  }
  getTileCoordForTileUrlFunction(e, t) {
    const n = t !== void 0 ? t : this.getProjection(), r = t !== void 0 ? this.getTileGridForProjection(n) : this.tileGrid || this.getTileGridForProjection(n);
    return this.getWrapX() && n.isGlobal() && (e = Ry(r, e, n)), V0(e, r) ? e : null;
  }
  clear() {
  }
  refresh() {
    this.clear(), super.refresh();
  }
}
class Uy extends Pt {
  constructor(e, t) {
    super(e), this.tile = t;
  }
}
const $o = { TILELOADSTART: "tileloadstart", TILELOADEND: "tileloadend", TILELOADERROR: "tileloaderror" };
class bl extends By {
  constructor(e) {
    super({ attributions: e.attributions, cacheSize: e.cacheSize, projection: e.projection, state: e.state, tileGrid: e.tileGrid, tilePixelRatio: e.tilePixelRatio, wrapX: e.wrapX, transition: e.transition, interpolate: e.interpolate, key: e.key, attributionsCollapsible: e.attributionsCollapsible, zDirection: e.zDirection }), this.generateTileUrlFunction_ = this.tileUrlFunction === bl.prototype.tileUrlFunction, this.tileLoadFunction = e.tileLoadFunction, e.tileUrlFunction && (this.tileUrlFunction = e.tileUrlFunction), this.urls = null, e.urls ? this.setUrls(e.urls) : e.url && this.setUrl(e.url), this.tileLoadingKeys_ = {};
  }
  getTileLoadFunction() {
    return this.tileLoadFunction;
  }
  getTileUrlFunction() {
    return Object.getPrototypeOf(this).tileUrlFunction === this.tileUrlFunction ? this.tileUrlFunction.bind(this) : this.tileUrlFunction;
  }
  getUrls() {
    return this.urls;
  }
  handleTileChange(e) {
    const t = e.target, n = z(t), r = t.getState();
    let s;
    r == V.LOADING ? (this.tileLoadingKeys_[n] = !0, s = $o.TILELOADSTART) : n in this.tileLoadingKeys_ && (delete this.tileLoadingKeys_[n], s = r == V.ERROR ? $o.TILELOADERROR : r == V.LOADED ? $o.TILELOADEND : void 0), s != null && this.dispatchEvent(new Uy(s, t));
  }
  setTileLoadFunction(e) {
    this.tileLoadFunction = e, this.changed();
  }
  setTileUrlFunction(e, t) {
    this.tileUrlFunction = e, typeof t < "u" ? this.setKey(t) : this.changed();
  }
  setUrl(e) {
    const t = Oy(e);
    this.urls = t, this.setUrls(t);
  }
  setUrls(e) {
    this.urls = e;
    const t = e.join(`
`);
    this.generateTileUrlFunction_ ? this.setTileUrlFunction(Ny(e, this.tileGrid), t) : this.setKey(t);
  }
  tileUrlFunction(e, t, n) {
  }
}
class zy extends bl {
  constructor(e) {
    super({ attributions: e.attributions, cacheSize: e.cacheSize, projection: e.projection, state: e.state, tileGrid: e.tileGrid, tileLoadFunction: e.tileLoadFunction ? e.tileLoadFunction : Wu, tilePixelRatio: e.tilePixelRatio, tileUrlFunction: e.tileUrlFunction, url: e.url, urls: e.urls, wrapX: e.wrapX, transition: e.transition, interpolate: e.interpolate !== void 0 ? e.interpolate : !0, key: e.key, attributionsCollapsible: e.attributionsCollapsible, zDirection: e.zDirection }), this.crossOrigin = e.crossOrigin !== void 0 ? e.crossOrigin : null, this.tileClass = e.tileClass !== void 0 ? e.tileClass : uu, this.tileGridForProjection = {}, this.reprojectionErrorThreshold_ = e.reprojectionErrorThreshold, this.renderReprojectionEdges_ = !1;
  }
  getGutterForProjection(e) {
    return this.getProjection() && e && !tr(this.getProjection(), e) ? 0 : this.getGutter();
  }
  getGutter() {
    return 0;
  }
  getKey() {
    let e = super.getKey();
    return this.getInterpolate() || (e += ":disable-interpolation"), e;
  }
  getTileGridForProjection(e) {
    const t = this.getProjection();
    if (this.tileGrid && (!t || tr(t, e))) return this.tileGrid;
    const n = z(e);
    return n in this.tileGridForProjection || (this.tileGridForProjection[n] = $u(e)), this.tileGridForProjection[n];
  }
  createTile_(e, t, n, r, s, o) {
    const a = [e, t, n], l = this.getTileCoordForTileUrlFunction(a, s), h = l ? this.tileUrlFunction(l, r, s) : void 0, c = new this.tileClass(a, h !== void 0 ? V.IDLE : V.EMPTY, h !== void 0 ? h : "", this.crossOrigin, this.tileLoadFunction, this.tileOptions);
    return c.key = o, c.addEventListener(Y.CHANGE, this.handleTileChange.bind(this)), c;
  }
  getTile(e, t, n, r, s, o) {
    const a = this.getProjection();
    if (!a || !s || tr(a, s)) return this.getTileInternal(e, t, n, r, a || s);
    const l = [e, t, n], h = this.getKey(), c = this.getTileGridForProjection(a), u = this.getTileGridForProjection(s), d = this.getTileCoordForTileUrlFunction(l, s), g = new Nu(a, c, s, u, l, d, this.getTilePixelRatio(r), this.getGutter(), (f, p, _, y) => this.getTileInternal(f, p, _, y, a, o), this.reprojectionErrorThreshold_, this.renderReprojectionEdges_, this.tileOptions);
    return g.key = h, g;
  }
  getTileInternal(e, t, n, r, s, o) {
    const a = this.getKey(), l = ds(this, a, e, t, n);
    if (o && o.containsKey(l)) return o.get(l);
    const h = this.createTile_(e, t, n, r, s, a);
    return o?.set(l, h), h;
  }
  setRenderReprojectionEdges(e) {
    this.renderReprojectionEdges_ != e && (this.renderReprojectionEdges_ = e, this.changed());
  }
  setTileGridForProjection(e, t) {
    const n = _e(e);
    if (n) {
      const r = z(n);
      r in this.tileGridForProjection || (this.tileGridForProjection[r] = t);
    }
  }
}
function Wu(i, e) {
  if (lt) {
    const t = i.getCrossOrigin();
    let n = "same-origin", r = "same-origin";
    t === "anonymous" || t === "" ? (n = "cors", r = "omit") : t === "use-credentials" && (n = "cors", r = "include"), fetch(e, { mode: n, credentials: r }).then((s) => {
      if (!s.ok) throw new Error(`HTTP ${s.status}`);
      return s.blob();
    }).then((s) => createImageBitmap(s)).then((s) => {
      const o = i.getImage();
      o.width = s.width, o.height = s.height, o.getContext("2d").drawImage(s, 0, 0), s.close?.(), o.dispatchEvent(new Event("load"));
    }).catch(() => {
      i.getImage().dispatchEvent(new Event("error"));
    });
    return;
  }
  i.getImage().src = e;
}
class $y extends zy {
  constructor(e) {
    e = e || {};
    const t = e.projection !== void 0 ? e.projection : "EPSG:3857", n = e.tileGrid !== void 0 ? e.tileGrid : Py({ extent: Rl(t), maxResolution: e.maxResolution, maxZoom: e.maxZoom, minZoom: e.minZoom, tileSize: e.tileSize });
    super({ attributions: e.attributions, cacheSize: e.cacheSize, crossOrigin: e.crossOrigin, interpolate: e.interpolate, projection: t, reprojectionErrorThreshold: e.reprojectionErrorThreshold, tileGrid: n, tileLoadFunction: e.tileLoadFunction, tilePixelRatio: e.tilePixelRatio, tileUrlFunction: e.tileUrlFunction, url: e.url, urls: e.urls, wrapX: e.wrapX !== void 0 ? e.wrapX : !0, transition: e.transition, attributionsCollapsible: e.attributionsCollapsible, zDirection: e.zDirection }), this.gutter_ = e.gutter !== void 0 ? e.gutter : 0;
  }
  getGutter() {
    return this.gutter_;
  }
}
const Vy = '&#169; <a href="https://www.openstreetmap.org/copyright" target="_blank">OpenStreetMap</a> contributors.';
class Wy extends $y {
  constructor(e) {
    e = e || {};
    let t;
    e.attributions !== void 0 ? t = e.attributions : t = [Vy];
    const n = e.crossOrigin !== void 0 ? e.crossOrigin : "anonymous", r = e.url !== void 0 ? e.url : "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    super({ attributions: t, attributionsCollapsible: !1, cacheSize: e.cacheSize, crossOrigin: n, interpolate: e.interpolate, maxZoom: e.maxZoom !== void 0 ? e.maxZoom : 19, reprojectionErrorThreshold: e.reprojectionErrorThreshold, tileLoadFunction: ((s, o) => {
      const a = s.getImage();
      !lt && a instanceof HTMLImageElement && (a.referrerPolicy = "origin-when-cross-origin"), (e.tileLoadFunction || Wu)(s, o);
    }), transition: e.transition, url: r, wrapX: e.wrapX, zDirection: e.zDirection });
  }
}
const je = { LOADING: "loading", READY: "ready", ERROR: "error", CAPTURING: "capturing" }, Qh = "EPSG:3857", Si = "odk_value";
function jy(i, e) {
  let t, n, r, s;
  const o = id(i.mode), a = at(je.LOADING), l = at(), h = new Xa(), c = new Hs({ source: h, style: i.mode === rd.DRAW ? mm(Rr, Jt) : Ph(qt, _i), updateWhileAnimating: !0 }), u = new ma({ source: h, style: [...um(qt, us, _i), ...dm(qt, us, _i), ...Ph(qt, _i)], variables: { [_i]: "", [us]: "" } }), d = (L, G, te) => {
    if (!t) {
      if (o.capabilities.canLoadMultiFeatures && !Um()) {
        a.value = je.ERROR, l.value = { title: "Graphics issue detected", message: "Your browser cannot display the map now. Enable graphics acceleration settings." };
        return;
      }
      t = new Kp({ target: L, layers: [new wy({ source: new Wy() })], view: new Ot({ center: Au, zoom: Iu, multiWorld: !1, projection: Qh, extent: _e(Qh)?.getExtent() }), controls: [new gu(), new du({ collapsible: !1 })], interactions: xu({ doubleClickZoom: !1 }), moveTolerance: 8 }), r = Pm(t), n = Ey(t, o.capabilities, i.singleFeatureType), s = a0(t, o.capabilities, r, u), g(G, te), n.setupMapVisibilityObserver(L, () => ve()), a.value = je.READY;
    }
  }, g = (L, G) => {
    if (!t) return;
    if (o.capabilities.canLoadMultiFeatures) {
      t.addLayer(u), w(L, G);
      return;
    }
    if (t.addLayer(c), !G) return;
    const te = s?.createFeatureFromGeoJSON(G);
    R(te);
  }, f = (L) => {
    !t || !n || (n.removeMapInteractions(), !L && (o.interactions.select && n.toggleSelectEvent(!0, (G, te) => {
      s?.selectFeature(G, te), e.onVertexSelect(Lh(G, te));
    }), o.interactions.dragFeature && n.setupFeatureDrag(c, (G) => _(G)), o.interactions.tapToAdd && (n.setupTapToAddVertex(h, (G) => _(G)), o.interactions.dragFeatureAndVertex && n.setupVertexDrag(h, (G) => _(G)))));
  }, p = (L) => {
    L.set(Si, Mh(L)), s?.saveFeature(L);
    const G = L.get(Jt);
    e.onVertexSelect(Lh(L, G));
  }, _ = (L) => {
    p(L), e.onFeaturePlacement && e.onFeaturePlacement();
  }, y = () => {
    if (!v()) return;
    const L = s?.getSelectedFeature(), G = L?.get(Jt);
    if (!(!L || G === void 0)) {
      if (n?.pushUndoState(L), Nm(L, G) > 0) {
        p(L), D();
        return;
      }
      T();
    }
  }, x = () => {
    const L = s?.getSelectedFeature();
    v() && L && (n?.pushUndoState(L), T());
  }, E = () => {
    const L = s?.getSelectedFeature();
    return L && L.get(Jt) === void 0;
  }, v = () => {
    const { canDeleteFeature: L, canLoadMultiFeatures: G } = o.capabilities;
    return L && !G;
  }, m = () => {
    const { canUndoLastChange: L, canLoadMultiFeatures: G } = o.capabilities;
    return !!n?.hasUndoHistory() && L && !G;
  }, S = () => {
    if (m()) {
      T();
      const L = n?.popUndoState();
      L && (h.addFeature(L), p(L), D());
    }
  }, T = () => {
    D(), U(), h.clear();
  }, w = (L, G) => {
    I(L), s?.findAndSaveFeature(h, G, !0);
  }, b = (L) => {
    if (!L.length || !o.capabilities.canUpdateVertexCoordinates) return;
    const G = s?.getSavedFeature(), te = G?.get(Jt);
    te !== void 0 && (n?.pushUndoState(G), Gm(G, te, L), p(G), r?.fitToAllFeatures(h));
  }, M = (L) => {
    if (!L.length || !o.capabilities.canUpdateFeatureCoordinates) return;
    const G = h.getFeatures()?.[0];
    G ? P(G, L) : A(L), r?.fitToAllFeatures(h);
  }, A = (L) => {
    const G = s?.createFeatureFromType(i.singleFeatureType, L);
    G && (n?.pushUndoState(null), h.addFeature(G), p(G));
  }, P = (L, G) => {
    const te = L.getGeometry();
    te && (n?.pushUndoState(L), te.setCoordinates(G, sn), p(L), D());
  }, R = (L) => {
    !t || o.capabilities.canLoadMultiFeatures || !L || (a.value = je.LOADING, s?.loadAndSaveSingleFeature(h, L), e.onFeaturePlacement?.(), a.value = je.READY);
  }, I = (L) => {
    !t || !o.capabilities.canLoadMultiFeatures || (a.value = je.LOADING, T(), L.features.length ? s?.loadFeatureCollection(h, L) : r?.centerFullWorldView(), a.value = je.READY);
  }, O = () => {
    const L = r?.getUserCurrentLocation(), { canSaveCurrentLocation: G } = o.capabilities;
    if (!G || s?.getSavedFeature() || !L) return;
    const te = ya(L.longitude, L.latitude, L.altitude, L.accuracy), an = s?.createFeatureFromType(xe.POINT, hr(te));
    an && (an.set(Si, Mh(an)), R(an));
  }, B = () => {
    if (o.capabilities.canLoadMultiFeatures) {
      U();
      return;
    }
    o.capabilities.canSaveCurrentLocation && ve(), T();
  }, D = () => {
    s?.selectFeature(void 0), e.onVertexSelect(void 0);
  }, U = () => s?.saveFeature(void 0), W = () => {
    if (ve(), r = void 0, n?.teardownMap(), n = void 0, s = void 0, ht.clear(), t) {
      t.getLayers().getArray().forEach((G) => {
        G.dispose(), t.removeLayer(G);
      });
      const L = t.getViewport().querySelector("canvas");
      if (L) {
        const G = L.getContext("webgl") ?? L.getContext("webgl2");
        if (G) {
          const te = G.getExtension("WEBGL_lose_context");
          te && te.loseContext();
        }
      }
      t.getInteractions().clear(), t.getOverlays().clear(), t.dispose(), t.setTarget(), t = void 0;
    }
  }, q = () => {
    const { canShowMapOverlayOnError: L, canShowMapOverlay: G } = o.capabilities, te = !r?.getUserCurrentLocation() && !s?.getSavedFeature();
    return a.value === je.ERROR ? L && te : a.value === je.READY && G && te;
  }, re = () => o.capabilities.canRemoveCurrentLocation && !!s?.getSavedFeature(), F = () => o.interactions.tapToAdd && o.interactions.dragFeatureAndVertex, Ge = () => o.interactions.tapToAdd && o.interactions.dragFeature, st = () => {
    const { singleFeatureType: L } = i;
    if (L !== xe.SHAPE && L !== xe.TRACE) return !1;
    const { canUpdateFeatureCoordinates: G, canUpdateVertexCoordinates: te } = o.capabilities;
    return G || te;
  }, Ee = () => {
    a.value = je.CAPTURING, r?.watchCurrentLocation(() => {
      a.value = je.READY, O();
    }, () => {
      a.value = je.ERROR, l.value = { title: "Cannot access location", message: "Grant location permission in the browser settings and make sure location is turned on." };
    });
  }, ve = () => {
    a.value = je.READY, r?.stopWatchingCurrentLocation();
  }, Be = (L) => s?.findAndSaveFeature(h, L, o.capabilities.canViewProperties);
  return Ct(() => a.value, (L) => {
    L !== je.ERROR && (l.value = void 0);
  }), { currentState: a, errorMessage: l, initMap: d, teardownMap: W, updateFeatureCollection: w, updateVertexCoords: b, updateFeatureCoordinates: M, setupMapInteractions: f, isMapEmpty: () => h.isEmpty(), fitToAllFeatures: () => r?.fitToAllFeatures(h), watchCurrentLocation: Ee, stopWatchingCurrentLocation: ve, canRemoveCurrentLocation: re, discardSavedFeature: B, saveSelectedFeature: () => s?.saveSelectedFeature(), findAndSaveFeature: Be, getSavedFeature: () => s?.getSavedFeature()?.clone(), getSavedFeatureValue: () => s?.getSavedFeatureValue(), isSavedFeatureSelected: () => !!s?.isSavedFeatureSelected(), confirmDeleteFeature: E, deleteFeature: x, deleteVertex: y, canDeleteFeatureOrVertex: v, canUndoChange: m, undoLastChange: S, isFeatureSelected: () => !!s?.getSelectedFeature(), getSelectedFeatureProperties: () => s?.getSelectedFeatureProperties(), selectSavedFeature: () => s?.selectFeature(s?.getSavedFeature()), unselectFeature: D, canDragFeatureAndVertex: F, canDragFeature: Ge, canViewProperties: () => o.capabilities.canViewProperties, canOpenAdvancedPanel: st, shouldShowMapOverlay: q };
}
const Xy = { key: 0, class: "map-properties" }, Yy = { class: "map-properties-header" }, Zy = { class: "map-properties-content" }, Hy = { class: "map-properties-footer" }, Ky = Vn({ __name: "MapProperties", props: { reservedProps: {}, orderedExtraProps: {}, isSavedFeatureSelected: { type: Boolean }, canRemove: { type: Boolean }, canSave: { type: Boolean } }, emits: ["close", "save", "discard"], setup(i, { emit: e }) {
  const t = i, n = e, r = mt(() => {
    const s = t.reservedProps?.[Si];
    return s ? t.orderedExtraProps.get(s) ?? [] : [];
  });
  return (s, o) => i.reservedProps ? (Q(), fe("div", Xy, [k("div", Yy, [k("strong", null, St(i.reservedProps.odk_label ?? i.reservedProps.odk_geometry), 1), k("button", { class: "close-icon", onClick: o[0] || (o[0] = (a) => n("close")) }, [ce(ke, { name: "mdiClose" })])]), k("dl", Zy, [(Q(!0), fe(nc, null, hd(r.value, ([a = "", l = ""]) => (Q(), fe("div", { key: a, class: "property-line" }, [k("dt", null, St(a), 1), k("dd", null, St(l), 1)]))), 128))]), k("div", Hy, [i.isSavedFeatureSelected && i.canRemove ? (Q(), tt(J(Nt), { key: 0, outlined: "", severity: "contrast", onClick: o[1] || (o[1] = (a) => n("discard")) }, { default: $e(() => [...o[3] || (o[3] = [k("span", null, "–", -1), k("span", null, "Remove selection", -1)])]), _: 1 })) : ye("", !0), !i.isSavedFeatureSelected && i.canSave ? (Q(), tt(J(Nt), { key: 1, onClick: o[2] || (o[2] = (a) => n("save")) }, { default: $e(() => [ce(ke, { name: "mdiCheckboxMarkedCircleOutline", size: "sm", variant: "inverted" }), o[4] || (o[4] = k("span", null, "Save selected", -1))]), _: 1 })) : ye("", !0)])])) : ye("", !0);
} }), qy = Li(Ky, [["__scopeId", "data-v-d705b86b"]]), Jy = { class: "map-status-container" }, Qy = { key: 0, class: "map-status" }, ex = { key: 1, class: "map-status" }, tx = { key: 2, class: "map-status-buttons" }, ec = "mdiVectorPolyline", tc = "mdiVectorPolygon", nx = Vn({ __name: "MapStatusBar", props: { savedFeatureValue: {}, selectedVertex: {}, singleFeatureType: {}, isCapturing: { type: Boolean }, isFullScreen: { type: Boolean }, canRemove: { type: Boolean }, canViewDetails: { type: Boolean }, canOpenAdvancedPanel: { type: Boolean } }, emits: ["discard", "toggle-advanced-panel", "view-details"], setup(i, { emit: e }) {
  const t = i, n = e, r = mt(() => t.singleFeatureType === xe.TRACE ? { message: "No trace saved", icon: ec } : t.singleFeatureType === xe.SHAPE ? { message: "No shape saved", icon: tc } : { message: "No point saved", icon: "mdiMapMarkerOutline" }), s = mt(() => {
    if (!t.selectedVertex || t.selectedVertex.length < 2) return "";
    const [c, u, d, g] = cr(t.selectedVertex), f = [`Longitude: ${c}`, `Latitude: ${u}`];
    return d != null && f.push(`Altitude: ${d} m`), g != null && f.push(`Accuracy: ${ud(g, { decimals: 3 })}`), f.join(", ");
  }), o = (c = []) => {
    if (t.singleFeatureType === xe.POINT && c?.length) return 1;
    if (t.singleFeatureType === xe.TRACE) return c.length;
    const u = c[0];
    return t.singleFeatureType === xe.SHAPE && Array.isArray(u) && Fi(u[0], u[u.length - 1]) ? u.length - 1 : 0;
  }, a = (c) => {
    const u = c?.toLowerCase();
    return u === "point" ? "Point saved" : u === "linestring" ? "Trace saved" : u === "polygon" ? "Shape saved" : "Feature saved";
  }, l = mt(() => {
    const c = t.savedFeatureValue?.geometry;
    if (!t.singleFeatureType && c) return { message: a(c.type), icon: "mdiCheckCircle", highlight: !0 };
    const u = o(c?.coordinates);
    if (u === 0) return null;
    const d = `${u} points saved`;
    return t.singleFeatureType === xe.TRACE ? { message: d, icon: ec } : t.singleFeatureType === xe.SHAPE ? { message: d, icon: tc } : { message: "Point saved", icon: "mdiCheckCircle", highlight: !0 };
  }), h = mt(() => {
    const c = l.value ?? r.value;
    return s.value.length ? { ...c, message: s.value } : { ...c };
  });
  return (c, u) => (Q(), fe("div", { class: On(["map-status-bar", { "full-screen-active": i.isFullScreen }]) }, [k("div", Jy, [i.isCapturing ? (Q(), fe("div", Qy, [ce(J(sd), { class: "map-status-spinner", "stroke-width": "5px" }), u[3] || (u[3] = k("span", null, "Capturing location...", -1))])) : ye("", !0), !i.isCapturing && h.value ? (Q(), fe("div", ex, [ce(ke, { name: h.value.icon, variant: h.value.highlight ? "success" : "base" }, null, 8, ["name", "variant"]), k("span", null, St(h.value.message), 1)])) : ye("", !0), l.value ? (Q(), fe("div", tx, [i.canRemove ? (Q(), tt(J(Nt), { key: 0, outlined: "", severity: "contrast", onClick: u[0] || (u[0] = (d) => n("discard")) }, { default: $e(() => [...u[4] || (u[4] = [k("span", null, "–", -1), k("span", { class: "mobile-only" }, "Remove", -1), k("span", { class: "desktop-only" }, "Remove point", -1)])]), _: 1 })) : ye("", !0), i.canViewDetails ? (Q(), tt(J(Nt), { key: 1, outlined: "", severity: "contrast", onClick: u[1] || (u[1] = (d) => n("view-details")) }, { default: $e(() => [...u[5] || (u[5] = [k("span", null, "View details", -1)])]), _: 1 })) : ye("", !0)])) : ye("", !0)]), i.canOpenAdvancedPanel ? (Q(), tt(J(Nt), { key: 0, class: "advanced-button", outlined: "", severity: "contrast", onClick: u[2] || (u[2] = (d) => n("toggle-advanced-panel")) }, { default: $e(() => [ce(ke, { name: "mdiCogOutline" }), u[6] || (u[6] = k("span", null, "Advanced", -1))]), _: 1 })) : ye("", !0)], 2));
} }), ix = Li(nx, [["__scopeId", "data-v-f8d03afc"]]), rx = { class: "dialog-field-container" }, sx = { key: 0, class: "coords-error-message" }, ox = { class: "dialog-field-container" }, ax = { key: 0, class: "file-added-container" }, lx = { class: "file-name" }, hx = { key: 1, class: "coords-error-message" }, cx = Vn({ __name: "MapUpdateCoordsDialog", props: { visible: { type: Boolean }, singleFeatureType: {} }, emits: ["update:visible", "save"], setup(i, { emit: e }) {
  const t = i, n = e, r = Ie(""), s = Ie(null), o = Ie(null), a = Ie(!1), l = Ie(null), h = Ie(null), c = () => {
    _(), s.value?.click();
  }, u = (m) => {
    const S = m.target.files?.[0];
    S && (o.value = S);
  }, d = async (m) => {
    try {
      const S = await m.text();
      if (!S?.trim()?.length) {
        E("File is empty.");
        return;
      }
      if (m.name.toLowerCase().endsWith(".geojson")) return dd(S);
      E("Unsupported file type. Please upload a .geojson file.");
    } catch {
      E("Failed to parse file. Ensure it is a valid GeoJSON.");
    }
  }, g = () => {
    const m = r.value.trim();
    if (m.length) return gd(m);
  }, f = async () => {
    x(), a.value = !0;
    let m;
    o.value ? m = await d(o.value) : r.value.length && (m = g());
    const S = zm(m, t.singleFeatureType);
    a.value = !1;
    const T = "Incorrect geometry type.";
    if (!S?.length && o.value) {
      E(T);
      return;
    }
    if (!S?.length && r.value.length) {
      v(T);
      return;
    }
    p(), n("save", S);
  }, p = () => {
    _(), n("update:visible", !1);
  }, _ = () => {
    r.value = "", a.value = !1, y(), x();
  }, y = () => {
    o.value = null, s.value && (s.value.value = "");
  }, x = () => {
    l.value = null, h.value = null;
  }, E = (m) => h.value ??= m, v = (m) => l.value ??= m;
  return Ct(r, (m) => {
    x(), m && o.value && y();
  }), (m, S) => (Q(), tt(J(ic), { visible: i.visible, modal: "", class: "map-paste-dialog", draggable: !1, "onUpdate:visible": S[1] || (S[1] = (T) => n("update:visible", T)), onAfterHide: _ }, { header: $e(() => [...S[2] || (S[2] = [k("strong", null, "Import data to replace location", -1)])]), default: $e(() => [k("div", rx, [S[3] || (S[3] = k("label", { for: "paste-input" }, [k("span", null, "Paste data in ODK format"), k("span", { class: "info-helper", title: "Enter as: Lat Long Alt Acc (e.g. 45.5 -122.6 15 2; 45.6 -122.7 12 3)" }, " ⓘ ")], -1)), ce(J(cd), { id: "paste-input", modelValue: r.value, "onUpdate:modelValue": S[0] || (S[0] = (T) => r.value = T), disabled: a.value, "auto-resize": "", rows: "1" }, null, 8, ["modelValue", "disabled"]), l.value?.length ? (Q(), fe("p", sx, St(l.value), 1)) : ye("", !0)]), k("div", ox, [S[5] || (S[5] = k("label", null, "Upload a GeoJSON file", -1)), o.value ? (Q(), fe("div", ax, [ce(ke, { name: "mdiFileOutline" }), k("span", lx, St(o.value.name), 1), ce(ke, { class: "clear-file", name: "mdiClose", variant: "muted", size: "sm", onClick: _ })])) : ye("", !0), h.value?.length ? (Q(), fe("p", hx, St(h.value), 1)) : ye("", !0), ce(J(Nt), { class: "upload-button", outlined: "", severity: "contrast", disabled: a.value, onClick: c }, { default: $e(() => [ce(ke, { name: "mdiUpload" }), S[4] || (S[4] = k("span", null, "Upload file", -1))]), _: 1 }, 8, ["disabled"]), k("input", { ref_key: "fileInput", ref: s, type: "file", accept: ".geojson,application/json", onChange: u }, null, 544)])]), footer: $e(() => [ce(J(Nt), { label: "Save", disabled: !o.value && !r.value.length, onClick: f }, null, 8, ["disabled"])]), _: 1 }, 8, ["visible"]));
} }), ux = Li(cx, [["__scopeId", "data-v-2b003337"]]), dx = { class: "map-block-component" }, gx = { key: 1, class: "map-overlay get-location-overlay" }, fx = { key: 0 }, _x = { key: 1 }, px = { class: "error-message" }, mx = Vn({ __name: "MapBlock", props: { featureCollection: {}, disabled: { type: Boolean }, singleFeatureType: {}, mode: {}, orderedExtraProps: {}, savedFeatureValue: {} }, emits: ["save"], setup(i, { emit: e }) {
  const t = i, n = e, r = Ie(), s = Ie(!1), o = Ie(!1), a = Ie(!1), l = Ie(!1), h = Ie(!1), c = Ie(), u = Ie(!1), d = Ku(qu, mt(() => !1)), g = jy({ mode: t.mode, singleFeatureType: t.singleFeatureType }, { onFeaturePlacement: () => y(), onVertexSelect: (R) => c.value = R }), f = mt(() => g.canOpenAdvancedPanel() && c.value?.length ? cr(c.value) : null), p = mt(() => !t.disabled && (g.canUndoChange() || g.canDeleteFeatureOrVertex())), _ = mt(() => t.disabled ? null : g.canDragFeatureAndVertex() ? { placed: "Press and drag to move a point", default: "Tap to place a point" } : g.canDragFeature() ? { placed: "Tap to move point", default: "Use the location button to center on your current location" } : null);
  Ju(() => {
    !r.value || !g || (g.initMap(r.value, t.featureCollection, t.savedFeatureValue), g.setupMapInteractions(t.disabled), document.addEventListener("keydown", x));
  }), Qu(() => {
    document.removeEventListener("keydown", x), g.teardownMap();
  }), Ct(() => t.featureCollection, (R) => {
    g.updateFeatureCollection(R, t.savedFeatureValue), E();
  }, { deep: !0 }), Ct(() => t.savedFeatureValue, (R) => {
    g.findAndSaveFeature(R);
  }), Ct(() => t.disabled, (R) => g.setupMapInteractions(R)), Ct(s, async (R) => {
    R || (await ed(), o.value = !1, g.fitToAllFeatures(), g.stopWatchingCurrentLocation());
  });
  const y = () => E();
  Ct(() => g.errorMessage.value, () => u.value = !!g.errorMessage.value);
  const x = (R) => {
    R.key === "Escape" && s.value && (s.value = !1);
  }, E = () => {
    const R = g.getSavedFeatureValue() ?? "";
    h.value = !!R.length, n("save", R);
  }, v = () => {
    g.saveSelectedFeature(), E();
  }, m = () => {
    g.discardSavedFeature(), E();
  }, S = () => {
    if (g.confirmDeleteFeature()) {
      a.value = !0;
      return;
    }
    g.deleteVertex(), E();
  }, T = () => {
    g.deleteFeature(), a.value = !1, E();
  }, w = () => {
    g.undoLastChange(), E();
  }, b = (R) => {
    g.updateFeatureCoordinates(R), E();
  }, M = (R) => {
    g.updateVertexCoords(R), E();
  }, A = () => {
    s.value = !0, g.shouldShowMapOverlay() && g.watchCurrentLocation();
  }, P = () => {
    s.value = !s.value;
  };
  return (R, I) => (Q(), fe(nc, null, [k("div", dx, [k("div", { class: On({ "map-container": !0, "map-full-screen": s.value }) }, [k("div", { ref_key: "mapElement", ref: r, class: "map-block" }, [s.value ? ye("", !0) : (Q(), fe("div", { key: 0, class: "map-overlay full-screen-overlay", onClick: A })), J(g).shouldShowMapOverlay() ? (Q(), fe("div", gx, [ce(J(Nt), { severity: "secondary", outlined: "", class: "close-full-screen", onClick: I[0] || (I[0] = (O) => s.value = !1) }, { default: $e(() => [ce(ke, { name: "mdiClose", size: "sm" })]), _: 1 }), ce(J(Nt), { outlined: "", severity: "contrast", onClick: J(g).watchCurrentLocation }, { default: $e(() => [ce(ke, { name: "mdiCrosshairsGps" }), I[6] || (I[6] = k("span", null, "Get location", -1))]), _: 1 }, 8, ["onClick"])])) : ye("", !0), ce(Tg, { "is-full-screen": s.value, "disable-fit-all-features": J(g).isMapEmpty(), "disable-undo": !J(g).canUndoChange(), "disable-delete": !J(g).isFeatureSelected(), "show-secondary-controls": p.value, onToggleFullScreen: P, onFitAllFeatures: J(g).fitToAllFeatures, onWatchCurrentLocation: J(g).watchCurrentLocation, onTriggerDelete: S, onUndoLastChange: w }, null, 8, ["is-full-screen", "disable-fit-all-features", "disable-undo", "disable-delete", "show-secondary-controls", "onFitAllFeatures", "onWatchCurrentLocation"]), _.value ? (Q(), tt(J(td), { key: 2, severity: "contrast", closable: "", size: "small", class: On({ "map-message": !0, "above-secondary-controls": s.value && p.value }) }, { default: $e(() => [h.value ? (Q(), fe("span", fx, St(_.value.placed), 1)) : (Q(), fe("span", _x, St(_.value.default), 1))]), _: 1 }, 8, ["class"])) : ye("", !0)], 512), ce(ix, { "can-open-advanced-panel": !i.disabled && J(g).canOpenAdvancedPanel(), "can-remove": !i.disabled && J(g).canRemoveCurrentLocation(), "can-view-details": J(g).canViewProperties(), "single-feature-type": i.singleFeatureType, "is-capturing": J(g).currentState.value === J(je).CAPTURING, "is-full-screen": s.value, "saved-feature-value": i.savedFeatureValue, "selected-vertex": c.value, class: "map-status-bar-component", onDiscard: m, onViewDetails: J(g).selectSavedFeature, onToggleAdvancedPanel: I[1] || (I[1] = (O) => o.value = !o.value) }, null, 8, ["can-open-advanced-panel", "can-remove", "can-view-details", "single-feature-type", "is-capturing", "is-full-screen", "saved-feature-value", "selected-vertex", "onViewDetails"]), !i.disabled && J(g).canOpenAdvancedPanel() ? (Q(), tt(dg, { key: 0, "is-open": o.value, coordinates: f.value, onOpenPasteDialog: I[2] || (I[2] = (O) => l.value = !0), onSave: M }, null, 8, ["is-open", "coordinates"])) : ye("", !0), J(g).canViewProperties() ? (Q(), tt(qy, { key: 1, "can-remove": !i.disabled, "can-save": !i.disabled, "is-saved-feature-selected": J(g).isSavedFeatureSelected(), "ordered-extra-props": i.orderedExtraProps, "reserved-props": J(g).getSelectedFeatureProperties(), onClose: J(g).unselectFeature, onDiscard: m, onSave: v }, null, 8, ["can-remove", "can-save", "is-saved-feature-selected", "ordered-extra-props", "reserved-props", "onClose"])) : ye("", !0)], 2), J(g).errorMessage.value && (!s.value || u.value) ? (Q(), fe("div", { key: 0, class: On(["map-block-error", { "stack-errors": J(d) && !s.value, "top-position": s.value }]) }, [k("div", px, [k("strong", null, St(J(g).errorMessage.value.title), 1), I[7] || (I[7] = nd("   ", -1)), k("span", null, St(J(g).errorMessage.value.message), 1)]), s.value ? (Q(), tt(ke, { key: 0, class: "clear-error", name: "mdiClose", variant: "error", size: "sm", onClick: I[3] || (I[3] = (O) => u.value = !1) })) : ye("", !0)], 2)) : ye("", !0)]), ce(mg, { visible: a.value, "onUpdate:visible": I[4] || (I[4] = (O) => a.value = O), "single-feature-type": i.singleFeatureType, onDeleteFeature: T }, null, 8, ["visible", "single-feature-type"]), ce(ux, { visible: l.value, "onUpdate:visible": I[5] || (I[5] = (O) => l.value = O), "single-feature-type": i.singleFeatureType, onSave: b }, null, 8, ["visible", "single-feature-type"])], 64));
} }), xx = Li(mx, [["__scopeId", "data-v-89330403"]]);
export {
  xx as default
};
