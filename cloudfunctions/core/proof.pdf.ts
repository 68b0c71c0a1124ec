/**
 * The proof document as a PDF (pdfkit), Chinese text in an embedded font.
 *
 * Font: a TrueType font or collection read from FONT_PATH, default the WenQuanYi Micro Hei
 * collection of Debian/Ubuntu's fonts-wqy-microhei (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc;
 * Apache-2.0 / GPLv3 with the font exception — embedding and redistribution allowed). For a
 * collection (.ttc) FONT_FAMILY names the face by its PostScript name (default WenQuanYiMicroHei).
 * pdfkit embeds a SUBSET (only the glyphs used, FontFile2 + ToUnicode so the text can be copied and
 * searched): a proof is ≈ 20–40 KB, not the 5 MB collection.
 * A CloudBase function has no system fonts: the deployment ships the font file in the function's
 * folder and sets FONT_PATH to it (README "Deployment"). The file is read once per instance.
 *
 * The QR is drawn as vector squares from the qrcode-generator matrix (error correction M, 4-module
 * quiet zone) — sharp when printed, and readable by any phone.
 */
import { existsSync, readFileSync } from 'node:fs';
import qrcode from 'qrcode-generator';
import type { ProofFacts } from './proof';

export const DEFAULT_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const DEFAULT_FONT_FAMILY = 'WenQuanYiMicroHei';

let cached: { path: string; data: Buffer } | null = null;

/** The font bytes, or null when the configured file is missing (the handler answers UNAVAILABLE). */
export function proofFont(env: Record<string, string | undefined> = process.env): { data: Buffer; family: string } | null {
  const path = env.FONT_PATH?.trim() || DEFAULT_FONT_PATH;
  const family = env.FONT_FAMILY?.trim() || DEFAULT_FONT_FAMILY;
  if (cached?.path === path) return { data: cached.data, family };
  if (!existsSync(path)) return null;
  cached = { path, data: readFileSync(path) };
  return { data: cached.data, family };
}

const MM = 72 / 25.4;

/** Renders the proof; resolves the PDF bytes. `now` (epoch ms) is the document's creation date. */
export async function renderProofPdf(facts: ProofFacts, qrText: string, font: { data: Buffer; family: string }, now: number): Promise<Buffer> {
  // pdfkit (with fontkit) is loaded at the first proof, not when the citizen function starts: it
  // takes about a second to load, which every other call's cold start would pay (docs/performance.md)
  const { default: PDFDocument } = await import('pdfkit');
  // font: null — no default Helvetica (its AFM file would be read for nothing); ours is set below
  const doc = new PDFDocument({
    size: 'A4', margin: 20 * MM, font: null as unknown as string, lang: 'zh-CN', displayTitle: true,
    info: { Title: facts.title, Author: facts.office, Subject: `${facts.kindLabel} ${facts.issuedOn}`, CreationDate: new Date(now), ModDate: new Date(now) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // a plain Uint8Array view (no copy) of this realm: pdfkit tests `instanceof Uint8Array`, which a
  // Buffer made in another realm (a test sandbox, a bundler's shim) fails
  doc.registerFont('cjk', new Uint8Array(font.data.buffer, font.data.byteOffset, font.data.byteLength) as Buffer, font.family);
  doc.font('cjk');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fontSize(24).text(facts.title, left, 30 * MM, { width, align: 'center', characterSpacing: 6 });
  doc.moveDown(1.5);
  doc.fontSize(13).text(facts.statement, { width, lineGap: 6 });
  doc.moveDown(1);

  const rows: Array<[string, string]> = [
    ['姓　　名', facts.name],
    ['证件号码', facts.idNumberMasked],
    ['登记类型', facts.kindLabel],
    ['登记地区', facts.regionName],
    ['登记日期', facts.since],
    ['当前状态', facts.statusText],
    ['开具日期', facts.issuedOn],
    ['开具机构', facts.office],
  ];
  doc.fontSize(12);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.fillColor('#555555').text(label, left, y, { width: 28 * MM });
    doc.fillColor('#000000').text(value, left + 30 * MM, y, { width: width - 30 * MM });
    doc.moveDown(0.6);
  }

  // QR, bottom right of the body: 4-module quiet zone, modules of equal size
  const qr = qrcode(0, 'M');
  qr.addData(qrText, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const box = 45 * MM;
  const unit = box / (n + 8);
  const qx = left + width - box;
  const qy = doc.y + 8 * MM;
  doc.save();
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.isDark(r, c)) { c++; continue; }
      const start = c;
      while (c < n && qr.isDark(r, c)) c++;
      doc.rect(qx + (start + 4) * unit, qy + (r + 4) * unit, (c - start) * unit, unit);
    }
  }
  doc.fill('#000000');
  doc.restore();

  doc.fontSize(10).fillColor('#333333').text(
    `核验方式：经办人员在工作人员端“扫码核验”中扫描右侧二维码，即可核验本证明的真伪和该登记的当前状态。二维码 ${facts.validUntil} 前有效，过期请持证人重新开具。`,
    left, qy + 4 * MM, { width: width - box - 8 * MM, lineGap: 4 },
  );
  doc.moveDown(1);
  doc.text('本证明所载登记的当前状态以扫码核验结果为准。证件号码已部分隐藏。', { width: width - box - 8 * MM, lineGap: 4 });
  doc.end();
  return done;
}
